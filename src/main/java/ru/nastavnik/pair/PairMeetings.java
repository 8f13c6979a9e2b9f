package ru.nastavnik.pair;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.notification.DeadlineSettings;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.pair.MeetingSchedule.Frequency;
import ru.nastavnik.pair.MeetingSchedule.Period;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.ProcessVariable;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * The meetings of a pair or group (stage 6): planned from the programme's roadmap, reported by the mentor, the
 * individual plan, the mentor's feedback, and what the curator sees of them. Named "pairMeetings" because the
 * {@code mentorship-pair} process asks it what follows a meeting. No user checks here: callers are process steps and
 * the controller, which checks its user.
 */
@Service("pairMeetings")
public class PairMeetings {

    public static final ProcessVariable<String> VAR_MEETING_KIND = ProcessVariable.text("meetingKind");
    public static final ProcessVariable<Long> VAR_MEETING_ID = ProcessVariable.of("meetingId", Long.class);
    public static final ProcessVariable<Date> VAR_CURATOR_ESCALATION_AT = ProcessVariable.of("curatorEscalationAt",
            Date.class);
    /** The step between the regular and the final meeting, as {@link PairSummary#currentStep()} names it. */
    public static final String STEP_FEEDBACK = "feedback";

    private static final Logger log = LoggerFactory.getLogger(PairMeetings.class);
    private static final int TASK_NAME_MAX = 200;

    /**
     * A pair's meetings read in this transaction: after a report the gateway asks what follows and the next
     * meeting's planning reads them again. A report puts the reported meeting in; every other write to a meeting
     * here forgets them (nothing else writes them).
     */
    private final TransactionCache<Long, List<Meeting>> meetingsRead = new TransactionCache<>();
    /**
     * A pair's plan frequency and a programme's item periods, read in this transaction: a regular meeting's report,
     * the gateway after it and the next meeting's planning each ask for both. A plan written here forgets them; the
     * roadmap's dates change in transactions of their own.
     */
    private final TransactionCache<Long, Optional<Frequency>> frequenciesRead = new TransactionCache<>();
    private final TransactionCache<String, Period> periodsRead = new TransactionCache<>();

    public record Attendance(long personId, boolean attended) {
    }

    public record Meeting(long id, long pairId, String kind, int seq, String title, LocalDate plannedOn,
                          String processInstanceId, Instant overdueAt, Instant reportedAt, String reportedBy,
                          LocalDate heldOn, Integer durationMinutes, String format, String topics, String agreed,
                          List<Attendance> attendance, int moves) {

        public boolean reported() {
            return reportedAt != null;
        }

        /** Not reported by the morning after its day (it stays missed when reported later). */
        public boolean missed() {
            return overdueAt != null;
        }

        /** This meeting as its report stores it (the row and its attendance). */
        Meeting reportedAs(Instant at, String by, Report report, List<Attendance> attendance) {
            return new Meeting(id, pairId, kind, seq, title, plannedOn, processInstanceId, overdueAt, at, by,
                    report.heldOn(), report.durationMinutes(), report.format(), report.topics(), report.agreed(),
                    attendance, moves);
        }
    }

    /** What the mentor reports of a held meeting; {@code attended} are person ids of the pair's mentees. */
    public record Report(LocalDate heldOn, int durationMinutes, String format, String topics, String agreed,
                         List<Long> attended) {
    }

    /** The individual plan; {@code requests} are options «personId:topicCode» of the planning form. */
    public record PlanDraft(String frequency, String goals, String items, List<String> requests) {
    }

    public record PlanRequest(long personId, String topic, String title) {
    }

    public record Plan(String frequency, String frequencyName, String goals, String items, LocalDate writtenOn,
                       List<PlanRequest> requests) {
    }

    public record MentorFeedback(int satisfaction, int menteeProgress, String worked, String difficulties,
                                 String suggestions) {
    }

    public record PersonRef(long personId, String fullName) {
    }

    /**
     * One line of the curator's list: where the pair is, how many meetings were missed (late or unreported), its last
     * report and whether an active pair has gone silent ({@link SilentPairs}).
     */
    public record PairSummary(long pairId, String status, boolean group, PersonRef mentor, String mentorUserId,
                              List<PersonRef> mentees, String form, String currentStep, String currentStepName,
                              LocalDate plannedOn, int meetingsHeld, int missedMeetings, Instant lastReportAt,
                              boolean silent) {
    }

