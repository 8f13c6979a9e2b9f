package ru.nastavnik.pair;

import ru.nastavnik.shared.FormChoice;

/** What the mentor reports of a planned meeting (report-pair-meeting.form): held, or moved to a new date. */
public enum MeetingOutcome implements FormChoice {
    HELD("held"),
    MOVED("moved");

    private final String value;

    MeetingOutcome(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
