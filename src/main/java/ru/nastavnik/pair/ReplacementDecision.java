package ru.nastavnik.pair;

import ru.nastavnik.shared.FormChoice;

/** The director's decision on a mentor replacement request (decide-mentor-replacement.form). */
public enum ReplacementDecision implements FormChoice {
    APPROVE("approve"),
    REJECT("reject");

    private final String value;

    ReplacementDecision(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