    public record PairDetails(PairSummary pair, Plan plan, List<Meeting> meetings) {
    }

    private final JdbcClient jdbc;
    private final Pairs pairs;
    private final RoadmapService roadmap;
    private final Deadlines deadlines;
    private final SchoolClock clock;
    private final ManagementService management;
    private final SystemAuthentication system;
    private final AuditLog audit;
    private final MailNotifier mail;
    private final ReportsPending reportsPending;
    private final int escalationDays;
    private final LocalTime notifyTime;

    PairMeetings(JdbcClient jdbc, Pairs pairs, RoadmapService roadmap, Deadlines deadlines, SchoolClock clock,
                 ManagementService management, SystemAuthentication system, AuditLog audit,
                 MailNotifier mail, ReportsPending reportsPending, PairSchedule schedule,
                 DeadlineSettings deadlineSettings) {
        this.jdbc = jdbc;
        this.pairs = pairs;
        this.roadmap = roadmap;
        this.deadlines = deadlines;
        this.clock = clock;
        this.management = management;
        this.system = system;
        this.audit = audit;
        this.mail = mail;
        this.reportsPending = reportsPending;
        this.escalationDays = schedule.meetingEscalationDays();
        this.notifyTime = deadlineSettings.notifyTime();
    }

    /**
     * Opens the pair's next meeting ({@link MeetingOrder#nextKind}): its row, and the variables of its task and
     * timers. A step that runs again (e.g. the task was cancelled and restarted) resumes its open meeting with the
     * date it had.
     */
    @Transactional
    public Map<String, Object> open(long pairId, String processInstanceId) {
        Pair pair = pairs.get(pairId);
        List<Meeting> held = meetings(pairId);
        MeetingKind kind = MeetingOrder.nextKind(held, () -> mentorFeedback(pairId).isPresent());
        Optional<Meeting> resumed = held.isEmpty() ? Optional.empty() : Optional.of(held.get(held.size() - 1))
                .filter(m -> !m.reported() && m.kind().equals(kind.code()));
        long id;
        LocalDate planned;
        int seq;
        if (resumed.isPresent()) {
            id = resumed.get().id();
            planned = resumed.get().plannedOn();
            seq = resumed.get().seq();
            jdbc.sql("update pair_meeting set process_instance_id = :pi where id = :id")
                    .param("pi", processInstanceId).param("id", id).update();
            meetingsRead.forget();
        } else {
            planned = plannedDate(pair, kind, held).orElseThrow(() ->
                    new IllegalStateException("Pair " + pairId + " has no " + kind.code() + " meeting left"));
            seq = (int) held.stream().filter(m -> m.kind().equals(kind.code())).count() + 1;
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into pair_meeting (pair_id, kind, seq, planned_on, process_instance_id, created_at)
                            values (:pair, :kind, :seq, :planned, :pi, :at)""")
                    .param("pair", pairId).param("kind", kind.code()).param("seq", seq).param("planned", planned)
                    .param("pi", processInstanceId).param("at", Timestamp.from(clock.now()))
                    .update(key, "id");
            meetingsRead.forget();
            id = key.getKey().longValue();
        }
        Map<String, Object> vars = taskVariables(pair, kind, seq, planned);
        vars.put(VAR_MEETING_ID.name(), id);
        vars.put(VAR_MEETING_KIND.name(), kind.code());
        if (kind == MeetingKind.PLANNING) {
            vars.put(PairMeetingSteps.REQUEST_OPTIONS.name(), requestOptions(pair));
        }
        log.info("Pair {}: {} planned on {} (meeting {})", pairId, kind.code(), planned, id);
        return vars;
    }

    /**
     * What follows the pair's last meeting ({@link MeetingOrder#nextStep}); a regular meeting while the plan's
     * frequency leaves one within the regular period (item 6.4).
     */
    public MeetingOrder.NextStep nextStep(Number pairId) {
        long id = pairId.longValue();
        List<Meeting> held = meetings(id);
        return MeetingOrder.nextStep(held, () -> mentorFeedback(id).isPresent(),
                () -> moreRegularMeetings(pairs.get(id), held));
    }

    /**
     * Whether another regular meeting is due: asked by the versions of mentorship-pair deployed before its meetings
     * became a sub-process, which the pairs started then still run.
     */
    public boolean moreRegularMeetings(Number pairId) {
        Pair pair = pairs.get(pairId.longValue());
        return moreRegularMeetings(pair, meetings(pair.id()));
    }

    /** Whether the plan's frequency leaves another regular meeting within the regular period (item 6.4). */
    private boolean moreRegularMeetings(Pair pair, List<Meeting> held) {
        return moreRegularMeetings(pair, held, period(pair.programmeId(), MeetingKind.REGULAR.roadmapItem()),
                frequency(pair.id()));
    }

    private boolean moreRegularMeetings(Pair pair, List<Meeting> held, Period regular, Frequency frequency) {
        return !held.isEmpty() && !held.get(held.size() - 1).reported()
                && MeetingKind.REGULAR.code().equals(held.get(held.size() - 1).kind())
                || MeetingSchedule.regular(lastStep(pair, held), frequency, regular, clock.today()).isPresent();
    }

    /**
     * Stores the mentor's report and, for the planning meeting, the individual plan. Refused with the reasons
     * when the meeting is dated before the pair was fixed or names people outside the pair.
     */
    @Transactional
    public void report(long pairId, long meetingId, Report report, PlanDraft plan, String actor) {
        List<Meeting> held = meetings(pairId);
        Meeting meeting = held.stream().filter(m -> m.id() == meetingId).findFirst()
                .orElseThrow(() -> ApiException.notFound("У пары (группы) " + pairId + " нет встречи " + meetingId));
        if (meeting.reported()) {
            throw new ValidationException("heldOn", "Отчёт об этой встрече уже сохранён");
        }
        Pair pair = pairs.get(pairId);
        List<FieldError> errors = new ArrayList<>();
        LocalDate fixedOn = startedOn(pair);
        if (report.heldOn().isBefore(fixedOn)) {
            errors.add(new FieldError("heldOn", "Встреча не может пройти раньше, чем закреплена пара ("
                    + fixedOn.format(SchoolClock.RUSSIAN_DATE) + ")"));
        }
        Set<Long> mentees = pair.mentees().stream().map(Pair.Person::personId).collect(Collectors.toSet());
        if (!mentees.containsAll(report.attended())) {
            errors.add(new FieldError("attendedMentees", "Отмечен человек, который не входит в эту пару (группу)"));
        }
        if (plan != null) {
            Set<String> offered = requestOptions(pair).stream().map(o -> o.get("value")).collect(Collectors.toSet());
            if (!offered.containsAll(plan.requests())) {
                errors.add(new FieldError("planRequests", "Отмечен запрос, которого нет у наставляемых этой пары"));
            } else if (!offered.isEmpty() && plan.requests().isEmpty()) {
                errors.add(new FieldError("planRequests",
                        "Отметьте запросы наставляемых, с которыми связаны цели плана"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // Micro-seconds, as the column keeps them: the meeting put in the transaction's list equals the row.
        Instant at = clock.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        update pair_meeting set reported_at = :at, reported_by = :by, held_on = :held,
                               duration_minutes = :minutes, meeting_format = :format, topics = :topics, agreed = :agreed
                        where id = :id""")
                .param("at", Timestamp.from(at)).param("by", actor).param("held", report.heldOn())
                .param("minutes", report.durationMinutes()).param("format", report.format())
                .param("topics", report.topics()).param("agreed", report.agreed()).param("id", meetingId).update();
        // One statement for a group's mentees, each marked present or absent (no person has the id -1: an empty
        // IN list is not SQL).
        jdbc.sql("""
                        insert into pair_meeting_attendance (meeting_id, person_id, attended)
                        select :meeting, m.person_id, m.person_id in (:attended) from pair_mentee m
                        where m.pair_id = :pair and m.left_at is null""")
                .param("meeting", meetingId).param("pair", pair.id())
                .param("attended", report.attended().isEmpty() ? List.of(-1L) : report.attended()).update();
        Meeting reported = meeting.reportedAs(at, actor, report, pair.mentees().stream()
                .map(m -> new Attendance(m.personId(), report.attended().contains(m.personId())))
                .sorted(Comparator.comparingLong(Attendance::personId)).toList());
        held = held.stream().map(m -> m.id() == meetingId ? reported : m).toList();
        // What follows (the gateway, the next meeting's planning) reads the list without a query.
        meetingsRead.put(pairId, held);
        if (plan != null) {
            savePlan(pair.id(), plan, actor);
        }
        audit.record(actor, "pair.meeting.reported", pair.programmeId(), pair.id(), "meeting=" + meetingId
                + " kind=" + meeting.kind() + " attended=" + report.attended().size() + "/" + mentees.size());
        if (reportsPending.reported(pair, reported, held) <= 0) {
            closeRoadmapStep(pair, held, MeetingKind.of(meeting.kind()));
        }
    }

