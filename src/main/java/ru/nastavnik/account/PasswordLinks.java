package ru.nastavnik.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.SchoolClock;

/**
 * One-time links to set a password: a random token of 256 bits goes into the link, only its SHA-256 is stored,
 * with an expiry. A link works once; a new link for a user voids the user's older unused ones.
 */
@Component
class PasswordLinks {

    enum State { VALID, UNKNOWN, USED, EXPIRED }

    record Check(State state, String userId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SchoolClock clock;
    private final Duration lifetime;

    PasswordLinks(JdbcClient jdbc, SchoolClock clock, @Value("${nastavnik.account.link-hours:72}") long hours) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = Duration.ofHours(hours);
    }

    Duration lifetime() {
        return lifetime;
    }

    /** A new token for the user (to put into the link); older unused links of the user stop working. */
    String issue(String userId) {
        Instant now = clock.now();
        jdbc.sql("update password_token set used_at = :now where user_id = :user and used_at is null")
                .param("now", Timestamp.from(now)).param("user", userId).update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into password_token (token_hash, user_id, created_at, expires_at)
                        values (:hash, :user, :now, :expires)""")
                .param("hash", hash(token)).param("user", userId).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(lifetime))).update();
        return token;
    }

    Check check(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new Check(State.UNKNOWN, null);
        }
        Optional<Check> found = jdbc.sql("select user_id, expires_at, used_at from password_token where token_hash = :hash")
                .param("hash", hash(token))
                .query((rs, n) -> new Check(rs.getTimestamp("used_at") != null ? State.USED
                        : !rs.getTimestamp("expires_at").toInstant().isAfter(clock.now()) ? State.EXPIRED
                        : State.VALID, rs.getString("user_id")))
                .optional();
        return found.orElse(new Check(State.UNKNOWN, null));
    }

    /** Marks the token used; false when another request used it first. */
    boolean burn(String token) {
        return jdbc.sql("update password_token set used_at = :now where token_hash = :hash and used_at is null")
                .param("now", Timestamp.from(clock.now())).param("hash", hash(token)).update() == 1;
    }

    void forget(String userId) {
        jdbc.sql("delete from password_token where user_id = :user").param("user", userId).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
