package ru.nastavnik.pairorder;

import ru.nastavnik.shared.FormChoice;

/**
 * The director's decision on the draft order of pairs (approve-pair-order.form): approve it, or return it to
 * the curator.
 */
public enum PairOrderDecision implements FormChoice {
    APPROVE("approve"),
    RETURN("return");

    private final String value;

    PairOrderDecision(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
