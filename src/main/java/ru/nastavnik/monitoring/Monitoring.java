package ru.nastavnik.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.pair.PairMeetings;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.SchoolYear;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;

/**
 * The monitoring of a programme read as a whole, for its pages, reports and the closing of the year: the dynamics
 * entry → exit, the coverage KPI, the questionnaires summed up, the SWOT analysis (saved by the staff, drafted
 * until then) and how far each part is. Reads check the user ({@link MonitoringAccess#READERS}); the
 * {@code ...Of} variants do not, for process steps and services that checked their own user.
 */
@Service
public class Monitoring {

    /** The SWOT analysis; {@code saved}: the staff saved it (else it is the draft from the answers). */
    public record Swot(String strengths, String weaknesses, String opportunities, String threats, boolean saved,
                       Instant savedAt, String savedBy) {
    }

    /** How far monitoring is, for the roadmap's items 7.3 (questionnaires, SWOT) and 7.4 (exit assessment). */
    public record Progress(int participants, int exitAssessed, Questionnaires.Progress questionnaires,
                           boolean swotSaved, boolean rosterGiven) {

        /** Item 7.4: every participant of the cycle has an exit assessment. */
        public boolean exitAssessmentDone() {
            return participants > 0 && exitAssessed >= participants;
        }

        /** Item 7.3: the curator's questionnaire answered and the SWOT analysis saved. */
        public boolean qualityMonitoringDone() {
            return questionnaires.curatorAnswered() && swotSaved;
        }
    }

    /** Reported meetings per month («2027-01» → 12), for the chart of meetings over time. */
    public record MonthCount(String month, int held) {
    }

    private final JdbcClient jdbc;
    private final CycleParticipants cycle;
    private final ExitAssessments exits;
    private final Questionnaires questionnaires;
    private final Roster roster;
    private final MonitoringAccess access;
    private final ProgrammeService programmes;
    private final PairMeetings meetings;
    private final Pairs pairs;
    private final AuditLog audit;
    private final SchoolClock clock;
    private final ApplicationEventPublisher events;

