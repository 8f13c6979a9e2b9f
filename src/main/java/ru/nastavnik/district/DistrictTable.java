package ru.nastavnik.district;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import ru.nastavnik.feedback.FeedbackService;
import ru.nastavnik.pair.PairStatistics;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.shared.SchoolClock;

/**
 * The schools of municipalities side by side, one row per programme: where it is, what is overdue, how big the
 * bases are, how the pairs go, how many answered the feedback. Every figure comes from the owning feature's own
 * count ({@link RoadmapService#overdue}, {@link ParticipantDirectory#baseSizes}, {@link PairStatistics},
 * {@link FeedbackService#responses}), one query each for all the schools.
 */
@Service
public class DistrictTable {

    public record OverdueItem(String code, String title, LocalDate due) {

        public String dueText() {
            return due.format(SchoolClock.RUSSIAN_DATE);
        }
    }

    /**
     * One school's programme. onPlan and feedback are shares in per cent, null when there is nothing to judge yet
     * (no working pairs, no feedback questionnaire sent); outcome is the monitoring's KPI and dynamics, null in
     * the weekly overdue summary, which does not show it.
     */
    public record School(long programmeId, String school, String schoolYear, String municipality, int stage,
                         String stageTitle, List<OverdueItem> overdue, long mentees, long mentors, long activePairs,
                         long finishedPairs, long endedPairs, long workingPairs, long pairsOnPlan, Integer onPlan,
                         long feedbackSent, long feedbackAnswered, Integer feedback,
                         SchoolOutcomes.Outcome outcome) {

        public int overdueCount() {
            return overdue.size();
        }
    }

    /** A column the table sorts by: its key in {@code ?sort=}, its heading, and how it orders the schools. */
    public enum Column {
        SCHOOL("school", "Школа", Comparator.comparing(School::school, NATURAL).thenComparing(School::schoolYear)),
        MUNICIPALITY("municipality", "Муниципалитет",
                Comparator.comparing(School::municipality, NATURAL)),
        STAGE("stage", "Этап", Comparator.comparingInt(School::stage)),
        OVERDUE("overdue", "Просро\u00adчено", Comparator.comparingInt(School::overdueCount)),
        MENTEES("mentees", "Настав\u00adляемых", Comparator.comparingLong(School::mentees)),
        MENTORS("mentors", "Настав\u00adников", Comparator.comparingLong(School::mentors)),
        ACTIVE("active", "Пар работает", Comparator.comparingLong(School::activePairs)),
        FINISHED("finished", "Завершили", Comparator.comparingLong(School::finishedPairs)),
        ENDED("ended", "Прекращены досрочно", Comparator.comparingLong(School::endedPairs)),
        ON_PLAN("onplan", "Встречаются по плану",
                Comparator.comparing(School::onPlan, Comparator.nullsFirst(Comparator.naturalOrder()))),
        FEEDBACK("feedback", "Обратная связь",
                Comparator.comparing(School::feedback, Comparator.nullsFirst(Comparator.naturalOrder())));

        final String key;
        final String heading;
        final Comparator<School> order;

        Column(String key, String heading, Comparator<School> order) {
            this.key = key;
            this.heading = heading;
            this.order = order;
        }

        public String key() {
            return key;
        }

        public String heading() {
            return heading;
        }

        /** The column of a {@code ?sort=} key (a leading «-» sorts down); the school name for anything else. */
        static Column of(String sort) {
            String key = sort == null ? "" : sort.startsWith("-") ? sort.substring(1) : sort;
            for (Column c : values()) {
                if (c.key.equals(key)) {
                    return c;
                }
            }
            return SCHOOL;
        }
    }

