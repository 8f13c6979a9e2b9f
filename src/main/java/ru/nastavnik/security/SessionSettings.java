package ru.nastavnik.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code nastavnik.session.*}: how long a session nobody has logged into is kept ({@link AnonymousSessions}). */
@ConfigurationProperties("nastavnik.session")
record SessionSettings(@DefaultValue("2m") Duration anonymousTimeout) {
}
