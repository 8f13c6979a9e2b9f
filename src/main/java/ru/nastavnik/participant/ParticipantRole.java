package ru.nastavnik.participant;

import java.util.List;
import java.util.Optional;

/** A person's role in one programme. Candidates become mentors after selection and training (stage 4). */
public enum ParticipantRole implements Listed {
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

    @Override
    public String code() {
        return code;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    public boolean mentoring() {
        return this != MENTEE;
    }

    public static Optional<ParticipantRole> parse(String text) {
        return Listed.parse(ParticipantRole.class, text);
    }

    public static Optional<ParticipantRole> byCode(String code) {
        return Listed.byCode(ParticipantRole.class, code);
    }

    public static String titles() {
        return Listed.titles(ParticipantRole.class);
    }
}
