package ru.nastavnik.matching;

import ru.nastavnik.shared.FormChoice;

/**
 * The curator's decision on a proposal of pairs (review-pair-proposal.form): run the matching again with the
 * changes, send the draft order to the director, or close the stage without an order.
 */
public enum PairReviewDecision implements FormChoice {
    RERUN("rerun"),
    SEND("send"),
    CLOSE("close");

    private final String value;

    PairReviewDecision(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
