package ru.nastavnik.participant;

import java.time.Instant;

/**
 * Published (synchronously, inside the withdrawal's transaction) when a participant withdraws the consent to the
 * processing of personal data in a programme. Features that hold something of the person listen to it and end
 * it with the recorded reason: their open tasks, their account, later their pairs. A listener that fails rolls the
 * withdrawal back as a whole.
 *
 * @param withdrawnBy "self" or "representative" (the legal representative of a minor)
 * @param actor       the staff member who recorded it
 */
public record ParticipantWithdrawn(long programmeId, long personId, String reason, String withdrawnBy, String actor,
                                   Instant at) {
}
