package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ru.nastavnik.pair.MeetingSchedule.Frequency;
import ru.nastavnik.pair.MeetingSchedule.Period;

/** The dates of a pair's meetings, without the engine: the roadmap of 2026/2027 as the default template makes it. */
class MeetingScheduleTest {

    private static final Period DECEMBER = new Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
    private static final Period REGULAR = new Period(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 31));
    private static final Period APRIL = new Period(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 30));

    @Test
    void openingMeetingsComeAWeekApartWithinTheirItems() {
        LocalDate fixed = LocalDate.of(2026, 12, 1);
        assertThat(MeetingSchedule.opening(fixed, DECEMBER, fixed)).isEqualTo(LocalDate.of(2026, 12, 8));
        // A pair fixed before the item's period waits for it.
        LocalDate early = LocalDate.of(2026, 9, 15);
        assertThat(MeetingSchedule.opening(early, DECEMBER, early)).isEqualTo(LocalDate.of(2026, 12, 1));
        // Not later than the item's due date while that is still ahead.
        LocalDate late = LocalDate.of(2026, 12, 28);
        assertThat(MeetingSchedule.opening(late, DECEMBER, late)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aStepAfterItsItemOrALateReportGetsAWeekFromToday() {
        LocalDate today = LocalDate.of(2027, 1, 5);
        assertThat(MeetingSchedule.opening(LocalDate.of(2026, 12, 20), DECEMBER, today))
                .isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(MeetingSchedule.opening(LocalDate.of(2026, 12, 31), DECEMBER, LocalDate.of(2026, 12, 31)))
                .isEqualTo(LocalDate.of(2027, 1, 7));
    }

    @Test
    void regularMeetingsFollowTheFrequencyUntilTheEndOfThePeriod() {
        LocalDate planning = LocalDate.of(2026, 12, 22);
        assertThat(MeetingSchedule.regular(planning, Frequency.WEEKLY, REGULAR, planning))
                .contains(LocalDate.of(2026, 12, 29));
        assertThat(MeetingSchedule.regular(planning, Frequency.BIWEEKLY, REGULAR, planning))
                .contains(LocalDate.of(2027, 1, 5));
        assertThat(MeetingSchedule.regular(planning, Frequency.MONTHLY, REGULAR, planning))
                .contains(LocalDate.of(2027, 1, 22));
        assertThat(MeetingSchedule.regular(LocalDate.of(2027, 2, 28), Frequency.MONTHLY, REGULAR,
                LocalDate.of(2027, 2, 28))).contains(LocalDate.of(2027, 3, 28));
        assertThat(MeetingSchedule.regular(LocalDate.of(2027, 3, 22), Frequency.MONTHLY, REGULAR,
                LocalDate.of(2027, 3, 22))).isEmpty();
        assertThat(MeetingSchedule.regular(LocalDate.of(2027, 3, 25), Frequency.WEEKLY, REGULAR,
                LocalDate.of(2027, 3, 25))).isEmpty();
    }

    @Test
    void aLateReportCountsTheNextRegularMeetingFromToday() {
        // Meeting planned on 10 January, reported only on 5 March.
        assertThat(MeetingSchedule.regular(LocalDate.of(2027, 1, 10), Frequency.WEEKLY, REGULAR,
                LocalDate.of(2027, 3, 5))).contains(LocalDate.of(2027, 3, 12));
        assertThat(MeetingSchedule.regular(LocalDate.of(2027, 1, 10), Frequency.MONTHLY, REGULAR,
                LocalDate.of(2027, 3, 5))).isEmpty();
    }

    @Test
    void theNextStepCountsFromTheLaterOfPlannedAndHeld() {
        LocalDate planned = LocalDate.of(2026, 12, 8);
        assertThat(MeetingSchedule.after(planned, LocalDate.of(2026, 12, 10))).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(MeetingSchedule.after(planned, LocalDate.of(2026, 12, 6))).isEqualTo(planned);
        assertThat(MeetingSchedule.after(planned, null)).isEqualTo(planned);
    }

    @Test
    void feedbackAndTheFinalMeetingKeepTheirItemsOrGetAWeek() {
        assertThat(MeetingSchedule.closing(APRIL, LocalDate.of(2027, 3, 22))).isEqualTo(APRIL);
        assertThat(MeetingSchedule.closing(APRIL, LocalDate.of(2027, 4, 10)))
                .isEqualTo(new Period(LocalDate.of(2027, 4, 10), LocalDate.of(2027, 4, 30)));
        assertThat(MeetingSchedule.closing(APRIL, LocalDate.of(2027, 5, 3)))
                .isEqualTo(new Period(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 10)));
    }

    @Test
    void frequenciesAreReadByTheirCodes() {
        assertThat(Frequency.of("biweekly")).isEqualTo(Frequency.BIWEEKLY);
        assertThat(Frequency.of("monthly").title()).isEqualTo("ежемесячно");
    }
}
