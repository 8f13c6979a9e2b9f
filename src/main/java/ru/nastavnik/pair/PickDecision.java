package ru.nastavnik.pair;

import ru.nastavnik.shared.FormChoice;

/** The curator's choice after a replacement was approved (pick-new-mentor.form): a new mentor, or none. */
public enum PickDecision implements FormChoice {
    ASSIGN("assign"),
    NONE("none");

    private final String value;

    PickDecision(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
