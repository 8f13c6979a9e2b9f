package ru.nastavnik.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.SecretTokens;

/**
 * One-time links to set a password: a random token of 256 bits goes into the link, only its SHA-256 is stored,
 * with an expiry. A link works once; a new link for a user voids the user's older unused ones.
 */
@Component
class PasswordLinks {

    enum State { VALID, UNKNOWN, USED, EXPIRED }

    record Check(State state, String userId) {
    }

    private final JdbcClient jdbc;
    private final SchoolClock clock;
    private final Duration lifetime;

    PasswordLinks(JdbcClient jdbc, SchoolClock clock, AccountSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = Duration.ofHours(settings.linkHours());
    }

    Duration lifetime() {
        return lifetime;
    }

    /** A new token for the user (to put into the link); older unused links of the user stop working. */
    String issue(String userId) {
        Instant now = clock.now();
        jdbc.sql("update password_token set used_at = :now where user_id = :user and used_at is null")
                .param("now", Timestamp.from(now)).param("user", userId).update();
        String token = SecretTokens.generate();
        jdbc.sql("""
                        insert into password_token (token_hash, user_id, created_at, expires_at)
                        values (:hash, :user, :now, :expires)""")
                .param("hash", SecretTokens.hash(token)).param("user", userId).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(lifetime))).update();
        return token;
    }

    Check check(String token) {
        if (!SecretTokens.plausible(token)) {
            return new Check(State.UNKNOWN, null);
        }
        Optional<Check> found = jdbc.sql("select user_id, expires_at, used_at from password_token where token_hash = :hash")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> new Check(rs.getTimestamp("used_at") != null ? State.USED
                        : !rs.getTimestamp("expires_at").toInstant().isAfter(clock.now()) ? State.EXPIRED
                        : State.VALID, rs.getString("user_id")))
                .optional();
        return found.orElse(new Check(State.UNKNOWN, null));
    }

    /** Marks the token used; false when another request used it first. */
    boolean burn(String token) {
        return jdbc.sql("update password_token set used_at = :now where token_hash = :hash and used_at is null")
                .param("now", Timestamp.from(clock.now())).param("hash", SecretTokens.hash(token)).update() == 1;
    }

    void forget(String userId) {
        jdbc.sql("delete from password_token where user_id = :user").param("user", userId).update();
    }
}
