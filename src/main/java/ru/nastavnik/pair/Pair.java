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

        /** Whom a mail to the person goes to: their own address, else a minor's representative; none without both. */
        public List<String> mailTo() {
            return hasOwnAddress() ? List.of(email) : present(representativeEmail);
        }

        /** Who gets a copy: the representative, when the mail goes to the person's own address. */
        public List<String> mailCopy() {
            return hasOwnAddress() ? present(representativeEmail) : List.of();
        }

        private boolean hasOwnAddress() {
            return email != null && !email.isBlank();
        }

        private static List<String> present(String address) {
            return address == null || address.isBlank() ? List.of() : List.of(address);
        }
    }

    public boolean group() {
        return mentees.size() > 1;
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
