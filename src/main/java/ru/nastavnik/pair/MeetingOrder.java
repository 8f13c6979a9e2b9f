package ru.nastavnik.pair;

import java.util.List;
import java.util.function.BooleanSupplier;
import ru.nastavnik.pair.PairMeetings.Meeting;

/**
 * The order of a pair's work (stage 6) read off its meetings so far: acquaintance, trial, planning, the regular
 * meetings while the plan leaves one, the mentor's feedback, the final meeting. No engine and no database: the
 * callers pass what they read, the rest on demand.
 */
public final class MeetingOrder {

    /** What follows a meeting, as the gateway «Что дальше?» of mentorship-pair compares it. */
    public enum NextStep {
        MEETING, FEEDBACK, DONE
    }

    private MeetingOrder() {
    }

    /**
     * The kind of the pair's next meeting; the last one again while it is unreported, so that a step run again
     * resumes it.
     */
    static MeetingKind nextKind(List<Meeting> held, BooleanSupplier feedbackRecorded) {
        if (held.isEmpty()) {
            return MeetingKind.ACQUAINTANCE;
        }
        Meeting last = held.get(held.size() - 1);
        MeetingKind kind = MeetingKind.of(last.kind());
        if (!last.reported()) {
            return kind;
        }
        return switch (kind) {
            case ACQUAINTANCE -> MeetingKind.TRIAL;
            case TRIAL -> MeetingKind.PLANNING;
            case PLANNING, REGULAR -> feedbackRecorded.getAsBoolean() ? MeetingKind.FINAL : MeetingKind.REGULAR;
            case FINAL -> throw new IllegalStateException("Pair " + last.pairId() + " has held its final meeting");
        };
    }

    /** What follows the pair's last meeting: another one, the feedback (item 6.5), or the end of the pair's work. */
    static NextStep nextStep(List<Meeting> held, BooleanSupplier feedbackRecorded, BooleanSupplier moreRegular) {
        if (held.isEmpty() || !held.get(held.size() - 1).reported()) {
            return NextStep.MEETING;
        }
        return switch (MeetingKind.of(held.get(held.size() - 1).kind())) {
            case ACQUAINTANCE, TRIAL -> NextStep.MEETING;
            case PLANNING, REGULAR -> feedbackRecorded.getAsBoolean() || moreRegular.getAsBoolean()
                    ? NextStep.MEETING : NextStep.FEEDBACK;
            case FINAL -> NextStep.DONE;
        };
    }
}
