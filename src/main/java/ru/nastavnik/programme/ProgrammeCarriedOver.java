package ru.nastavnik.programme;

/**
 * A programme was registered to continue the school's programme of an earlier year: its roadmap is that one's, and
 * the feature that keeps the long-term base carries the people over, in the same transaction.
 */
public record ProgrammeCarriedOver(long programmeId, long previousProgrammeId) {
}
