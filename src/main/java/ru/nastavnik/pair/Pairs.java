package ru.nastavnik.pair;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.account.MentorAccounts;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.participant.ParticipantCorrected;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.SchoolClock;

/**
 * The pairs and groups of a programme: fixed from an approved order, each with its {@code mentorship-pair}
 * process; closed when the final meeting is held or the curator ends them. No user checks here: callers are
 * process steps and controllers that checked their user.
 */
@Service
public class Pairs {

    private static final Logger log = LoggerFactory.getLogger(Pairs.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final MentorAccounts accounts;
    private final SystemAuthentication system;
    private final SchoolClock clock;
    private final AuditLog audit;
    private final ReportsPending reportsPending;
    /**
     * The pairs {@link #get} read in this transaction: a meeting's report reads its pair in the report and again in
     * the next meeting's planning, a four-table join each time. Every write here forgets them. Their people are as read
     * then: no transaction edits a person after reading their pair (a withdrawal erases the data before its events
     * reach the pairs; a correction's event forgets them).
     */
    private final TransactionCache<Long, Pair> readInTransaction = new TransactionCache<>();

    Pairs(JdbcClient jdbc, RuntimeService runtime, MentorAccounts accounts, SystemAuthentication system,
          SchoolClock clock, AuditLog audit, ReportsPending reportsPending) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.accounts = accounts;
        this.system = system;
        this.clock = clock;
        this.audit = audit;
        this.reportsPending = reportsPending;
    }

