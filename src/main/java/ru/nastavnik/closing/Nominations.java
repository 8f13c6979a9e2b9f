package ru.nastavnik.closing;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.nastavnik.feedback.FeedbackService;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairMeetings;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.shared.SchoolClock;

/**
 * The nominations of stage 7: proposed from the year's data, chosen by the curator, confirmed by the director.
 * A proposal goes by what was recorded, so that anyone can recompute it:
 * <ul>
 *   <li>«Лучшая пара»: the pair (or group) that met on plan (fewest missed meetings), then with the best mean rating
 *   of its mentees' feedback, then with the most meetings held;</li>
 *   <li>«Наставник года»: the mentor whose mentees improved most from entry to exit ({@link MenteeImprovement});
 *   without those figures, the best mean rating of the mentees' feedback, then the most meetings held;</li>
 *   <li>«Наставник+»: the mentor who brought the most mentees to the end of the programme (pairs finished), then
 *   the most meetings held.</li>
 * </ul>
 * Pairs ended early take no part; ties go to the earlier pair.
 */
@Service
class Nominations {

    /** One pair's record for the proposals. {@code rating}: mean of its mentees' feedback ratings, or null. */
    record PairRecord(Pair pair, int held, int missed, Double rating, Double improvement) {
    }

    /** A nomination as stored: whom it goes to and why. */
    record Award(Nomination nomination, long pairId, long personId, String name, String reason, boolean confirmed) {
    }

    private final Pairs pairs;
    private final PairMeetings meetings;
    private final FeedbackService feedback;
    private final ObjectProvider<MenteeImprovement> improvement;
    private final JdbcClient jdbc;
    private final SchoolClock clock;

