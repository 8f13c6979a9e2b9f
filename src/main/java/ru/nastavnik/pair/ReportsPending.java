package ru.nastavnik.pair;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
     * A meeting reported: the items it is the pair's first report of (by the pair's meetings, this one reported
     * among them) have one pair fewer to wait for. Returns how many pairs the meeting's own item still waits for
     * (none known: zero, so that the item is checked), read by the update that takes the pair off or else by a
     * select: one statement per report.
     */
    long reported(Pair pair, PairMeetings.Meeting meeting, List<PairMeetings.Meeting> meetings) {
        String own = MeetingKind.of(meeting.kind()).roadmapItem();
        Optional<Integer> pending = Optional.empty();
        for (String item : itemsReportedBy(meeting.kind())) {
            List<String> kinds = kindsOf(item);
            if (meetings.stream().noneMatch(m -> m.id() != meeting.id() && m.reported() && kinds.contains(m.kind()))) {
                Optional<Integer> left = takeOff(pair, item, meeting.id());
                pending = item.equals(own) ? left : pending;
            }
        }
        return pending.or(() -> jdbc.sql("""
                        select pairs from pair_step_pending where programme_id = :programme and item_code = :item""")
                .param("programme", pair.programmeId()).param("item", own).query(Integer.class).optional())
                .orElse(0);
    }

    /** A pair ended early: the items it has not reported no longer wait for it. */
    void endedEarly(Pair pair) {
        items().forEach(item -> takeOff(pair, item, NO_MEETING));
    }

    /**
     * One pair fewer for the item, unless the pair has reported it already (in a meeting other than the one given);
     * the pairs it still waits for, when it changed. The database's own check stands beside the caller's, which
     * reads the pair's meetings as its transaction sees them.
     */
    private Optional<Integer> takeOff(Pair pair, String item, long meetingId) {
        // The count comes back as the update's generated key: RETURNING on PostgreSQL, the changed row on H2.
        GeneratedKeyHolder left = new GeneratedKeyHolder();
        int changed = jdbc.sql("""
                        update pair_step_pending set pairs = pairs - 1
                        where programme_id = :programme and item_code = :item
                          and not exists (select 1 from pair_meeting m where m.pair_id = :pair
                                          and m.kind in (:kinds) and m.reported_at is not null and m.id <> :meeting)""")
                .param("programme", pair.programmeId()).param("item", item).param("pair", pair.id())
                .param("kinds", kindsOf(item)).param("meeting", meetingId).update(left, "pairs");
        return changed == 0 ? Optional.empty() : Optional.of(left.getKeyAs(Integer.class));
    }

    /** The meeting kinds whose report counts for an item: 6.4 (regular meetings) is done by a regular or the final. */
    private static List<String> kindsOf(String item) {
        return Arrays.stream(MeetingKind.values())
                .filter(k -> k.roadmapItem().equals(item)
                        || k == MeetingKind.FINAL && MeetingKind.REGULAR.roadmapItem().equals(item))
                .map(MeetingKind::code).toList();
    }

    private static List<String> itemsReportedBy(String kind) {
        return items().stream().filter(item -> kindsOf(item).contains(kind)).toList();
    }

    private static List<String> items() {
        return Arrays.stream(MeetingKind.values()).map(MeetingKind::roadmapItem).toList();
    }
}
