package ru.nastavnik.district;

import ru.nastavnik.spreadsheet.ListSheet.Share;

/**
 * A school's year outcome for the district: the coverage KPI and the participants' dynamics, given by the
 * monitoring feature (it depends on the district, not the other way round).
 */
public interface SchoolOutcomes {

    /**
     * @param pupils pupils who went through the full cycle, of the school's roster
     * @param pupilsReached the pupils' coverage reaches the national 70% target
     * @param improved mentees who improved on more traits than they declined, of those assessed twice
     */
    record Outcome(Share pupils, boolean pupilsReached, Share teachers, boolean teachersReached, Share improved) {
    }

    Outcome of(long programmeId);
}