    Nominations(Pairs pairs, PairMeetings meetings, FeedbackService feedback,
                ObjectProvider<MenteeImprovement> improvement, JdbcClient jdbc, SchoolClock clock) {
        this.pairs = pairs;
        this.meetings = meetings;
        this.feedback = feedback;
        this.improvement = improvement;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The pairs that take part: all but those ended early, with their meetings, feedback and improvement. */
    List<PairRecord> records(long programmeId) {
        Map<Long, PairMeetings.PairSummary> summaries = meetings.summaries(programmeId).stream()
                .collect(Collectors.toMap(PairMeetings.PairSummary::pairId, s -> s));
        Map<Long, List<Integer>> ratings = new LinkedHashMap<>();
        feedback.report(programmeId).answers().stream().filter(a -> "mentee".equals(a.role()))
                .forEach(a -> ratings.computeIfAbsent(a.pairId(), k -> new ArrayList<>()).add(a.rating()));
        Map<Long, Double> change = improvements(programmeId);
        List<PairRecord> records = new ArrayList<>();
        for (Pair pair : pairs.list(programmeId)) {
            if (Pair.ENDED.equals(pair.status())) {
                continue;
            }
            PairMeetings.PairSummary summary = summaries.get(pair.id());
            List<Integer> r = ratings.getOrDefault(pair.id(), List.of());
            Double rating = r.isEmpty() ? null : r.stream().mapToInt(Integer::intValue).average().orElseThrow();
            OptionalDouble mean = pair.mentees().stream().filter(m -> change.containsKey(m.personId()))
                    .mapToDouble(m -> change.get(m.personId())).average();
            Double improved = mean.isPresent() ? mean.getAsDouble() : null;
            records.add(new PairRecord(pair, summary.meetingsHeld(), summary.missedMeetings(), rating, improved));
        }
        return records;
    }

    /** Each mentee's improvement from entry to exit, empty without the monitoring. */
    Map<Long, Double> improvements(long programmeId) {
        MenteeImprovement change = improvement.getIfAvailable();
        return change == null ? Map.of() : change.byPerson(programmeId);
    }

    /** The proposals, one per nomination that has someone to award (none without pairs). */
    List<Award> propose(long programmeId) {
        List<PairRecord> records = records(programmeId);
        List<Award> awards = new ArrayList<>();
        if (records.isEmpty()) {
            return awards;
        }
        Comparator<Double> high = Comparator.nullsLast(Comparator.reverseOrder());
        PairRecord best = records.stream().sorted(Comparator.comparingInt(PairRecord::missed)
                .thenComparing(PairRecord::rating, high).thenComparing(Comparator.comparingInt(PairRecord::held).reversed())
                .thenComparingLong(r -> r.pair().id())).findFirst().orElseThrow();
        awards.add(award(Nomination.BEST_PAIR, best, "Встречи по плану: проведено " + best.held() + ", пропущено "
                + best.missed() + "; " + ratingText(best.rating())));

        Map<Long, List<PairRecord>> byMentor = records.stream().collect(Collectors.groupingBy(
                r -> r.pair().mentor().personId(), LinkedHashMap::new, Collectors.toList()));
        List<MentorRecord> mentors = byMentor.values().stream().map(MentorRecord::of).toList();
        boolean measured = mentors.stream().anyMatch(m -> m.improvement() != null);
        MentorRecord year = mentors.stream().sorted((measured
                ? Comparator.comparing(MentorRecord::improvement, high)
                : Comparator.comparing(MentorRecord::rating, high))
                .thenComparing(Comparator.comparingInt(MentorRecord::held).reversed())
                .thenComparingLong(MentorRecord::firstPair)).findFirst().orElseThrow();
        awards.add(award(Nomination.MENTOR_OF_YEAR, year.top(), measured
                ? "Показатели наставляемых от входа к выходу выросли в среднем на " + number(year.improvement())
                + " балла; встреч проведено: " + year.held()
                : ratingText(year.rating()) + "; встреч проведено: " + year.held()));

        MentorRecord plus = mentors.stream().sorted(Comparator.comparingInt(MentorRecord::finishedMentees).reversed()
                .thenComparing(Comparator.comparingInt(MentorRecord::held).reversed())
                .thenComparingLong(MentorRecord::firstPair)).findFirst().orElseThrow();
        awards.add(award(Nomination.MENTOR_PLUS, plus.top(), "Наставляемых, прошедших программу до конца: "
                + plus.finishedMentees() + "; встреч проведено: " + plus.held()));
        return awards;
    }

    /** One mentor over their pairs: the sums and means the mentor nominations compare. */
    private record MentorRecord(PairRecord top, int held, Double rating, Double improvement, int finishedMentees,
                                long firstPair) {
        static MentorRecord of(List<PairRecord> own) {
            PairRecord top = own.stream().max(Comparator.comparingInt(PairRecord::held)).orElseThrow();
            OptionalDouble rating = own.stream().filter(r -> r.rating() != null).mapToDouble(PairRecord::rating)
                    .average();
            OptionalDouble improved = own.stream().filter(r -> r.improvement() != null)
                    .mapToDouble(PairRecord::improvement).average();
            int finished = own.stream().filter(r -> Pair.FINISHED.equals(r.pair().status()))
                    .mapToInt(r -> r.pair().mentees().size()).sum();
            return new MentorRecord(top, own.stream().mapToInt(PairRecord::held).sum(),
                    rating.isPresent() ? rating.getAsDouble() : null,
                    improved.isPresent() ? improved.getAsDouble() : null, finished,
                    own.stream().mapToLong(r -> r.pair().id()).min().orElseThrow());
        }
    }

    private static Award award(Nomination nomination, PairRecord record, String reason) {
        return new Award(nomination, record.pair().id(), record.pair().mentor().personId(),
                nomination.ofPair() ? pairName(record.pair()) : record.pair().mentor().fullName(), reason, false);
    }

    static String pairName(Pair pair) {
        return pair.mentor().fullName() + " — " + pair.mentees().stream().map(Pair.Person::fullName)
                .collect(Collectors.joining(", "));
    }

    private static String ratingText(Double rating) {
        return rating == null ? "оценок наставляемых нет" : "средняя оценка наставляемых " + number(rating) + " из 5";
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
    }

    /** Stores the proposals as the nominations to edit, replacing earlier ones of the programme. */
    void storeProposals(long programmeId, List<Award> proposals) {
        jdbc.sql("delete from nomination where programme_id = :p").param("p", programmeId).update();
        for (Award a : proposals) {
            jdbc.sql("""
                            insert into nomination (programme_id, code, pair_id, person_id, proposed_pair_id,
                                                    proposed_reason, reason)
                            values (:p, :code, :pair, :person, :pair, :reason, :reason)""")
                    .param("p", programmeId).param("code", a.nomination().code()).param("pair", a.pairId())
                    .param("person", a.personId()).param("reason", a.reason()).update();
        }
    }

    /** The curator's choice: a nomination to a pair (its mentor for the mentor nominations), or none (null pair). */
    void choose(long programmeId, Nomination nomination, Long pairId, String reason) {
        if (pairId == null) {
            jdbc.sql("delete from nomination where programme_id = :p and code = :code")
                    .param("p", programmeId).param("code", nomination.code()).update();
            return;
        }
        long mentor = pairs.get(pairId).mentor().personId();
        int updated = jdbc.sql("""
                        update nomination set pair_id = :pair, person_id = :person, reason = :reason,
                               confirmed_at = null, confirmed_by = null
                        where programme_id = :p and code = :code""")
                .param("pair", pairId).param("person", mentor).param("reason", reason)
                .param("p", programmeId).param("code", nomination.code()).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into nomination (programme_id, code, pair_id, person_id, reason)
                            values (:p, :code, :pair, :person, :reason)""")
                    .param("p", programmeId).param("code", nomination.code()).param("pair", pairId)
                    .param("person", mentor).param("reason", reason).update();
        }
    }

    void confirm(long programmeId, String director) {
        jdbc.sql("update nomination set confirmed_at = :at, confirmed_by = :by where programme_id = :p")
                .param("at", Timestamp.from(clock.now())).param("by", director).param("p", programmeId).update();
    }

    /** The stored nominations in the order of {@link Nomination}, with the awarded names. */
    List<Award> awards(long programmeId) {
        List<Award> awards = jdbc.sql("select * from nomination where programme_id = :p").param("p", programmeId)
                .query((rs, n) -> {
                    Nomination nomination = Nomination.byCode(rs.getString("code")).orElseThrow();
                    Pair pair = pairs.get(rs.getLong("pair_id"));
                    return new Award(nomination, pair.id(), rs.getLong("person_id"),
                            nomination.ofPair() ? pairName(pair) : pair.mentor().fullName(), rs.getString("reason"),
                            rs.getTimestamp("confirmed_at") != null);
                }).list();
        return awards.stream().sorted(Comparator.comparing(Award::nomination)).toList();
    }
}
