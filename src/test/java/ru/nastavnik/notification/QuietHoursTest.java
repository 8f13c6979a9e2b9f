package ru.nastavnik.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), MOSCOW);

    @Test
    void mailOfTheDayGoesAtOnce() {
        assertThat(night.firstAllowed(at(2026, 10, 5, 8, 0))).isEqualTo(at(2026, 10, 5, 8, 0));
        assertThat(night.firstAllowed(at(2026, 10, 5, 20, 59))).isEqualTo(at(2026, 10, 5, 20, 59));
    }

    @Test
    void mailOfTheEveningWaitsForTheNextMorningAndMailOfTheNightForThisMorning() {
        assertThat(night.firstAllowed(at(2026, 10, 5, 21, 0))).isEqualTo(at(2026, 10, 6, 8, 0));
        assertThat(night.firstAllowed(at(2026, 10, 6, 3, 30))).isEqualTo(at(2026, 10, 6, 8, 0));
    }

    @Test
    void quietHoursWithinOneDayAndNoneAtAll() {
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0), MOSCOW);
        assertThat(lunch.firstAllowed(at(2026, 10, 5, 13, 30))).isEqualTo(at(2026, 10, 5, 14, 0));
        assertThat(lunch.firstAllowed(at(2026, 10, 5, 23, 0))).isEqualTo(at(2026, 10, 5, 23, 0));
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, MOSCOW);
        assertThat(none.firstAllowed(at(2026, 10, 5, 23, 0))).isEqualTo(at(2026, 10, 5, 23, 0));
    }

    private static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(MOSCOW).toInstant();
    }
}
