package ru.nastavnik.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The school's clock and time zone. Reads the engine clock so that tests which move Camunda's clock move the
 * product's notion of "today" with it.
 */
@Component
public class SchoolClock {

    /** How dates are written for Russian readers: 31.10.2026. */
    public static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ZoneId zone;

    public SchoolClock(AppSettings settings) {
        this.zone = settings.timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    public LocalDateTime localNow() {
        return LocalDateTime.ofInstant(now(), zone);
    }

    public Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(zone).toInstant());
    }
}
