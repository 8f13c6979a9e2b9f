package ru.nastavnik.monitoring;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.pair.PairAccess;
import ru.nastavnik.participant.EntryAssessment;
import ru.nastavnik.spreadsheet.ImportLimits;
import ru.nastavnik.spreadsheet.ImportRejectedException;
import ru.nastavnik.participant.ParticipantWithdrawn;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;

/**
 * The exit assessment (roadmap item 7.4): the entry assessment's scales again at the end, per participant of the
 * cycle ({@link CycleParticipants}), dated. Recorded by the staff, by the mentor for the mentees of their own pairs,
 * from a file (all rows or none), or by the participant through the personal link ({@link Questionnaires}). A
 * later assessment replaces the earlier one; the audit log keeps who recorded what.
 */
@Service
public class ExitAssessments {

    private static final Logger log = LoggerFactory.getLogger(ExitAssessments.class);

    static final String REFUSAL = "Выходную оценку вносят куратор, заместитель директора, директор или наставник — "
            + "для наставляемых своей пары";

    public static final String STAFF = "staff";
    public static final String MENTOR = "mentor";
    public static final String IMPORT = "import";
    public static final String LINK = "link";

    /** A recorded exit assessment. */
    public record Exit(long personId, LocalDate assessedOn, EntryAssessment values, String source, String recordedBy) {
    }

    /** A participant who may be assessed, with the entry assessment and the exit one (null until recorded). */
    public record Assessable(long personId, String fullName, String role, String schoolClass, boolean pupil,
                             long pairId, String pairLabel, String form, EntryAssessment entry, Exit exit) {
    }

    private final JdbcClient jdbc;
    private final CycleParticipants cycle;
    private final MonitoringAccess access;
    private final PairAccess pairAccess;
    private final ProgrammeService programmes;
    private final SchoolClock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ImportLimits limits;

    ExitAssessments(JdbcClient jdbc, CycleParticipants cycle, MonitoringAccess access, PairAccess pairAccess,
                    ProgrammeService programmes, SchoolClock clock, AuditLog audit, ApplicationEventPublisher events,
                    ImportLimits limits) {
        this.jdbc = jdbc;
        this.cycle = cycle;
        this.access = access;
        this.pairAccess = pairAccess;
        this.programmes = programmes;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.limits = limits;
    }

    /**
     * The participants the current user may assess: every one of the cycle for the staff (and, read-only, the
     * coordinator), the mentees of their own pairs for a mentor; anyone else is refused.
     */
    public List<Assessable> assessable(long programmeId) {
        programmes.get(programmeId);
        boolean staff = access.reader();
        Map<Long, Exit> exits = byPerson(programmeId);
        List<Assessable> list = new ArrayList<>();
        for (CycleParticipants.Member m : cycle.byPerson(programmeId).values()) {
            if (staff || (CycleParticipants.MENTEE.equals(m.role()) && pairAccess.isMentorOf(m.pair()))) {
                list.add(new Assessable(m.personId(), m.profile().fullName(), m.role(), m.profile().schoolClass(),
                        m.profile().pupil(), m.pair().id(), m.pairLabel(), m.form(), m.profile().entry(),
                        exits.get(m.personId())));
            }
        }
        if (!staff && list.isEmpty()) {
            throw ApiException.forbidden(REFUSAL);
        }
        return list;
    }

    /** Records the exit assessment of one participant as the current user (staff, or the mentee's mentor). */
    @Transactional
    public Exit record(long programmeId, long personId, LocalDate assessedOn, EntryAssessment values) {
        programmes.get(programmeId);
        List<CycleParticipants.Member> members = cycle.of(programmeId);
        boolean writer = access.writer();
        if (!writer && members.stream().noneMatch(m -> pairAccess.isMentorOf(m.pair()))) {
            throw ApiException.forbidden(REFUSAL);
        }
        CycleParticipants.Member member = members.stream().filter(m -> m.personId() == personId)
                .filter(m -> writer || CycleParticipants.MENTEE.equals(m.role()) && pairAccess.isMentorOf(m.pair()))
                .findFirst().orElse(null);
        if (member == null) {
            throw writer ? ApiException.notFound("Участник " + personId + " не проходит программу в паре или группе: "
                    + "выходная оценка не вносится")
                    : ApiException.forbidden("Наставник вносит выходную оценку только наставляемым своей пары");
        }
        String source = writer ? STAFF : MENTOR;
        List<ValidationException.FieldError> errors = AssessmentValues.errors(values, assessedOn, clock.today(),
                yearStart(programmeId), member.profile().pupil());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        store(programmeId, personId, assessedOn, values, source, access.user());
        return byPerson(programmeId).get(personId);
    }

