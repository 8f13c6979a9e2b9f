package ru.nastavnik.district;

/**
 * A school's year outcome for the district: the coverage KPI and the participants' dynamics, given by the
 * monitoring feature (it depends on the district, not the other way round).
 */
public interface SchoolOutcomes {

    /**
     * Shares as «66,7 %» texts, «—» where there is nothing to judge yet.
     *
     * @param pupilsReached the pupils' coverage reaches the national 70% target
     */
    record Outcome(String pupils, boolean pupilsReached, String teachers, boolean teachersReached, String improved) {
    }

    Outcome of(long programmeId);
}
