package ru.nastavnik.pair;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pairs and groups of several programmes in numbers, in one query, for tables that compare schools. A pair
 * «meets on plan» when none of its meetings was missed: the same count as the «Пропущено» column of the school's
 * overview ({@link PairMeetings.PairSummary#missedMeetings()}, {@link PairMeetings.Meeting#missed()}: a meeting not
 * reported by the morning after its day, {@code overdue_at} set).
 */
@Component
public class PairStatistics {

    /** onPlan: of the active and finished pairs (not those ended early), the ones without a missed meeting. */
    public record Counts(long active, long finished, long ended, long onPlan) {

        static final Counts NONE = new Counts(0, 0, 0, 0);

        /** The pairs whose meetings are judged: those that worked on to the end or still work. */
        public long working() {
            return active + finished;
        }
    }

    private final JdbcClient jdbc;

    PairStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counts of each programme; a programme without pairs gets zeros. */
    public Map<Long, Counts> byProgramme(Collection<Long> programmeIds) {
        Map<Long, Counts> counts = new HashMap<>();
        programmeIds.forEach(id -> counts.put(id, Counts.NONE));
        if (programmeIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select mp.programme_id, mp.status, count(*) as pairs,
                               sum(case when exists (select 1 from pair_meeting m
                                                     where m.pair_id = mp.id and m.overdue_at is not null)
                                        then 0 else 1 end) as on_plan
                        from mentorship_pair mp where mp.programme_id in (:ids)
                        group by mp.programme_id, mp.status""")
                .param("ids", programmeIds)
                .query((rs, n) -> {
                    long programme = rs.getLong("programme_id");
                    long pairs = rs.getLong("pairs");
                    long onPlan = rs.getLong("on_plan");
                    Counts c = counts.get(programme);
                    counts.put(programme, switch (rs.getString("status")) {
                        case Pair.ACTIVE -> new Counts(pairs, c.finished(), c.ended(), c.onPlan() + onPlan);
                        case Pair.FINISHED -> new Counts(c.active(), pairs, c.ended(), c.onPlan() + onPlan);
                        default -> new Counts(c.active(), c.finished(), c.ended() + pairs, c.onPlan());
                    });
                    return programme;
                }).list();
        return counts;
    }
}
