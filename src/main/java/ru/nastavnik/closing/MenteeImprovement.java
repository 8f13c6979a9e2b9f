package ru.nastavnik.closing;

import java.util.OptionalDouble;

/**
 * How much a mentee's traits changed from the entry to the exit assessment (item 7.4): the monitoring feature knows
 * it and provides this bean; without it the nominations and results go by meetings and feedback only.
 */
public interface MenteeImprovement {

    /** The mean change of the person's assessed traits, positive when they improved; empty when not assessed twice. */
    OptionalDouble of(long programmeId, long personId);
}
