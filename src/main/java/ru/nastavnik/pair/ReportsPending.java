package ru.nastavnik.pair;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For each roadmap item of a meeting kind (6.1–6.4, 6.6), how many of a programme's pairs not ended early have not
 * reported it yet: kept in {@code pair_step_pending} as pairs are fixed, report and end early, so that each report
 * updates and reads one row where it used to count the programme's pairs (issue 14). It only tells when to look:
 * whether the item closes is decided over every pair ({@link PairMeetings}).
 */
@Component
class ReportsPending {

    /** No meeting has this id: a pair that ended early excludes none of its reports. */
    private static final long NO_MEETING = -1;

    private final JdbcClient jdbc;

    ReportsPending(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Pairs fixed in the programme: each has every item still to report. */
    void fixed(long programmeId, int pairs) {
        for (String item : items()) {
            jdbc.sql("""
                            insert into pair_step_pending (programme_id, item_code, pairs)
                            select :programme, :item, 0 from programme
                            where id = :programme and not exists (select 1 from pair_step_pending
                                  where programme_id = :programme and item_code = :item)""")
                    .param("programme", programmeId).param("item", item).update();
        }
        jdbc.sql("update pair_step_pending set pairs = pairs + :pairs where programme_id = :programme")
                .param("pairs", pairs).param("programme", programmeId).update();
    }

    /**
     * A meeting reported: the items it is the pair's first report of have one pair fewer to wait for. Returns how
     * many pairs the meeting's own item still waits for (none known: zero, so that the item is checked).
     */
    long reported(Pair pair, long meetingId, MeetingKind kind) {
        itemsReportedBy(kind).forEach(item -> takeOff(pair, item, meetingId));
        Optional<Integer> pending = jdbc.sql("""
                        select pairs from pair_step_pending where programme_id = :programme and item_code = :item""")
                .param("programme", pair.programmeId()).param("item", kind.roadmapItem()).query(Integer.class)
                .optional();
        return pending.orElse(0);
    }

    /** A pair ended early: the items it has not reported no longer wait for it. */
    void endedEarly(Pair pair) {
        items().forEach(item -> takeOff(pair, item, NO_MEETING));
    }

    /** One pair fewer for the item, unless the pair has reported it already (in a meeting other than the one given). */
    private void takeOff(Pair pair, String item, long meetingId) {
        jdbc.sql("""
                        update pair_step_pending set pairs = pairs - 1
                        where programme_id = :programme and item_code = :item
                          and not exists (select 1 from pair_meeting m where m.pair_id = :pair
                                          and m.kind in (:kinds) and m.reported_at is not null and m.id <> :meeting)""")
                .param("programme", pair.programmeId()).param("item", item).param("pair", pair.id())
                .param("kinds", kindsOf(item)).param("meeting", meetingId).update();
    }

    /** The meeting kinds whose report counts for an item: 6.4 (regular meetings) is done by a regular or the final. */
    private static List<String> kindsOf(String item) {
        return Arrays.stream(MeetingKind.values())
                .filter(k -> k.roadmapItem().equals(item)
                        || k == MeetingKind.FINAL && MeetingKind.REGULAR.roadmapItem().equals(item))
                .map(MeetingKind::code).toList();
    }

    private static List<String> itemsReportedBy(MeetingKind kind) {
        return items().stream().filter(item -> kindsOf(item).contains(kind.code())).toList();
    }

    private static List<String> items() {
        return Arrays.stream(MeetingKind.values()).map(MeetingKind::roadmapItem).toList();
    }
}