    /**
     * The roadmap item of a meeting kind (6.1–6.4, 6.6) closes itself once every pair that is not ended early has
     * reported that step; for the regular meetings (6.4), once every pair has reported its last one. Asked once
     * {@link ReportsPending} counts no pair still without the step's report, which for 6.4 is every regular report
     * after each pair's first: so the reporting pair is asked first, from its meetings at hand, and while it has
     * regular meetings left no other pair is read. Else the programme's meetings and plans are read in one query
     * each, whatever the number of pairs.
     */
    private void closeRoadmapStep(Pair reporting, List<Meeting> itsMeetings, MeetingKind kind) {
        long programmeId = reporting.programmeId();
        RoadmapItem item = roadmap.get(programmeId, kind.roadmapItem());
        if (item.completedAt() != null) {
            return;
        }
        Period period = new Period(item.startDate(), item.dueDate());
        if (!stepDone(reporting, itsMeetings, kind, period, () -> frequency(reporting.id()))) {
            return;
        }
        List<Pair> working = pairs.list(programmeId).stream().filter(p -> !Pair.ENDED.equals(p.status())).toList();
        Map<Long, List<Meeting>> meetingsByPair = meetingsOfProgramme(programmeId);
        Map<Long, Frequency> frequencies = kind == MeetingKind.REGULAR ? frequencies(programmeId) : Map.of();
        for (Pair pair : working) {
            if (!stepDone(pair, meetingsByPair.getOrDefault(pair.id(), List.of()), kind, period,
                    () -> frequencies.get(pair.id()))) {
                return;
            }
        }
        roadmap.closeByWork(programmeId, kind.roadmapItem(), "Все пары и группы (" + working.size()
                + ") отметили: " + kind.title().toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether the pair has reported the step; the regular meetings, when it has reported the last one or the final. */
    private boolean stepDone(Pair pair, List<Meeting> all, MeetingKind kind, Period period,
                             Supplier<Frequency> frequency) {
        List<Meeting> held = all.stream().filter(Meeting::reported).toList();
        return kind == MeetingKind.REGULAR
                ? held.stream().anyMatch(m -> MeetingKind.FINAL.code().equals(m.kind()))
                || held.stream().anyMatch(m -> kind.code().equals(m.kind()))
                && !moreRegularMeetings(pair, all, period, frequency.get())
                : held.stream().anyMatch(m -> kind.code().equals(m.kind()));
    }

    private void savePlan(long pairId, PlanDraft plan, String actor) {
        // A plan is written once per pair; a repeated planning meeting (e.g. after a new mentor) replaces it.
        frequenciesRead.forget();
        jdbc.sql("delete from pair_plan_request where pair_id = :pair").param("pair", pairId).update();
        jdbc.sql("delete from pair_plan where pair_id = :pair").param("pair", pairId).update();
        jdbc.sql("""
                        insert into pair_plan (pair_id, frequency, goals, items, written_on, written_by)
                        values (:pair, :frequency, :goals, :items, :on, :by)""")
                .param("pair", pairId).param("frequency", Frequency.of(plan.frequency()).code())
                .param("goals", plan.goals()).param("items", plan.items()).param("on", clock.today())
                .param("by", actor).update();
        for (String request : plan.requests()) {
            String[] parts = request.split(":", 2);
            jdbc.sql("insert into pair_plan_request (pair_id, person_id, topic_code) values (:pair, :person, :topic)")
                    .param("pair", pairId).param("person", Long.parseLong(parts[0])).param("topic", parts[1]).update();
        }
    }

    /** Marks an unreported meeting as missed the morning after its day; false when it was reported or marked already. */
    @Transactional
    public boolean markOverdue(long meetingId) {
        meetingsRead.forget();
        return jdbc.sql("update pair_meeting set overdue_at = :at where id = :id and reported_at is null "
                        + "and overdue_at is null")
                .param("at", Timestamp.from(clock.now())).param("id", meetingId).update() == 1;
    }

    /**
     * Moves an open meeting to a new day: its task's due date, the reminder, the mentor's reminder after it and
     * the curator's escalation move with it (timers that have fired stay fired).
     */
    @Transactional
    public Meeting move(long programmeId, long pairId, long meetingId, LocalDate plannedOn, String actor) {
        Meeting meeting = reschedule(pairOf(programmeId, pairId), meetingId, plannedOn, actor);
        Date escalation = curatorEscalationAt(plannedOn);
        deadlines.move(meeting.processInstanceId(), PairProcess.TASK_REPORT_MEETING, clock.today(), plannedOn,
                Map.of(VAR_CURATOR_ESCALATION_AT.name(), escalation));
        system.run(() -> {
            for (Job job : management.createJobQuery().processInstanceId(meeting.processInstanceId())
                    .activityId(PairProcess.TIMER_ESCALATE_TO_CURATOR).timers().list()) {
                management.setJobDuedate(job.getId(), escalation);
            }
        });
        return get(meetingId);
    }

    /** What an open meeting's report task and its timers read, for the task started again for a new mentor. */
    public Map<String, Object> taskCreationVariables(long meetingId) {
        Meeting meeting = get(meetingId);
        return taskVariables(pairs.get(meeting.pairId()), MeetingKind.of(meeting.kind()), meeting.seq(),
                meeting.plannedOn());
    }

    /** The report task's dates, its timers' and its name («Встреча-знакомство: Иванова Анна»). */
    private Map<String, Object> taskVariables(Pair pair, MeetingKind kind, int seq, LocalDate planned) {
        Map<String, Object> vars = dateVariables(planned);
        vars.put(PairMeetingSteps.MEETING_TASK_NAME.name(), shorten(title(kind, seq) + ": " + names(pair.mentees())));
        return vars;
    }

    /**
     * Moves a meeting whose mentor answered «не состоялась» in the report form: the same rules as {@link #move},
     * but the report task was just completed and is opened again, so the new dates (and the task's name) are
     * returned as the variables of the new task and its timers rather than set on the old ones.
     */
    @Transactional
    public Map<String, Object> moveFromReport(long meetingId, LocalDate plannedOn, String actor) {
        Pair pair = pairs.get(get(meetingId).pairId());
        Meeting meeting = reschedule(pair, meetingId, plannedOn, actor);
        return taskVariables(pair, MeetingKind.of(meeting.kind()), meeting.seq(), meeting.plannedOn());
    }

    /** Checks a new day for an open meeting and stores it; refused before anything moves. */
    private Meeting reschedule(Pair pair, long meetingId, LocalDate plannedOn, String actor) {
        Meeting meeting = get(meetingId);
        if (meeting.pairId() != pair.id()) {
            throw ApiException.notFound("У пары (группы) " + pair.id() + " нет встречи " + meetingId);
        }
        if (meeting.reported() || !pair.active()) {
            throw ApiException.conflict("Встреча уже отмечена или пара закрыта: дата встречи не переносится");
        }
        if (plannedOn == null) {
            throw new ValidationException("plannedOn", "Укажите новую дату встречи");
        }
        LocalDate limit = roadmap.get(pair.programmeId(), MeetingKind.FINAL.roadmapItem()).dueDate();
        if (!plannedOn.isAfter(clock.today())) {
            throw new ValidationException("plannedOn", "Новая дата встречи должна быть позже сегодняшней");
        }
        // The final meeting may move past its roadmap date; the others not past the final one.
        if (!MeetingKind.FINAL.code().equals(meeting.kind()) && plannedOn.isAfter(limit)) {
            throw new ValidationException("plannedOn", "Встречу можно перенести не позже срока итоговой встречи ("
                    + limit.format(SchoolClock.RUSSIAN_DATE) + ")");
        }
        // moves: the SEQUENCE of the meeting's calendar invitation, so that calendars take the new day.
        jdbc.sql("update pair_meeting set planned_on = :on, moves = moves + 1 where id = :id")
                .param("on", plannedOn).param("id", meetingId).update();
        meetingsRead.forget();
        // A reminder still waiting names the old day.
        mail.cancel(MailAbout.meetingRef(meetingId));
        audit.record(actor, "pair.meeting.moved", pair.programmeId(), pair.id(), "meeting=" + meetingId
                + " to=" + plannedOn);
        return get(meetingId);
    }

    /**
     * The due date of a meeting's report task and the dates of its three timers. Stored, not transient: a mentor's
     * hand-over ({@link PairTasks#handOver}) starts the task again and evaluates the timers from them.
     */
    private Map<String, Object> dateVariables(LocalDate planned) {
        Map<String, Object> vars = new HashMap<>(deadlines.variables(clock.today(), planned));
        vars.put(VAR_CURATOR_ESCALATION_AT.name(), curatorEscalationAt(planned));
        return vars;
    }

    /** The variables of the mentor's feedback task (item 6.5) and the day its collection starts. */
    public Map<String, Object> feedbackVariables(long pairId) {
        Pair pair = pairs.get(pairId);
        Period period = MeetingSchedule.closing(period(pair.programmeId(), MeetingKind.FEEDBACK_ITEM), clock.today());
        Map<String, Object> vars = new HashMap<>(deadlines.variables(period.start(), period.due()));
        vars.put(PairProcess.FEEDBACK_STARTS_AT.name(), clock.at(period.start(), notifyTime));
        vars.put(PairProcess.FEEDBACK_TASK_NAME.name(), shorten("Обратная связь наставника: " + names(pair.mentees())));
        return vars;
    }

    @Transactional
    public void recordFeedback(long pairId, MentorFeedback feedback, String actor) {
        Pair pair = pairs.get(pairId);
        jdbc.sql("delete from pair_mentor_feedback where pair_id = :pair").param("pair", pairId).update();
        jdbc.sql("""
                        insert into pair_mentor_feedback (pair_id, satisfaction, mentee_progress, worked, difficulties,
                               suggestions, submitted_at, submitted_by)
                        values (:pair, :satisfaction, :progress, :worked, :difficulties, :suggestions, :at, :by)""")
                .param("pair", pairId).param("satisfaction", feedback.satisfaction())
                .param("progress", feedback.menteeProgress()).param("worked", feedback.worked())
                .param("difficulties", feedback.difficulties()).param("suggestions", feedback.suggestions())
                .param("at", Timestamp.from(clock.now())).param("by", actor).update();
        audit.record(actor, "pair.feedback.mentor", pair.programmeId(), pairId, null);
    }

    /** What the mentor answered in their feedback step (item 6.5), once they did. */
    public Optional<MentorFeedback> mentorFeedback(long pairId) {
        return jdbc.sql("""
                        select satisfaction, mentee_progress, worked, difficulties, suggestions
                        from pair_mentor_feedback where pair_id = :pair""")
                .param("pair", pairId).query((rs, n) -> new MentorFeedback(rs.getInt(1), rs.getInt(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))).optional();
    }

    public Meeting get(long meetingId) {
        return withAttendance("where m.id = :key", meetingId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Встреча " + meetingId + " не найдена"));
    }

    /** The pair's meetings as read in this transaction already, else from the database. */
    public List<Meeting> meetings(long pairId) {
        return meetingsRead.get(pairId, id -> withAttendance("where m.pair_id = :key", id));
    }

    /** Meetings, in the order they were planned, and who came to each, in one query. */
    private List<Meeting> withAttendance(String where, long key) {
        Map<Long, List<Attendance>> attendance = new HashMap<>();
        Map<Long, Meeting> meetings = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.*, a.person_id as attendee, a.attended as came from pair_meeting m
                        left join pair_meeting_attendance a on a.meeting_id = m.id
                        """ + where + " order by m.id, a.person_id")
                .param("key", key).query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    if (!meetings.containsKey(id)) {
                        meetings.put(id, map(rs, attendance));
                    }
                    long attendee = rs.getLong("attendee");
                    if (!rs.wasNull()) {
                        attendance.get(id).add(new Attendance(attendee, rs.getBoolean("came")));
                    }
                });
        return List.copyOf(meetings.values());
    }

    /** The meetings of every pair of a programme, by pair, in one query (the lists show all pairs at once). */
    private Map<Long, List<Meeting>> meetingsOfProgramme(long programmeId) {
        return withAttendance("where m.pair_id in (select id from mentorship_pair where programme_id = :key)",
                programmeId).stream().collect(Collectors.groupingBy(Meeting::pairId));
    }

    public Optional<Plan> plan(long pairId) {
        List<PlanRequest> requests = jdbc.sql("""
                        select person_id, topic_code from pair_plan_request where pair_id = :pair
                        order by person_id, topic_code""")
                .param("pair", pairId).query((rs, n) -> new PlanRequest(rs.getLong(1), rs.getString(2),
                        ParticipantDirectory.topicTitle(rs.getString(2)))).list();
        return jdbc.sql("select * from pair_plan where pair_id = :pair").param("pair", pairId)
                .query((rs, n) -> {
                    Frequency frequency = Frequency.of(rs.getString("frequency"));
                    return new Plan(frequency.code(), frequency.title(), rs.getString("goals"), rs.getString("items"),
                            rs.getObject("written_on", LocalDate.class), requests);
                }).optional();
    }

    /**
     * The programme's pairs as the curator's lists show them (the overview, its XLSX, the API), in a handful of
     * queries however many pairs there are.
     */
    public List<PairSummary> summaries(long programmeId) {
        Map<Long, List<Meeting>> meetings = meetingsOfProgramme(programmeId);
        LocalDate[] feedbackDue = new LocalDate[1];
        Supplier<LocalDate> feedbackDueOnce = () -> feedbackDue[0] != null ? feedbackDue[0]
                : (feedbackDue[0] = feedbackDue(programmeId));
        return pairs.list(programmeId).stream()
                .map(p -> summary(p, meetings.getOrDefault(p.id(), List.of()), feedbackDueOnce)).toList();
    }

    public PairDetails details(long programmeId, long pairId) {
        Pair pair = pairOf(programmeId, pairId);
        List<Meeting> meetings = meetings(pairId);
        return new PairDetails(summary(pair, meetings, () -> feedbackDue(programmeId)), plan(pairId).orElse(null),
                meetings);
    }

    /** The pair, when it belongs to the programme. */
    public Pair pairOf(long programmeId, long pairId) {
        Pair pair = pairs.get(pairId);
        if (pair.programmeId() != programmeId) {
            throw ApiException.notFound("Пара (группа) " + pairId + " не найдена");
        }
        return pair;
    }

    private PairSummary summary(Pair pair, List<Meeting> meetings, Supplier<LocalDate> feedbackDue) {
        String step = null;
        String stepName = null;
        LocalDate planned = null;
        if (pair.active()) {
            Optional<Meeting> open = meetings.stream().filter(m -> !m.reported()).reduce((a, b) -> b);
            if (open.isPresent()) {
                step = open.get().kind();
                stepName = open.get().title();
                planned = open.get().plannedOn();
            } else if (meetings.stream().anyMatch(m -> MeetingKind.REGULAR.code().equals(m.kind())
                    || MeetingKind.PLANNING.code().equals(m.kind()))) {
                // Between the last regular meeting and the final one only the feedback is open.
                step = STEP_FEEDBACK;
                stepName = "Обратная связь";
                planned = feedbackDue.get();
            }
        }
        return new PairSummary(pair.id(), pair.status(), pair.group(), ref(pair.mentor()), pair.mentorUserId(),
                pair.mentees().stream().map(PairMeetings::ref).toList(), pair.form(), step, stepName, planned,
                (int) meetings.stream().filter(Meeting::reported).count(),
                (int) meetings.stream().filter(Meeting::missed).count(),
                SilentPairs.lastReport(meetings).orElse(null),
                pair.active() && SilentPairs.silent(meetings, pair.startedAt(), clock.today(), clock.zone()));
    }

    /** The day the mentor's feedback (item 6.5) is due, the pairs' step between the regular and the final meeting. */
    private LocalDate feedbackDue(long programmeId) {
        return MeetingSchedule.closing(period(programmeId, MeetingKind.FEEDBACK_ITEM), clock.today()).due();
    }

    private static PersonRef ref(Pair.Person person) {
        return new PersonRef(person.personId(), person.fullName());
    }

    /** The day the pair's next meeting of a kind is due; {@code held} the pair's meetings so far. */
    private Optional<LocalDate> plannedDate(Pair pair, MeetingKind kind, List<Meeting> held) {
        LocalDate today = clock.today();
        Period item = period(pair.programmeId(), kind.roadmapItem());
        return switch (kind) {
            case ACQUAINTANCE -> Optional.of(MeetingSchedule.opening(startedOn(pair), item, today));
            case TRIAL, PLANNING -> Optional.of(MeetingSchedule.opening(lastStep(pair, held), item, today));
            case REGULAR -> MeetingSchedule.regular(lastStep(pair, held), frequency(pair.id()), item, today);
            case FINAL -> Optional.of(MeetingSchedule.closing(item, today).due());
        };
    }

    /** Where the next meeting counts from: the last reported one, else the day the pair was fixed. */
    private LocalDate lastStep(Pair pair, List<Meeting> held) {
        return held.stream().filter(Meeting::reported).reduce((a, b) -> b)
                .map(m -> MeetingSchedule.after(m.plannedOn(), m.heldOn())).orElseGet(() -> startedOn(pair));
    }

    /** The frequency of each plan written in the programme, by pair. */
    private Map<Long, Frequency> frequencies(long programmeId) {
        Map<Long, Frequency> frequencies = new HashMap<>();
        jdbc.sql("""
                        select p.pair_id, p.frequency from pair_plan p join mentorship_pair mp on mp.id = p.pair_id
                        where mp.programme_id = :programme""")
                .param("programme", programmeId)
                .query((ResultSet rs) -> {
                    frequencies.put(rs.getLong(1), Frequency.of(rs.getString(2)));
                });
        return frequencies;
    }

    private Frequency frequency(long pairId) {
        return frequenciesRead.get(pairId, id -> jdbc.sql("select frequency from pair_plan where pair_id = :pair")
                        .param("pair", id).query(String.class).optional().map(Frequency::of))
                .orElseThrow(() -> new IllegalStateException("Pair " + pairId + " has no individual plan"));
    }

    private Period period(long programmeId, String itemCode) {
        return periodsRead.get(programmeId + "/" + itemCode, key -> {
            RoadmapItem item = roadmap.get(programmeId, itemCode);
            return new Period(item.startDate(), item.dueDate());
        });
    }

    private LocalDate startedOn(Pair pair) {
        return LocalDate.ofInstant(pair.startedAt(), clock.zone());
    }

    private Date curatorEscalationAt(LocalDate planned) {
        return clock.at(planned.plusDays(escalationDays), notifyTime);
    }

    /** The requests of the pair's mentees as options «personId:topic» of the plan's checklist. */
    private List<Map<String, String>> requestOptions(Pair pair) {
        Map<Long, String> names = new LinkedHashMap<>();
        pair.mentees().forEach(m -> names.put(m.personId(), m.fullName()));
        return jdbc.sql("""
                        select person_id, topic_code from participant_topic
                        where programme_id = :programme and kind = 'request' and person_id in (:people)
                        order by person_id, topic_code""")
                .param("programme", pair.programmeId()).param("people", List.copyOf(names.keySet()))
                .query((rs, n) -> Map.of("value", rs.getLong(1) + ":" + rs.getString(2),
                        "label", (names.size() > 1 ? names.get(rs.getLong(1)) + ": " : "")
                                + ParticipantDirectory.topicTitle(rs.getString(2))))
                .list();
    }

    static String names(List<Pair.Person> people) {
        return people.stream().map(Pair.Person::fullName).collect(Collectors.joining(", "));
    }

    private static String shorten(String text) {
        return text.length() <= TASK_NAME_MAX ? text : text.substring(0, TASK_NAME_MAX - 1) + "…";
    }

    /** «Встреча-знакомство», «Регулярная встреча № 2». */
    private static String title(MeetingKind kind, int seq) {
        return kind == MeetingKind.REGULAR ? kind.title() + " № " + seq : kind.title();
    }

    private static Meeting map(ResultSet rs, Map<Long, List<Attendance>> attendanceByMeeting) throws SQLException {
        long id = rs.getLong("id");
        MeetingKind kind = MeetingKind.of(rs.getString("kind"));
        int seq = rs.getInt("seq");
        // A view: withAttendance adds a meeting's attendees as it reads the rows after the meeting's first.
        List<Attendance> attendance = Collections.unmodifiableList(attendanceByMeeting.computeIfAbsent(id,
                meeting -> new ArrayList<>()));
        Timestamp overdue = rs.getTimestamp("overdue_at");
        Timestamp reported = rs.getTimestamp("reported_at");
        return new Meeting(id, rs.getLong("pair_id"), kind.code(), seq,
                title(kind, seq),
                rs.getObject("planned_on", LocalDate.class), rs.getString("process_instance_id"),
                overdue == null ? null : overdue.toInstant(), reported == null ? null : reported.toInstant(),
                rs.getString("reported_by"), rs.getObject("held_on", LocalDate.class),
                rs.getObject("duration_minutes", Integer.class), rs.getString("meeting_format"),
                rs.getString("topics"), rs.getString("agreed"), attendance, rs.getInt("moves"));
    }
}
