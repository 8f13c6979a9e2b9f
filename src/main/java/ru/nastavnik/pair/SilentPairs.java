package ru.nastavnik.pair;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When an active pair has «gone silent», the flag of the curator's lists: its last {@value #MISSED_IN_A_ROW}
 * meetings that fell due were all missed, or nothing was reported for {@value #DAYS} days (counted from the pair's
 * start before its first report).
 */
public final class SilentPairs {

    public static final int MISSED_IN_A_ROW = 2;
    public static final int DAYS = 30;

    private SilentPairs() {
    }

    /** The rule as the pages explain it. */
    public static String rule() {
        return "Пара «замолчала», если пропущены " + MISSED_IN_A_ROW + " встречи подряд или ни одна встреча "
                + "не отмечена " + DAYS + " дней (до первого отчёта — считая от закрепления пары).";
    }

    /** The pair's meetings in order; {@code startedAt} the day it was fixed. */
    public static boolean silent(List<PairMeetings.Meeting> meetings, Instant startedAt, LocalDate today, ZoneId zone) {
        List<PairMeetings.Meeting> due = meetings.stream().filter(m -> m.reported() || m.missed()).toList();
        boolean missedInARow = due.size() >= MISSED_IN_A_ROW && due.subList(due.size() - MISSED_IN_A_ROW, due.size())
                .stream().allMatch(m -> m.missed() && !m.reported());
        Instant lastNews = lastReport(meetings).orElse(startedAt);
        LocalDate since = lastNews == null ? today : LocalDate.ofInstant(lastNews, zone);
        return missedInARow || ChronoUnit.DAYS.between(since, today) > DAYS;
    }

    static Optional<Instant> lastReport(List<PairMeetings.Meeting> meetings) {
        return meetings.stream().map(PairMeetings.Meeting::reportedAt).filter(Objects::nonNull).max(Instant::compareTo);
    }
}
