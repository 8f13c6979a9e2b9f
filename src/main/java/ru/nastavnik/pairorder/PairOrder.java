package ru.nastavnik.pairorder;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored order on the pairs: {@code draft} until the director approves it, then {@code approved} with its
 * number (1, 2, … per programme) and date, and never changed again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PairOrder(long id, long programmeId, Integer number, LocalDate date, String status, List<Pair> pairs,
                        Instant createdAt, String createdBy, Instant approvedAt, String approvedBy, Long replaces) {

    public static final String DRAFT = "draft";
    public static final String APPROVED = "approved";

    /** A row of the table: a mentor with one mentee (a pair) or several (a group). Person ids of the programme. */
    public record Pair(String mentorId, String mentorName, List<Person> mentees, String form, String roleVariant) {
    }

    public record Person(String id, String name) {
    }

    public boolean approved() {
        return APPROVED.equals(status);
    }
}
