package ru.nastavnik.closing;

import java.util.Map;

/**
 * How much the mentees' traits changed from the entry to the exit assessment (item 7.4): the monitoring feature knows
 * it and provides this bean; without it the nominations and results go by meetings and feedback only.
 */
public interface MenteeImprovement {

    /**
     * Each person's mean change of the traits assessed twice, positive when they improved; a person not assessed
     * twice is absent. One call per programme: the dynamics are computed once for everybody.
     */
    Map<Long, Double> byPerson(long programmeId);
}
