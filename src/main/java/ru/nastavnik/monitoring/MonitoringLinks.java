package ru.nastavnik.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.SecretTokens;

/**
 * Personal links to the exit questionnaire, as the feedback links work: one person of one programme, only the
 * token's hash stored, one answer until the expiry, a new link voids the older unused ones.
 */
@Component
class MonitoringLinks {

    enum State { VALID, UNKNOWN, USED, EXPIRED }

    record Link(long programmeId, long personId, String respondent, String form, Instant expiresAt) {
    }

    record Check(State state, Link link) {
    }

    private final JdbcClient jdbc;
    private final SchoolClock clock;

    MonitoringLinks(JdbcClient jdbc, SchoolClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(long programmeId, long personId, String respondent, String form, Instant expiresAt) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                        update monitoring_link set used_at = :now
                        where programme_id = :programme and person_id = :person and used_at is null""")
                .param("now", now).param("programme", programmeId).param("person", personId).update();
        String token = SecretTokens.generate();
        jdbc.sql("""
                        insert into monitoring_link (token_hash, programme_id, person_id, respondent, form_code,
                                                     created_at, expires_at)
                        values (:hash, :programme, :person, :respondent, :form, :now, :expires)""")
                .param("hash", SecretTokens.hash(token)).param("programme", programmeId).param("person", personId)
                .param("respondent", respondent).param("form", form).param("now", now)
                .param("expires", Timestamp.from(expiresAt)).update();
        return token;
    }

    Check check(String token) {
        if (!SecretTokens.plausible(token)) {
            return new Check(State.UNKNOWN, null);
        }
        Optional<Check> found = jdbc.sql("select * from monitoring_link where token_hash = :hash")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> {
                    Link link = new Link(rs.getLong("programme_id"), rs.getLong("person_id"),
                            rs.getString("respondent"), rs.getString("form_code"),
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
                        update monitoring_link set used_at = :now
                        where token_hash = :hash and used_at is null and expires_at > :now""")
                .param("now", now).param("hash", SecretTokens.hash(token)).update() == 1;
    }

    long issuedCount(long programmeId) {
        return jdbc.sql("select count(distinct person_id) from monitoring_link where programme_id = :programme")
                .param("programme", programmeId).query(Long.class).single();
    }

    void forget(long programmeId, long personId) {
        jdbc.sql("delete from monitoring_link where programme_id = :programme and person_id = :person")
                .param("programme", programmeId).param("person", personId).update();
    }
}
