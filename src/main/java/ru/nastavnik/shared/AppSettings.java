package ru.nastavnik.shared;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nastavnik.public-url} and {@code nastavnik.time-zone}: where people reach the app from outside
 * ({@link PublicUrl}) and the school's time zone ({@link SchoolClock}).
 */
@ConfigurationProperties("nastavnik")
public record AppSettings(String publicUrl, @DefaultValue("Europe/Moscow") ZoneId timeZone) {
}
