package ru.nastavnik.feedback;

import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.PersonalLinks;
import ru.nastavnik.shared.SchoolClock;

/**
 * Personal feedback links: one person, one pair, one kind. A new link for the same person, pair and kind voids the
 * older unused ones.
 */
@Component
class FeedbackLinks {

    record Link(long programmeId, long pairId, long personId, FeedbackKind kind, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final PersonalLinks<Link> links;

    FeedbackLinks(JdbcClient jdbc, SchoolClock clock) {
        this.jdbc = jdbc;
        this.links = new PersonalLinks<>(jdbc, clock, "feedback_link", (rs, n) -> new Link(rs.getLong("programme_id"),
                rs.getLong("pair_id"), rs.getLong("person_id"), FeedbackKind.of(rs.getString("kind")).orElseThrow(),
                rs.getTimestamp("expires_at").toInstant()));
    }

    /** A new token (to put into the link). */
    String issue(long programmeId, long pairId, long personId, FeedbackKind kind, Instant expiresAt) {
        return links.issue(Map.of("pair_id", pairId, "person_id", personId, "kind", kind.code()),
                Map.of("programme_id", programmeId), expiresAt);
    }

    PersonalLinks.Check<Link> check(String token) {
        return links.check(token);
    }

    boolean burn(String token) {
        return links.burn(token);
    }

    long issuedCount(long programmeId, FeedbackKind kind) {
        return jdbc.sql("""
                        select count(distinct person_id) from feedback_link
                        where programme_id = :programme and kind = :kind""")
                .param("programme", programmeId).param("kind", kind.code()).query(Long.class).single();
    }

    void forget(long programmeId, long personId) {
        links.forget(programmeId, personId);
    }
}