    /** Imports exit assessments from XLSX or CSV: every row or none, each problem a Russian message by row. */
    @Transactional
    public int importFile(long programmeId, byte[] content) {
        access.requireWriter();
        programmes.get(programmeId);
        List<ExitAssessmentImporter.Target> targets = cycle.byPerson(programmeId).values().stream()
                .map(m -> new ExitAssessmentImporter.Target(m.personId(), m.profile().fullName(),
                        m.profile().schoolClass(), m.profile().pupil())).toList();
        ExitAssessmentImporter.Result parsed = ExitAssessmentImporter.parse(content, targets, clock.today(),
                yearStart(programmeId), limits);
        if (!parsed.errors().isEmpty()) {
            log.info("Exit assessment import into programme {} refused: {} problem(s)", programmeId,
                    parsed.errors().size());
            throw new ImportRejectedException(parsed.errors());
        }
        parsed.rows().forEach(r -> store(programmeId, r.personId(), r.assessedOn(), r.values(), IMPORT,
                access.user()));
        log.info("Exit assessments imported into programme {}: {}", programmeId, parsed.rows().size());
        return parsed.rows().size();
    }

    /** The recorded exit assessments, for the staff and the coordinator. */
    public List<Exit> list(long programmeId) {
        access.requireReader();
        programmes.get(programmeId);
        return List.copyOf(byPerson(programmeId).values());
    }

    Map<Long, Exit> byPerson(long programmeId) {
        Map<Long, Exit> exits = new LinkedHashMap<>();
        jdbc.sql("select * from exit_assessment where programme_id = :programme order by person_id")
                .param("programme", programmeId)
                .query((rs, n) -> exits.put(rs.getLong("person_id"), new Exit(rs.getLong("person_id"),
                        rs.getObject("assessed_on", LocalDate.class),
                        new EntryAssessment(rs.getObject("engagement", Integer.class),
                                rs.getObject("activity", Integer.class), rs.getObject("self_esteem", Integer.class),
                                rs.getObject("anxiety", Integer.class), rs.getBigDecimal("average_grade")),
                        rs.getString("source"), rs.getString("recorded_by"))))
                .list();
        return exits;
    }

    /** Stores checked values, replacing an earlier assessment. No user check: callers checked. */
    void store(long programmeId, long personId, LocalDate on, EntryAssessment v, String source, String actor) {
        jdbc.sql("delete from exit_assessment where programme_id = :programme and person_id = :person")
                .param("programme", programmeId).param("person", personId).update();
        jdbc.sql("""
                        insert into exit_assessment (programme_id, person_id, assessed_on, engagement, activity,
                                                     self_esteem, anxiety, average_grade, source, recorded_by,
                                                     recorded_at)
                        values (:programme, :person, :on, :engagement, :activity, :selfEsteem, :anxiety, :grade,
                                :source, :actor, :at)""")
                .param("programme", programmeId).param("person", personId).param("on", on)
                .param("engagement", v.engagement()).param("activity", v.activity())
                .param("selfEsteem", v.selfEsteem()).param("anxiety", v.anxiety()).param("grade", v.averageGrade())
                .param("source", source).param("actor", actor).param("at", Timestamp.from(clock.now())).update();
        audit.record(actor, "monitoring.exit-assessment", programmeId, personId, "source=" + source);
        events.publishEvent(new MonitoringUpdated(programmeId, MonitoringUpdated.EXIT_ASSESSMENT));
    }

    LocalDate yearStart(long programmeId) {
        return programmes.get(programmeId).year().firstDay();
    }

    /** A withdrawn consent takes the exit assessment with it. */
    @EventListener
    public void withdrawn(ParticipantWithdrawn event) {
        jdbc.sql("delete from exit_assessment where programme_id = :programme and person_id = :person")
                .param("programme", event.programmeId()).param("person", event.personId()).update();
    }
}