    /**
     * Creates a pair per row of an approved order and starts its {@code mentorship-pair} process with the
     * variables programmeId, curatorId, pairId and mentorUserId. A mentor without an account gets one (and the
     * link to set the password), since their meetings are Tasklist tasks.
     */
    @Transactional
    public List<Pair> fix(PairOrder order, String curatorId, String actor) {
        if (!order.approved()) {
            throw ApiException.conflict("Распоряжение " + order.id() + " не утверждено: пары не закреплены");
        }
        List<Pair> fixed = new ArrayList<>();
        for (PairOrder.Pair row : order.pairs()) {
            long mentorId = Long.parseLong(row.mentorId());
            String mentorUser = accounts.grant(order.programmeId(), mentorId);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into mentorship_pair (programme_id, order_id, mentor_person_id, mentor_user_id,
                                   form_code, role_variant, status, started_at)
                            values (:programme, :order, :mentor, :user, :form, :variant, :status, :at)""")
                    .param("programme", order.programmeId()).param("order", order.id()).param("mentor", mentorId)
                    .param("user", mentorUser).param("form", row.form()).param("variant", row.roleVariant())
                    .param("status", Pair.ACTIVE).param("at", Timestamp.from(clock.now()))
                    .update(key, "id");
            long pairId = key.getKey().longValue();
            for (PairOrder.Person mentee : row.mentees()) {
                jdbc.sql("insert into pair_mentee (pair_id, person_id) values (:pair, :person)")
                        .param("pair", pairId).param("person", Long.parseLong(mentee.id())).update();
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put(ProgrammeProcess.VAR_PROGRAMME_ID.name(), order.programmeId());
            variables.put(TaskPeople.CURATOR_ID.name(), curatorId);
            variables.put(PairProcess.VAR_PAIR_ID.name(), pairId);
            variables.put(PairProcess.VAR_MENTOR_USER_ID.name(), mentorUser);
            ProcessInstance instance = system.call(() -> runtime.startProcessInstanceByKey(PairProcess.PROCESS_ID,
                    PairProcess.businessKey(order.programmeId(), pairId), variables));
            jdbc.sql("update mentorship_pair set process_instance_id = :pi where id = :id")
                    .param("pi", instance.getId()).param("id", pairId).update();
            // The process's first steps read the pair before it had its process.
            readInTransaction.forget();
            fixed.add(get(pairId));
        }
        reportsPending.fixed(order.programmeId(), fixed.size());
        audit.record(actor, "pairs.fixed", order.programmeId(), order.id(), "pairs=" + fixed.size());
        log.info("Order {} of programme {} fixed {} pair(s)", order.id(), order.programmeId(), fixed.size());
        return fixed;
    }

    /** The pair as read in this transaction already, else from the database. */
    public Pair get(long pairId) {
        return readInTransaction.get(pairId, id -> withPeople("where mp.id = :id", "mp.id", Map.of("id", id))
                .stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Пара (группа) " + id + " не найдена")));
    }

    /** The programme's pairs in the order they were fixed. */
    public List<Pair> list(long programmeId) {
        return withPeople("where mp.programme_id = :programme", "mp.id", Map.of("programme", programmeId));
    }

    /** The pairs and groups this login leads as mentor, in every programme, newest first. */
    public List<Pair> ofMentor(String userId) {
        return withPeople("where mp.mentor_user_id = :user", "mp.id desc", Map.of("user", userId));
    }

    public long openCount(long programmeId) {
        return jdbc.sql("select count(*) from mentorship_pair where programme_id = :programme and status = :active")
                .param("programme", programmeId).param("active", Pair.ACTIVE).query(Long.class).single();
    }

    /**
     * Closes an active pair as {@code finished} or {@code ended} (with the reason) and tells the programme's
     * waiting processes ({@value PairProcess#MESSAGE_PAIR_CLOSED}). The pair's own process is the caller's business.
     * Returns false when the pair was already closed.
     */
    @Transactional
    public boolean close(long pairId, String status, String reason, String actor) {
        if (!Pair.FINISHED.equals(status) && !Pair.ENDED.equals(status)) {
            throw new IllegalArgumentException("Not a closing status: " + status);
        }
        Pair pair = get(pairId);
        int updated = jdbc.sql("""
                        update mentorship_pair set status = :status, closed_at = :at, end_reason = :reason,
                               ended_by = :actor
                        where id = :id and status = :active""")
                .param("status", status).param("at", Timestamp.from(clock.now())).param("reason", reason)
                .param("actor", actor).param("id", pairId).param("active", Pair.ACTIVE).update();
        readInTransaction.forget();
        if (updated == 0) {
            return false;
        }
        if (Pair.ENDED.equals(status)) {
            reportsPending.endedEarly(pair);
        }
        audit.record(actor, "pair." + status, pair.programmeId(), pairId, null);
        system.run(() -> runtime.createMessageCorrelation(PairWorkStage.MESSAGE_PAIR_CLOSED)
                .processInstanceVariableEquals(ProgrammeProcess.VAR_PROGRAMME_ID.name(), pair.programmeId())
                .correlateAllWithResult());
        return true;
    }

    /** The programme's active pairs in which the person is the mentor or a current mentee. */
    public List<Pair> activeWith(long programmeId, long personId) {
        return withPeople("""
                        where mp.programme_id = :programme and mp.status = :active
                          and (mp.mentor_person_id = :person or exists (select 1 from pair_mentee m
                               where m.pair_id = mp.id and m.person_id = :person and m.left_at is null))""", "mp.id",
                Map.of("programme", programmeId, "active", Pair.ACTIVE, "person", personId));
    }

    /** How many current mentees the person mentors in the programme's active pairs. */
    public int menteeLoad(long programmeId, long mentorPersonId) {
        return jdbc.sql("""
                        select count(*) from mentorship_pair mp join pair_mentee m on m.pair_id = mp.id
                        where mp.programme_id = :programme and mp.status = :active
                          and mp.mentor_person_id = :mentor and m.left_at is null""")
                .param("programme", programmeId).param("active", Pair.ACTIVE).param("mentor", mentorPersonId)
                .query(Integer.class).single();
    }

    /**
     * Gives an active pair the mentor of an approved order's single row (a replacement): the row's mentor, their
     * login (an account is granted when they have none), the order and its role variant. Returns the login. The
     * pair's process is the caller's business.
     */
    @Transactional
    public String changeMentor(long pairId, PairOrder order, String actor) {
        PairOrder.Pair row = order.pairs().get(0);
        long mentorId = Long.parseLong(row.mentorId());
        String mentorUser = accounts.grant(order.programmeId(), mentorId);
        int updated = jdbc.sql("""
                        update mentorship_pair set mentor_person_id = :mentor, mentor_user_id = :user,
                               order_id = :order, role_variant = :variant
                        where id = :id and status = :active""")
                .param("mentor", mentorId).param("user", mentorUser).param("order", order.id())
                .param("variant", row.roleVariant()).param("id", pairId).param("active", Pair.ACTIVE).update();
        readInTransaction.forget();
        if (updated == 0) {
            throw ApiException.conflict("Пара (группа) " + pairId + " уже закрыта: наставник не меняется");
        }
        audit.record(actor, "pair.mentor-changed", order.programmeId(), pairId, "order=" + order.id());
        return mentorUser;
    }

    /**
     * A mentee leaves a group that goes on without them (the consent withdrawn); the row stays as history. The report
     * form of the pair's running process no longer offers them: its meetings set the options only when absent.
     */
    @Transactional
    public void leave(long pairId, long personId, String reason, String actor) {
        Pair pair = get(pairId);
        jdbc.sql("""
                        update pair_mentee set left_at = :at, left_reason = :reason
                        where pair_id = :pair and person_id = :person and left_at is null""")
                .param("at", Timestamp.from(clock.now())).param("reason", reason).param("pair", pairId)
                .param("person", personId).update();
        readInTransaction.forget();
        offerMentees(get(pairId));
        audit.record(actor, "pair.mentee-left", pair.programmeId(), pairId, "person=" + personId);
    }

    /** A mentee's corrected name is what the report forms of their pairs offer from now on. */
    @EventListener
    public void corrected(ParticipantCorrected event) {
        readInTransaction.forget();
        activeWith(event.programmeId(), event.personId()).stream()
                .filter(p -> p.mentees().stream().anyMatch(m -> m.personId() == event.personId()))
                .forEach(this::offerMentees);
    }

    /** The pair's current mentees as its running process's report forms offer them (its meetings set them once). */
    private void offerMentees(Pair pair) {
        String instance = pair.processInstanceId();
        if (instance != null && system.call(() -> runtime.createProcessInstanceQuery().processInstanceId(instance)
                .count()) > 0) {
            List<Map<String, String>> options = PairMeetingSteps.menteeOptions(pair);
            system.run(() -> runtime.setVariableLocal(instance, PairMeetingSteps.MENTEE_OPTIONS.name(), options));
        }
    }

    /**
     * The pairs of the {@code mentorship_pair} rows (alias mp) that {@code where} selects, in {@code order}, with their
     * mentor and current mentees in one query: a row per current mentee, one without a mentee for a pair that has none.
     */
    private List<Pair> withPeople(String where, String order, Map<String, ?> params) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        Map<Long, List<Pair.Person>> mentees = new HashMap<>();
        jdbc.sql("""
                        select mp.*, mentor.id as mentor_id, mentor.full_name as mentor_full_name,
                               mentor.email as mentor_email, mentor.representative_name as mentor_representative_name,
                               mentor.representative_email as mentor_representative_email,
                               mentee.id as mentee_id, mentee.full_name as mentee_full_name,
                               mentee.email as mentee_email, mentee.representative_name as mentee_representative_name,
                               mentee.representative_email as mentee_representative_email
                        from mentorship_pair mp
                        join person mentor on mentor.id = mp.mentor_person_id
                        left join pair_mentee pm on pm.pair_id = mp.id and pm.left_at is null
                        left join person mentee on mentee.id = pm.person_id
                        """ + where + " order by " + order + ", mentee.name_key, mentee.id")
                .params(params).query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    if (!rows.containsKey(id)) {
                        rows.put(id, Row.of(rs));
                    }
                    if (rs.getObject("mentee_id") != null) {
                        mentees.computeIfAbsent(id, pair -> new ArrayList<>()).add(person(rs, "mentee_"));
                    }
                });
        // Unmodifiable lists: get shares a pair within a transaction.
        return rows.values().stream().map(r -> new Pair(r.id(), r.programmeId(), r.orderId(), r.mentor(),
                r.mentorUserId(), List.copyOf(mentees.getOrDefault(r.id(), List.of())), r.form(), r.roleVariant(),
                r.status(), r.processInstanceId(), r.startedAt().toInstant(),
                r.closedAt() == null ? null : r.closedAt().toInstant(), r.endReason())).toList();
    }

    /** A row of {@code mentorship_pair} with its mentor, before its mentees are gathered from the rows after it. */
    private record Row(long id, long programmeId, long orderId, Pair.Person mentor, String mentorUserId, String form,
                       String roleVariant, String status, String processInstanceId, Timestamp startedAt,
                       Timestamp closedAt, String endReason) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("id"), rs.getLong("programme_id"), rs.getLong("order_id"),
                    person(rs, "mentor_"), rs.getString("mentor_user_id"), rs.getString("form_code"),
                    rs.getString("role_variant"), rs.getString("status"), rs.getString("process_instance_id"),
                    rs.getTimestamp("started_at"), rs.getTimestamp("closed_at"), rs.getString("end_reason"));
        }
    }

    /** The person whose columns carry this prefix (mentor_ or mentee_). */
    private static Pair.Person person(ResultSet rs, String prefix) throws SQLException {
        return new Pair.Person(rs.getLong(prefix + "id"), rs.getString(prefix + "full_name"),
                rs.getString(prefix + "email"), rs.getString(prefix + "representative_name"),
                rs.getString(prefix + "representative_email"));
    }
}
