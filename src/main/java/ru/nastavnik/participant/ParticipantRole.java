package ru.nastavnik.participant;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A person's role in one programme. Candidates become mentors after selection and training (stage 4). */
public enum ParticipantRole {
    MENTEE("mentee", "Наставляемый", "наставляемая", "наставляемый (ая)"),
    MENTOR_CANDIDATE("mentor_candidate", "Кандидат в наставники", "кандидат", "потенциальный наставник"),
    MENTOR("mentor", "Наставник", "наставница");

    private final String code;
    private final String title;
    private final List<String> aliases;

    ParticipantRole(String code, String title, String... aliases) {
        this.code = code;
        this.title = title;
        this.aliases = List.of(aliases);
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public boolean mentoring() {
        return this != MENTEE;
    }

    public static Optional<ParticipantRole> parse(String text) {
        String k = Text.key(text);
        return Arrays.stream(values()).filter(r -> Stream.concat(Stream.of(r.code, r.title), r.aliases.stream())
                .anyMatch(a -> Text.key(a).equals(k))).findFirst();
    }

    public static Optional<ParticipantRole> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static String titles() {
        return Arrays.stream(values()).map(ParticipantRole::title).collect(Collectors.joining(", "));
    }
}
