package ru.nastavnik.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How wrong passwords are slowed ({@code nastavnik.login}); see {@link LoginThrottle} and docs/security.md. */
@ConfigurationProperties("nastavnik.login")
record LoginSettings(
        @DefaultValue("5") int freeFailuresPerAddress,
        @DefaultValue("30s") Duration maxDelayPerAddress,
        @DefaultValue("10") int freeFailuresPerAccount,
        @DefaultValue("4s") Duration maxDelayPerAccount,
        @DefaultValue("15m") Duration window,
        @DefaultValue("4") int attemptsInFlightPerAddress,
        @DefaultValue("64") int attemptsInFlight) {

    LoginThrottle.Limits limits() {
        return new LoginThrottle.Limits(freeFailuresPerAddress, maxDelayPerAddress, freeFailuresPerAccount,
                maxDelayPerAccount, window, attemptsInFlightPerAddress, attemptsInFlight);
    }
}
