package ru.nastavnik.participant;

/**
 * Published inside the correction's transaction when staff corrected a participant's data (a name, an address):
 * features that keep a copy of it for their tasks take the new one.
 */
public record ParticipantCorrected(long programmeId, long personId) {
}
