package ru.nastavnik.closing;

import java.util.Arrays;
import java.util.Optional;

/** The awards of the seeds' section 10 (конкурс «Наставник года», «Лучшая пара», «Наставник+»). */
enum Nomination {
    MENTOR_OF_YEAR("mentor_of_year", "Наставник года", "mentorOfYear"),
    BEST_PAIR("best_pair", "Лучшая пара", "bestPair"),
    MENTOR_PLUS("mentor_plus", "Наставник+", "mentorPlus");

    private final String code;
    private final String title;
    private final String field;

    Nomination(String code, String title, String field) {
        this.code = code;
        this.title = title;
        this.field = field;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    /** The form's key of the choice; {@code <field>Reason} is the key of its reason. */
    String field() {
        return field;
    }

    String reasonField() {
        return field + "Reason";
    }

    /** A pair is awarded (both people named), or a mentor. */
    boolean ofPair() {
        return this == BEST_PAIR;
    }

    static Optional<Nomination> byCode(String code) {
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst();
    }
}
