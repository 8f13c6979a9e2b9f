package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import ru.nastavnik.pair.MeetingOrder.NextStep;
import ru.nastavnik.pair.PairMeetings.Meeting;

/** The order of a pair's meetings and what follows each, from its meetings so far (no engine, no database). */
class MeetingOrderTest {

    private static final BooleanSupplier YES = () -> true;
    private static final BooleanSupplier NO = () -> false;
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("not needed for this answer");
    };

    @Test
    void theMeetingsComeInTheirOrder() {
        assertThat(MeetingOrder.nextKind(List.of(), NOT_ASKED)).isEqualTo(MeetingKind.ACQUAINTANCE);
        assertThat(MeetingOrder.nextKind(reported("acquaintance"), NOT_ASKED)).isEqualTo(MeetingKind.TRIAL);
        assertThat(MeetingOrder.nextKind(reported("acquaintance", "trial"), NOT_ASKED)).isEqualTo(MeetingKind.PLANNING);
        assertThat(MeetingOrder.nextKind(reported("acquaintance", "trial", "planning"), NO))
                .isEqualTo(MeetingKind.REGULAR);
        assertThat(MeetingOrder.nextKind(reported("acquaintance", "trial", "planning", "regular"), NO))
                .isEqualTo(MeetingKind.REGULAR);
        assertThat(MeetingOrder.nextKind(reported("acquaintance", "trial", "planning", "regular"), YES))
                .isEqualTo(MeetingKind.FINAL);
        assertThat(MeetingOrder.nextKind(reported("acquaintance", "trial", "planning"), YES))
                .isEqualTo(MeetingKind.FINAL);
    }

    @Test
    void anUnreportedMeetingIsResumed() {
        List<Meeting> held = List.of(meeting("acquaintance", true), meeting("trial", false));
        assertThat(MeetingOrder.nextKind(held, NOT_ASKED)).isEqualTo(MeetingKind.TRIAL);
        assertThat(MeetingOrder.nextStep(held, NOT_ASKED, NOT_ASKED)).isEqualTo(NextStep.MEETING);
    }

    @Test
    void nothingFollowsTheFinalMeeting() {
        List<Meeting> held = reported("acquaintance", "trial", "planning", "final");
        assertThatThrownBy(() -> MeetingOrder.nextKind(held, YES)).isInstanceOf(IllegalStateException.class);
        assertThat(MeetingOrder.nextStep(held, NOT_ASKED, NOT_ASKED)).isEqualTo(NextStep.DONE);
    }

    @Test
    void theFirstThreeMeetingsAreFollowedByAnother() {
        for (List<Meeting> held : List.of(reported("acquaintance"), reported("acquaintance", "trial"))) {
            assertThat(MeetingOrder.nextStep(held, NOT_ASKED, NOT_ASKED)).isEqualTo(NextStep.MEETING);
        }
        assertThat(MeetingOrder.nextStep(reported("acquaintance", "trial", "planning"), NO, YES))
                .isEqualTo(NextStep.MEETING);
    }

    @Test
    void regularMeetingsWhileThePlanLeavesOneThenTheFeedbackThenTheFinalMeeting() {
        List<Meeting> held = reported("acquaintance", "trial", "planning", "regular");
        assertThat(MeetingOrder.nextStep(held, NO, YES)).isEqualTo(NextStep.MEETING);
        assertThat(MeetingOrder.nextStep(held, NO, NO)).isEqualTo(NextStep.FEEDBACK);
        assertThat(MeetingOrder.nextStep(held, YES, NOT_ASKED)).isEqualTo(NextStep.MEETING);
        // a plan whose frequency leaves no regular meeting at all
        assertThat(MeetingOrder.nextStep(reported("acquaintance", "trial", "planning"), NO, NO))
                .isEqualTo(NextStep.FEEDBACK);
    }

    private static List<Meeting> reported(String... kinds) {
        return Arrays.stream(kinds).map(k -> meeting(k, true)).toList();
    }

    private static Meeting meeting(String kind, boolean reported) {
        LocalDate day = LocalDate.of(2026, 12, 8);
        return new Meeting(1, 3, kind, 1, kind, day, "pair-process", null,
                reported ? Instant.parse("2026-12-08T14:00:00Z") : null, reported ? "mentor1" : null,
                reported ? day : null, reported ? 45 : null, null, null, null, List.of(), 0);
    }
}
