package ru.nastavnik.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal one-answer links behind a secret token (feedback, the monitoring questionnaire), kept in a feature's own
 * table with the columns token_hash, programme_id, person_id, created_at, expires_at and used_at. Only the token's
 * hash is stored; a link answers once and until its expiry; a new link for the same scope voids the older unused
 * ones.
 *
 * @param <L> what the feature reads from a link's row
 */
public final class PersonalLinks<L> {

    public enum State { VALID, UNKNOWN, USED, EXPIRED }

    /** @param link null when the token is unknown */
    public record Check<L>(State state, L link) {
    }

    private final JdbcClient jdbc;
    private final SchoolClock clock;
    private final String table;
    private final RowMapper<L> link;

    /** @param table the feature's link table, a constant of the code (it goes into the SQL) */
    public PersonalLinks(JdbcClient jdbc, SchoolClock clock, String table, RowMapper<L> link) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
        this.link = link;
    }

    /**
     * A new token (to put into the link).
     *
     * @param scope   column → value of what one link stands for (its older unused links are voided)
     * @param details further column → value of the new link
     */
    public String issue(Map<String, Object> scope, Map<String, Object> details, Instant expiresAt) {
        Timestamp now = Timestamp.from(clock.now());
        List<String> same = new ArrayList<>();
        scope.keySet().forEach(column -> same.add(column + " = :" + column));
        JdbcClient.StatementSpec voiding = jdbc.sql("update " + table + " set used_at = :now where "
                + String.join(" and ", same) + " and used_at is null").param("now", now);
        scope.forEach(voiding::param);
        voiding.update();
        String token = SecretTokens.generate();
        Map<String, Object> columns = new LinkedHashMap<>(scope);
        columns.putAll(details);
        columns.put("token_hash", SecretTokens.hash(token));
        columns.put("created_at", now);
        columns.put("expires_at", Timestamp.from(expiresAt));
        JdbcClient.StatementSpec insert = jdbc.sql("insert into " + table + " (" + String.join(", ", columns.keySet())
                + ") values (:" + String.join(", :", columns.keySet()) + ")");
        columns.forEach(insert::param);
        insert.update();
        return token;
    }

    public Check<L> check(String token) {
        if (!SecretTokens.plausible(token)) {
            return new Check<>(State.UNKNOWN, null);
        }
        return jdbc.sql("select * from " + table + " where token_hash = :hash")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> new Check<>(rs.getTimestamp("used_at") != null ? State.USED
                        : !rs.getTimestamp("expires_at").toInstant().isAfter(clock.now()) ? State.EXPIRED
                        : State.VALID, link.mapRow(rs, n)))
                .optional().orElse(new Check<>(State.UNKNOWN, null));
    }

    /** Marks a valid token used; false when another request used it first or it has just expired. */
    public boolean burn(String token) {
        Timestamp now = Timestamp.from(clock.now());
        return jdbc.sql("update " + table + " set used_at = :now "
                        + "where token_hash = :hash and used_at is null and expires_at > :now")
                .param("now", now).param("hash", SecretTokens.hash(token)).update() == 1;
    }

    /** Drops a person's links (their data is erased). */
    public void forget(long programmeId, long personId) {
        jdbc.sql("delete from " + table + " where programme_id = :programme and person_id = :person")
                .param("programme", programmeId).param("person", personId).update();
    }
}
