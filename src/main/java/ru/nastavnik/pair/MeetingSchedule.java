package ru.nastavnik.pair;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * When a pair's meetings are planned; rules only. The acquaintance, trial and planning meetings come a week apart
 * from the day the pair was fixed, within their roadmap items' periods; the regular meetings follow the plan's
 * frequency within the regular period (item 6.4); feedback and the final meeting by their items' due dates.
 * Nothing is planned for today or a day already past: a late pair or a late report gets the next step a
 * week (or the plan's interval) from today, so that the reminder still comes before the meeting.
 */
public final class MeetingSchedule {

    static final int WEEK = 7;

    /** How often a pair meets between the planning meeting and the end of the regular period. */
    public enum Frequency {
        WEEKLY("weekly", "еженедельно"),
        BIWEEKLY("biweekly", "раз в две недели"),
        MONTHLY("monthly", "ежемесячно");

        private final String code;
        private final String title;

        Frequency(String code, String title) {
            this.code = code;
            this.title = title;
        }

        public String code() {
            return code;
        }

        public String title() {
            return title;
        }

        LocalDate after(LocalDate day) {
            return switch (this) {
                case WEEKLY -> day.plusWeeks(1);
                case BIWEEKLY -> day.plusWeeks(2);
                case MONTHLY -> day.plusMonths(1);
            };
        }

        public static Frequency of(String code) {
            return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown frequency: " + code));
        }
    }

    /** A roadmap item's dates. */
    public record Period(LocalDate start, LocalDate due) {
    }

    private MeetingSchedule() {
    }

    /** Where the next step counts from: the previous meeting's planned day, or the later day it was held on. */
    public static LocalDate after(LocalDate planned, LocalDate heldOn) {
        return heldOn != null && heldOn.isAfter(planned) ? heldOn : planned;
    }

    /** Acquaintance, trial or planning: a week after {@code after}, not before the item's start nor after its due date. */
    public static LocalDate opening(LocalDate after, Period item, LocalDate today) {
        LocalDate date = after.plusDays(WEEK);
        if (date.isBefore(item.start())) {
            date = item.start();
        }
        if (date.isAfter(item.due())) {
            date = item.due();
        }
        return date.isAfter(today) ? date : today.plusDays(WEEK);
    }

    /** The next regular meeting after {@code after}; empty when it would fall after the regular period. */
    public static Optional<LocalDate> regular(LocalDate after, Frequency frequency, Period period, LocalDate today) {
        LocalDate date = frequency.after(after);
        if (date.isBefore(period.start())) {
            date = period.start();
        }
        if (!date.isAfter(today)) {
            date = frequency.after(today);
        }
        return date.isAfter(period.due()) ? Optional.empty() : Optional.of(date);
    }

    /** Feedback or the final meeting: from the item's start (or today) to its due date (or a week from today). */
    public static Period closing(Period item, LocalDate today) {
        LocalDate start = item.start().isAfter(today) ? item.start() : today;
        LocalDate due = item.due().isAfter(today) ? item.due() : today.plusDays(WEEK);
        return new Period(start, due);
    }
}
