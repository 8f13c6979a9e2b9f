package ru.nastavnik.closing;

import ru.nastavnik.shared.FormChoice;

/** The director's decision on the curator's nominations (confirm-nominations.form): confirm them, or return them. */
public enum NominationsDecision implements FormChoice {
    APPROVE("approve"),
    RETURN("return");

    private final String value;

    NominationsDecision(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