    /** Names as people read them: «Школа № 2» before «Школа № 10», case aside. */
    static final Comparator<String> NATURAL = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int byNumber = new java.math.BigInteger(a.substring(i, ei)).compareTo(
                        new java.math.BigInteger(b.substring(j, ej)));
                if (byNumber != 0) {
                    return byNumber;
                }
                i = ei;
                j = ej;
            } else {
                int byChar = Character.compare(Character.toLowerCase(a.charAt(i)), Character.toLowerCase(b.charAt(j)));
                if (byChar != 0) {
                    return byChar;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private final ProgrammeService programmes;
    private final RoadmapService roadmap;
    private final ParticipantDirectory directory;
    private final PairStatistics pairs;
    private final FeedbackService feedback;
    private final Municipalities municipalities;
    private final SchoolOutcomes outcomes;

    DistrictTable(ProgrammeService programmes, RoadmapService roadmap, ParticipantDirectory directory,
                  PairStatistics pairs, FeedbackService feedback, Municipalities municipalities,
                  SchoolOutcomes outcomes) {
        this.programmes = programmes;
        this.roadmap = roadmap;
        this.directory = directory;
        this.pairs = pairs;
        this.feedback = feedback;
        this.municipalities = municipalities;
        this.outcomes = outcomes;
    }

    /** The rows of the programmes with these ids, by school name. */
    public List<School> schools(Collection<Long> programmeIds) {
        return rows(programmeIds, true);
    }

    /** The schools with overdue items, without the year outcomes (the monitoring's figures) nobody reads there. */
    public List<School> overdueSchools(Collection<Long> programmeIds) {
        return rows(programmeIds, false).stream().filter(s -> !s.overdue().isEmpty()).toList();
    }

    private List<School> rows(Collection<Long> programmeIds, boolean withOutcomes) {
        List<Programme> all = programmes.list(programmeIds);
        List<Long> ids = all.stream().map(Programme::id).toList();
        Map<Long, String> names = municipalities.list().stream()
                .collect(Collectors.toMap(Municipality::id, Municipality::name));
        Map<Long, List<RoadmapItem>> overdue = roadmap.overdue(ids);
        Map<Long, ParticipantDirectory.BaseSize> bases = directory.baseSizes(ids);
        Map<Long, PairStatistics.Counts> pairCounts = pairs.byProgramme(ids);
        Map<Long, FeedbackService.Response> responses = feedback.responses(ids);
        Map<Long, Integer> stages = programmes.currentStages(all);
        List<School> rows = new ArrayList<>();
        for (Programme p : all) {
            int stage = stages.getOrDefault(p.id(), 0);
            ParticipantDirectory.BaseSize base = bases.getOrDefault(p.id(), new ParticipantDirectory.BaseSize(0, 0));
            PairStatistics.Counts c = pairCounts.get(p.id());
            FeedbackService.Response r = responses.getOrDefault(p.id(), new FeedbackService.Response(0, 0));
            rows.add(new School(p.id(), p.schoolName(), p.schoolYear(),
                    p.municipalityId() == null ? "" : names.getOrDefault(p.municipalityId(), ""), stage,
                    ProgrammeProcess.stageTitle(p, stage), overdue.getOrDefault(p.id(), List.of()).stream()
                    .map(i -> new OverdueItem(i.code(), i.title(), i.dueDate())).toList(), base.mentees(),
                    base.mentors(), c.active(), c.finished(), c.ended(), c.working(), c.onPlan(),
                    percent(c.onPlan(), c.working()), r.sent(), r.answered(), percent(r.answered(), r.sent()),
                    withOutcomes ? outcomes.of(p.id()) : null));
        }
        rows.sort(Column.SCHOOL.order);
        return rows;
    }

    /** The schools sorted by a {@code ?sort=} key; ties keep the school order. */
    static List<School> sorted(List<School> schools, String sort) {
        Comparator<School> order = Column.of(sort).order;
        if (sort != null && sort.startsWith("-")) {
            order = order.reversed();
        }
        return schools.stream().sorted(order.thenComparing(Column.SCHOOL.order)).toList();
    }

    static Integer percent(long part, long whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }
}
