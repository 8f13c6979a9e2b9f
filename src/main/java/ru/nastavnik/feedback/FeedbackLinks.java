package ru.nastavnik.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.SecretTokens;

/**
 * Personal feedback links: one person, one pair, one kind. Only the token's hash is stored; a link answers once
 * and until its expiry; a new link for the same person, pair and kind voids the older unused ones.
 */
@Component
class FeedbackLinks {

    enum State { VALID, UNKNOWN, USED, EXPIRED }

    record Link(long programmeId, long pairId, long personId, FeedbackKind kind, Instant expiresAt) {
    }

    /** @param link null when the token is unknown */
    record Check(State state, Link link) {
    }

    private final JdbcClient jdbc;
    private final SchoolClock clock;

    FeedbackLinks(JdbcClient jdbc, SchoolClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token (to put into the link). */
    String issue(long programmeId, long pairId, long personId, FeedbackKind kind, Instant expiresAt) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                        update feedback_link set used_at = :now
                        where pair_id = :pair and person_id = :person and kind = :kind and used_at is null""")
                .param("now", now).param("pair", pairId).param("person", personId).param("kind", kind.code())
                .update();
        String token = SecretTokens.generate();
        jdbc.sql("""
                        insert into feedback_link (token_hash, programme_id, pair_id, person_id, kind, created_at,
                                                   expires_at)
                        values (:hash, :programme, :pair, :person, :kind, :now, :expires)""")
                .param("hash", SecretTokens.hash(token)).param("programme", programmeId).param("pair", pairId)
                .param("person", personId).param("kind", kind.code()).param("now", now)
                .param("expires", Timestamp.from(expiresAt)).update();
        return token;
    }

    Check check(String token) {
        if (!SecretTokens.plausible(token)) {
            return new Check(State.UNKNOWN, null);
        }
        Optional<Check> found = jdbc.sql("select * from feedback_link where token_hash = :hash")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> {
                    Link link = new Link(rs.getLong("programme_id"), rs.getLong("pair_id"), rs.getLong("person_id"),
                            FeedbackKind.of(rs.getString("kind")).orElseThrow(),
                            rs.getTimestamp("expires_at").toInstant());
                    State state = rs.getTimestamp("used_at") != null ? State.USED
                            : !link.expiresAt().isAfter(clock.now()) ? State.EXPIRED : State.VALID;
                    return new Check(state, link);
                })
                .optional();
        return found.orElse(new Check(State.UNKNOWN, null));
    }

    /** Marks a valid token used; false when another request used it first or it has just expired. */
    boolean burn(String token) {
        Timestamp now = Timestamp.from(clock.now());
        return jdbc.sql("""
                        update feedback_link set used_at = :now
                        where token_hash = :hash and used_at is null and expires_at > :now""")
                .param("now", now).param("hash", SecretTokens.hash(token)).update() == 1;
    }

    long issuedCount(long programmeId, FeedbackKind kind) {
        return jdbc.sql("""
                        select count(distinct person_id) from feedback_link
                        where programme_id = :programme and kind = :kind""")
                .param("programme", programmeId).param("kind", kind.code()).query(Long.class).single();
    }

    void forget(long programmeId, long personId) {
        jdbc.sql("delete from feedback_link where programme_id = :programme and person_id = :person")
                .param("programme", programmeId).param("person", personId).update();
    }
}
