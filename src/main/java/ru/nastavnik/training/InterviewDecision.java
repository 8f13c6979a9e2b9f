package ru.nastavnik.training;

import ru.nastavnik.shared.FormChoice;

/** The interviewer's decision on a mentor candidate (interview-mentor-candidate.form). */
public enum InterviewDecision implements FormChoice {
    PASSED("passed"),
    FAILED("failed");

    private final String value;

    InterviewDecision(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