    Monitoring(JdbcClient jdbc, CycleParticipants cycle, ExitAssessments exits, Questionnaires questionnaires,
               Roster roster, MonitoringAccess access, ProgrammeService programmes, PairMeetings meetings,
               Pairs pairs, AuditLog audit, SchoolClock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cycle = cycle;
        this.exits = exits;
        this.questionnaires = questionnaires;
        this.roster = roster;
        this.access = access;
        this.programmes = programmes;
        this.meetings = meetings;
        this.pairs = pairs;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public Dynamics.Report dynamics(long programmeId) {
        access.requireReader();
        programmes.get(programmeId);
        return dynamicsOf(programmeId);
    }

    /** The dynamics without a user check. */
    public Dynamics.Report dynamicsOf(long programmeId) {
        Map<Long, ExitAssessments.Exit> exitByPerson = exits.byPerson(programmeId);
        List<Dynamics.Subject> subjects = new ArrayList<>();
        for (CycleParticipants.Member m : cycle.byPerson(programmeId).values()) {
            ExitAssessments.Exit exit = exitByPerson.get(m.personId());
            if (exit != null) {
                subjects.add(new Dynamics.Subject(m.personId(), m.profile().fullName(), m.role(), m.pair().id(),
                        m.pairLabel(), m.form(), m.profile().entry(), exit.values()));
            }
        }
        return Dynamics.of(subjects);
    }

    public Coverage.Report coverage(long programmeId) {
        access.requireReader();
        programmes.get(programmeId);
        return coverageOf(programmeId);
    }

    /** The coverage KPI without a user check. */
    public Coverage.Report coverageOf(long programmeId) {
        Map<Long, Set<String>> forms = new LinkedHashMap<>();
        Map<Long, CycleParticipants.Member> people = new LinkedHashMap<>();
        for (CycleParticipants.Member m : cycle.of(programmeId)) {
            if (m.finished()) {
                forms.computeIfAbsent(m.personId(), k -> new LinkedHashSet<>()).add(m.form());
                people.putIfAbsent(m.personId(), m);
            }
        }
        List<Coverage.Involved> involved = people.values().stream().map(m -> new Coverage.Involved(m.personId(),
                m.profile().category(), m.profile().schoolClass(), forms.get(m.personId()))).toList();
        return Coverage.of(roster.lines(programmeId), involved, questionnaires.wantToMentor(programmeId).size(),
                questionnaires.askedToMentor(programmeId));
    }

    public QuestionnaireSummary.Summary questionnaires(long programmeId) {
        access.requireReader();
        programmes.get(programmeId);
        return summaryOf(programmeId);
    }

    QuestionnaireSummary.Summary summaryOf(long programmeId) {
        Map<String, Integer> requested = new TreeMap<>();
        cycle.byPerson(programmeId).values().stream().filter(m -> CycleParticipants.MENTEE.equals(m.role()))
                .forEach(m -> m.profile().requests().forEach(t -> requested.merge(t, 1, Integer::sum)));
        return QuestionnaireSummary.of(questionnaires.all(), questionnaires.answers(programmeId), requested);
    }

    public Swot swot(long programmeId) {
        access.requireReader();
        programmes.get(programmeId);
        return jdbc.sql("select * from monitoring_swot where programme_id = :programme").param("programme", programmeId)
                .query((rs, n) -> new Swot(rs.getString("strengths"), rs.getString("weaknesses"),
                        rs.getString("opportunities"), rs.getString("threats"), true,
                        rs.getTimestamp("saved_at").toInstant(), rs.getString("saved_by")))
                .optional().orElseGet(() -> {
                    QuestionnaireSummary.Swot d = summaryOf(programmeId).draft();
                    return new Swot(d.strengths(), d.weaknesses(), d.opportunities(), d.threats(), false, null, null);
                });
    }

    /** The staff's edited SWOT analysis; each part up to 4000 characters of plain text. */
    @Transactional
    public Swot saveSwot(long programmeId, QuestionnaireSummary.Swot edited) {
        access.requireWriter();
        programmes.get(programmeId);
        List<ValidationException.FieldError> errors = new ArrayList<>();
        String[][] parts = {{"strengths", "Сильные стороны", edited.strengths()},
                {"weaknesses", "Слабые стороны", edited.weaknesses()},
                {"opportunities", "Возможности", edited.opportunities()}, {"threats", "Угрозы", edited.threats()}};
        for (String[] part : parts) {
            InputText.check(part[0], part[1], part[2], true).ifPresent(errors::add);
            if (part[2] != null && part[2].length() > 4000) {
                errors.add(new ValidationException.FieldError(part[0], "«" + part[1] + "» не длиннее 4000 символов"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("delete from monitoring_swot where programme_id = :programme").param("programme", programmeId)
                .update();
        jdbc.sql("""
                        insert into monitoring_swot (programme_id, strengths, weaknesses, opportunities, threats,
                                                     saved_at, saved_by)
                        values (:programme, :s, :w, :o, :t, :at, :by)""")
                .param("programme", programmeId).param("s", strip(edited.strengths()))
                .param("w", strip(edited.weaknesses())).param("o", strip(edited.opportunities()))
                .param("t", strip(edited.threats())).param("at", Timestamp.from(clock.now()))
                .param("by", access.user()).update();
        audit.record(access.user(), "monitoring.swot", programmeId, null, null);
        events.publishEvent(new MonitoringUpdated(programmeId, MonitoringUpdated.SWOT));
        return swot(programmeId);
    }

    public Progress progress(long programmeId) {
        access.requireReader();
        programmes.get(programmeId);
        return progressOf(programmeId);
    }

    /** How far monitoring is, without a user check (for the roadmap's listeners). */
    public Progress progressOf(long programmeId) {
        Set<Long> people = cycle.byPerson(programmeId).keySet();
        int assessed = (int) exits.byPerson(programmeId).keySet().stream().filter(people::contains).count();
        boolean swotSaved = jdbc.sql("select count(*) from monitoring_swot where programme_id = :programme")
                .param("programme", programmeId).query(Long.class).single() > 0;
        return new Progress(people.size(), assessed, questionnaires.progress(programmeId), swotSaved,
                !roster.lines(programmeId).isEmpty());
    }

    /** The mentees who want to become mentors next year (person ids), without a user check. */
    public List<Long> wantToMentorOf(long programmeId) {
        return questionnaires.wantToMentor(programmeId);
    }

    /** Meetings held per month of the school year, from the pairs' reports. */
    public List<MonthCount> meetingsByMonth(long programmeId) {
        access.requireReader();
        Map<String, Integer> months = new TreeMap<>();
        SchoolYear year = programmes.get(programmeId).year();
        year.firstDay().datesUntil(year.lastDay().plusDays(1), Period.ofMonths(1))
                .forEach(d -> months.put(d.toString().substring(0, 7), 0));
        pairs.list(programmeId).stream().flatMap(p -> meetings.meetings(p.id()).stream())
                .map(PairMeetings.Meeting::heldOn).filter(java.util.Objects::nonNull)
                .forEach(d -> months.merge(d.toString().substring(0, 7), 1, Integer::sum));
        return months.entrySet().stream().map(e -> new MonthCount(e.getKey(), e.getValue())).toList();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
