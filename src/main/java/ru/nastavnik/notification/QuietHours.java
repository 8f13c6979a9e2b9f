package ru.nastavnik.notification;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/** The school's quiet hours (e.g. 21:00–08:00), during which ordinary mail waits for their end. */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** {@code at}, or the end of the quiet hours it falls in. */
    Instant firstAllowed(Instant at) {
        if (start.equals(end)) {
            return at;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = start.isAfter(end);
        boolean quiet = wraps ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return at;
        }
        // Quiet past midnight: the end is tomorrow when we are in the evening part.
        LocalDateTime ends = local.toLocalDate().atTime(end);
        if (!ends.isAfter(local)) {
            ends = ends.plusDays(1);
        }
        return ends.atZone(zone).toInstant();
    }
}
