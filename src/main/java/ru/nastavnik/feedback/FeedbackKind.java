package ru.nastavnik.feedback;

import java.util.Arrays;
import java.util.Optional;

/** The questionnaires a participant answers through a personal link, each tied to its roadmap item. */
public enum FeedbackKind {

    /** The mentee's feedback on the work with the mentor, at the end of the regular meetings (item 6.5). */
    MENTEE("mentee", "6.5"),
    /** The satisfaction survey of every participant of the pairs (item 6.8). */
    SATISFACTION("satisfaction", "6.8");

    private final String code;
    private final String itemCode;

    FeedbackKind(String code, String itemCode) {
        this.code = code;
        this.itemCode = itemCode;
    }

    public String code() {
        return code;
    }

    /** The roadmap item whose due date the link lasts at least until. */
    public String itemCode() {
        return itemCode;
    }

    static Optional<FeedbackKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
