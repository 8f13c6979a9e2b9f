package ru.nastavnik.pairorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.matching.MatchingProposal;
import ru.nastavnik.matching.RoleVariants;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantDirectory.Questionnaire;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * Orders on the pairs: a draft from a matching proposal, checked against the programme's stored participants (names
 * and role variants come from them, not from the proposal's text); the approval that numbers and dates it; the
 * documents. An approved order is never updated.
 */
@Service
public class PairOrders {

    private static final TypeReference<List<PairOrder.Pair>> PAIRS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ProgrammeService programmes;
    private final ParticipantDirectory directory;
    private final IdentityService identityService;
    private final SystemAuthentication system;
    private final SchoolClock clock;

    PairOrders(JdbcClient jdbc, ObjectMapper json, ProgrammeService programmes, ParticipantDirectory directory,
               IdentityService identityService, SystemAuthentication system, SchoolClock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.programmes = programmes;
        this.directory = directory;
        this.identityService = identityService;
        this.system = system;
        this.clock = clock;
    }

    /** Stores a draft; every problem of the proposal is reported at once. */
    @Transactional
    public PairOrder create(long programmeId, MatchingProposal proposal, Long replaces, String userId) {
        Programme programme = programmes.get(programmeId);
        if (replaces != null) {
            PairOrder earlier = get(programmeId, replaces);
            if (!earlier.approved()) {
                throw ApiException.conflict("Распоряжение " + replaces + " ещё не утверждено: измените проект, "
                        + "а не создавайте новое распоряжение");
            }
        }
        List<PairOrder.Pair> pairs = pairs(programme, proposal);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into pair_order (programme_id, status, rows_json, created_at, created_by, replaces_id)
                        values (:programme, :status, :rows, :at, :by, :replaces)""")
                .param("programme", programmeId).param("status", PairOrder.DRAFT).param("rows", write(pairs))
                .param("at", Timestamp.from(clock.now())).param("by", userId).param("replaces", replaces)
                .update(key, "id");
        return get(programmeId, key.getKey().longValue());
    }

    /** Numbers and dates a draft: the next number of the programme, today's date. */
    @Transactional
    public PairOrder approve(long programmeId, long orderId, String userId) {
        PairOrder order = get(programmeId, orderId);
        if (order.approved()) {
            throw alreadyApproved(order);
        }
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from pair_order where programme_id = :programme")
                .param("programme", programmeId).query(Integer.class).single();
        int updated;
        try {
            updated = jdbc.sql("""
                            update pair_order set status = :approved, number = :number, order_date = :date,
                                   approved_at = :at, approved_by = :by
                            where id = :id and status = :draft""")
                    .param("approved", PairOrder.APPROVED).param("number", number).param("date", clock.today())
                    .param("at", Timestamp.from(clock.now())).param("by", userId).param("id", orderId)
                    .param("draft", PairOrder.DRAFT).update();
        } catch (DuplicateKeyException e) {
            // Another order of the programme was approved at the same moment and took the number.
            throw ApiException.conflict("Одновременно утверждено другое распоряжение программы: повторите утверждение");
        }
        if (updated != 1) {
            throw ApiException.conflict("Распоряжение " + orderId + " уже утверждено");
        }
        return get(programmeId, orderId);
    }

    static ApiException alreadyApproved(PairOrder order) {
        return ApiException.conflict("Распоряжение № " + order.number() + " от "
                + SchoolClock.RUSSIAN_DATE.format(order.date()) + " уже утверждено; изменение пар оформляется "
                + "новым распоряжением");
    }

    public PairOrder get(long programmeId, long orderId) {
        return jdbc.sql("select * from pair_order where id = :id and programme_id = :programme")
                .param("id", orderId).param("programme", programmeId).query(this::map).optional()
                .orElseThrow(() -> ApiException.notFound("Распоряжение " + orderId + " в программе " + programmeId
                        + " не найдено"));
    }

    public List<PairOrder> list(long programmeId) {
        programmes.get(programmeId);
        return jdbc.sql("select * from pair_order where programme_id = :programme order by id")
                .param("programme", programmeId).query(this::map).list();
    }

    /** The document's model: school, curator and director by their names, the rows with the forms' titles. */
    public PairOrderDocument.Model document(PairOrder order) {
        Programme programme = programmes.get(order.programmeId());
        String replaces = null;
        if (order.replaces() != null) {
            PairOrder earlier = get(order.programmeId(), order.replaces());
            replaces = "от " + SchoolClock.RUSSIAN_DATE.format(earlier.date()) + " № " + earlier.number();
        }
        List<PairOrderDocument.Row> rows = order.pairs().stream().map(p -> new PairOrderDocument.Row(p.mentorName(),
                p.mentees().stream().map(PairOrder.Person::name).toList(),
                MentorshipForm.byCode(p.form()).map(MentorshipForm::title).orElse(p.form()), p.roleVariant())).toList();
        return new PairOrderDocument.Model(programme.schoolName(), programme.schoolYear(), null,
                order.number() == null ? null : String.valueOf(order.number()), order.date(),
                fullName(programme.curatorId()), order.approvedBy() == null ? null : fullName(order.approvedBy()),
                replaces, rows);
    }

    /** «Распоряжение_№1_от_02.10.2026» or «Проект_распоряжения_7». */
    public static String fileName(PairOrder order) {
        return order.approved()
                ? "Распоряжение_№" + order.number() + "_от_" + SchoolClock.RUSSIAN_DATE.format(order.date())
                : "Проект_распоряжения_" + order.id();
    }

    private String fullName(String userId) {
        User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return name.isEmpty() ? userId : name;
    }

    /**
     * The proposal's groups as rows, with the names of the stored people: the mentor a mentor, the mentees mentees
     * of this programme with consent in force, nobody twice, a form of the programme.
     */
    private List<PairOrder.Pair> pairs(Programme programme, MatchingProposal proposal) {
        if (proposal == null || proposal.groups() == null || proposal.groups().isEmpty()) {
            throw new ValidationException("groups", "В предложении нет ни одной пары или группы: сначала подберите "
                    + "пары (POST /api/programmes/" + programme.id() + "/matching)");
        }
        Map<String, Questionnaire> people = directory.questionnaires(programme.id()).stream()
                .collect(Collectors.toMap(q -> String.valueOf(q.personId()), Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<PairOrder.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < proposal.groups().size(); i++) {
            MatchingProposal.Group group = proposal.groups().get(i);
            String field = "groups[" + i + "]";
            if (group == null) {
                errors.add(new FieldError(field, "Пустая группа"));
                continue;
            }
            Questionnaire mentor = people.get(group.mentorId());
            if (mentor == null || !"mentor".equals(mentor.role())) {
                errors.add(new FieldError(field + ".mentorId", "«" + group.mentorId() + "» — не наставник этой "
                        + "программы с действующим согласием"));
            } else if (!seen.add(group.mentorId())) {
                errors.add(new FieldError(field + ".mentorId", "Наставник " + mentor.fullName()
                        + " указан в нескольких группах"));
            }
            if (group.form() == null || !programme.forms().contains(group.form())) {
                errors.add(new FieldError(field + ".form", "Форма «" + group.form() + "» не входит в программу"));
            }
            List<PairOrder.Person> mentees = new ArrayList<>();
            Set<String> variants = new LinkedHashSet<>();
            if (group.mentees() == null || group.mentees().isEmpty()) {
                errors.add(new FieldError(field + ".mentees", "У наставника нет наставляемых"));
            } else {
                for (int j = 0; j < group.mentees().size(); j++) {
                    MatchingProposal.Member member = group.mentees().get(j);
                    Questionnaire mentee = member == null ? null : people.get(member.menteeId());
                    String memberField = field + ".mentees[" + j + "].menteeId";
                    if (mentee == null || !"mentee".equals(mentee.role())) {
                        errors.add(new FieldError(memberField, "«" + (member == null ? null : member.menteeId())
                                + "» — не наставляемый этой программы с действующим согласием"));
                        continue;
                    }
                    if (!seen.add(member.menteeId())) {
                        errors.add(new FieldError(memberField, "Наставляемый " + mentee.fullName()
                                + " указан дважды"));
                    }
                    mentees.add(new PairOrder.Person(member.menteeId(), mentee.fullName()));
                    // From the stored questionnaires, never from the client's reasons: the column goes into a
                    // signed document and into the director's form.
                    if (mentor != null && "mentor".equals(mentor.role())) {
                        variants.addAll(RoleVariants.of(group.form(), mentor, mentee));
                    }
                }
            }
            if (mentor != null) {
                pairs.add(new PairOrder.Pair(group.mentorId(), mentor.fullName(), mentees, group.form(),
                        variants.isEmpty() ? null : String.join("; ", variants)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return pairs;
    }

    private PairOrder map(ResultSet rs, int n) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        java.sql.Date date = rs.getDate("order_date");
        long replaces = rs.getLong("replaces_id");
        Long replacesId = rs.wasNull() ? null : replaces;
        int number = rs.getInt("number");
        Integer numberOrNull = rs.wasNull() ? null : number;
        return new PairOrder(rs.getLong("id"), rs.getLong("programme_id"), numberOrNull,
                date == null ? null : date.toLocalDate(), rs.getString("status"), read(rs.getString("rows_json")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                approvedAt == null ? null : approvedAt.toInstant(), rs.getString("approved_by"), replacesId);
    }

    private String write(List<PairOrder.Pair> pairs) {
        try {
            return json.writeValueAsString(pairs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PairOrder.Pair> read(String text) {
        try {
            return json.readValue(text, PAIRS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
