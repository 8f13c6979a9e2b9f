package ru.nastavnik.programme;

import ru.nastavnik.shared.FormChoice;

/** The director's decision on the roadmap (approve-roadmap.form): approve it, or return it to the curator. */
public enum RoadmapDecision implements FormChoice {
    APPROVE("approve"),
    RETURN("return");

    private final String value;

    RoadmapDecision(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
