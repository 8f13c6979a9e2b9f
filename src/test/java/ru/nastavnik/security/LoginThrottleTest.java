package ru.nastavnik.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's rules without the engine: delays that grow and are forgotten, places that run out. */
class LoginThrottleTest {

    private static final LoginThrottle.Limits LIMITS = new LoginThrottle.Limits(5, Duration.ofSeconds(30), 10,
            Duration.ofSeconds(4), Duration.ofMinutes(15), 2, 3);

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, clock);

    @Test
    void failuresFromOneAddressWaitLongerUpToTheCap() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.failed("account" + i, "203.0.113.5")).isZero();
        }
        assertThat(throttle.failed("a", "203.0.113.5")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.failed("b", "203.0.113.5")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.failed("c", "203.0.113.5")).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 40; i++) {
            throttle.failed("d", "203.0.113.5");
        }
        assertThat(throttle.failed("e", "203.0.113.5")).isEqualTo(Duration.ofSeconds(30));
        // Another address trying another account is not slowed by the first one.
        assertThat(throttle.failed("f", "198.51.100.1")).isZero();
    }

    @Test
    void failuresOnOneAccountFromManyAddressesAreSlowedWithinTheirOwnCap() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.failed("admin", "198.51.100." + i)).isZero();
        }
        assertThat(throttle.failed("admin", "198.51.100.77")).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 20; i++) {
            throttle.failed("admin", "192.0.2." + i);
        }
        assertThat(throttle.failed("admin", "192.0.2.200")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void failuresAreForgottenAfterAQuietWindow() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("admin", "203.0.113.5");
        }
        assertThat(throttle.recentFailuresFrom("203.0.113.5")).isEqualTo(12);
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.recentFailuresFrom("203.0.113.5")).isZero();
        assertThat(throttle.recentFailuresOf("admin")).isZero();
        assertThat(throttle.failed("admin", "203.0.113.5")).isZero();
    }

    @Test
    void attemptsUnderWayAreBoundedPerFailingAddressAndInAll() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("admin", "203.0.113.5");
        }
        LoginThrottle.Permit first = throttle.enter("203.0.113.5");
        LoginThrottle.Permit second = throttle.enter("203.0.113.5");
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(throttle.enter("203.0.113.5")).as("a third attempt from the same address").isNull();
        LoginThrottle.Permit other = throttle.enter("198.51.100.1");
        assertThat(other).isNotNull();
        assertThat(throttle.enter("192.0.2.1")).as("the node's bound of 3").isNull();
        first.close();
        LoginThrottle.Permit again = throttle.enter("203.0.113.5");
        assertThat(again).isNotNull();
        again.close();
        second.close();
        other.close();
        assertThat(throttle.enter("192.0.2.1")).isNotNull();
    }

    @Test
    void anAddressWithoutFailuresIsBoundOnlyByTheNode() {
        LoginThrottle.Permit a = throttle.enter("198.51.100.9");
        LoginThrottle.Permit b = throttle.enter("198.51.100.9");
        LoginThrottle.Permit c = throttle.enter("198.51.100.9");
        assertThat(c).as("a script's third parallel call").isNotNull();
        assertThat(throttle.enter("198.51.100.9")).as("the node's bound of 3").isNull();
        a.close();
        b.close();
        c.close();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-04T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
