package ru.nastavnik.pair;

import java.time.Instant;
import java.util.List;

/**
 * A pair (one mentee) or group (several) fixed by an approved order. People are person ids of the programme, with
 * the names and addresses the process needs to write to them.
 */
public record Pair(long id, long programmeId, long orderId, Person mentor, String mentorUserId, List<Person> mentees,
                   String form, String roleVariant, String status, String processInstanceId, Instant startedAt,
                   Instant closedAt, String endReason) {

    public static final String ACTIVE = "active";
    public static final String FINISHED = "finished";
    public static final String ENDED = "ended";

    /**
     * @param representativeEmail the legal representative's address for a minor, else null
     */
    public record Person(long personId, String fullName, String email, String representativeName,
                         String representativeEmail) {
    }

    public boolean group() {
        return mentees.size() > 1;
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
