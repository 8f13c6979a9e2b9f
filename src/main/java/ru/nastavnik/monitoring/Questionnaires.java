package ru.nastavnik.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailContent;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.participant.EntryAssessment;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantWithdrawn;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.PersonalLinks;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;

/**
 * Monitoring part 1 (roadmap item 7.3): the questionnaires of mentors, mentees and the curator. The questions are
 * data (monitoring_question); a mentee's questionnaire also asks about each request they made at entry. Participants
 * answer through a personal link (with their own exit assessment, when nobody recorded one yet); the staff type in
 * a paper questionnaire of a participant, and the curator answers the curator's questionnaire.
 */
@Service
public class Questionnaires {

    private static final Logger log = LoggerFactory.getLogger(Questionnaires.class);

    static final String ACTOR = "monitoring-link";
    static final String CURATOR = "curator";
    static final int MAX_TEXT = 2000;
    /** The roadmap item whose due date the links last until (at least {@code link-days}). */
    static final String ITEM = "7.3";

    /** Links mailed, and people who got none (no address, or no consent in force). */
    public record Sent(int mailed, int withoutAddress) {
    }

    /** How far the questionnaires are: participants of the cycle, links sent, answers in, the curator's done. */
    public record Progress(int participants, long linksSent, int answered, boolean curatorAnswered) {
    }

    private final JdbcClient jdbc;
    private final MonitoringLinks links;
    private final CycleParticipants cycle;
    private final ExitAssessments exits;
    private final MonitoringAccess access;
    private final ProgrammeService programmes;
    private final RoadmapService roadmap;
    private final ParticipantDirectory directory;
    private final MailNotifier mail;
    private final MailTemplates templates;
    private final PublicUrl publicUrl;
    private final AuditLog audit;
    private final SchoolClock clock;
    private final ApplicationEventPublisher events;
    private final int linkDays;

    Questionnaires(JdbcClient jdbc, MonitoringLinks links, CycleParticipants cycle, ExitAssessments exits,
                   MonitoringAccess access, ProgrammeService programmes, RoadmapService roadmap,
                   ParticipantDirectory directory, MailNotifier mail, MailTemplates templates, PublicUrl publicUrl,
                   AuditLog audit, SchoolClock clock, ApplicationEventPublisher events,
                   @Value("${nastavnik.feedback.link-days:14}") int linkDays) {
        this.jdbc = jdbc;
        this.links = links;
        this.cycle = cycle;
        this.exits = exits;
        this.access = access;
        this.programmes = programmes;
        this.roadmap = roadmap;
        this.directory = directory;
        this.mail = mail;
        this.templates = templates;
        this.publicUrl = publicUrl;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.linkDays = linkDays;
    }

    /** Every seeded question, by respondent and position. */
    public List<Question> all() {
        return jdbc.sql("select * from monitoring_question order by respondent, position, code")
                .query((rs, n) -> new Question(rs.getString("code"), rs.getString("respondent"),
                        rs.getString("form_code"), rs.getInt("position"), rs.getString("kind"), rs.getString("text"),
                        rs.getString("options") == null ? List.of() : Arrays.asList(rs.getString("options").split("\\|")),
                        rs.getString("swot")))
                .list();
    }

    /** The questionnaire of a respondent in a form: the common questions and the form's own, in order. */
    public List<Question> questions(String respondent, String form) {
        return all().stream().filter(q -> q.respondent().equals(respondent))
                .filter(q -> q.form() == null || q.form().equals(form)).toList();
    }

    /** A participant's questionnaire: a mentee's also asks about each entry request. */
    List<Question> questions(String respondent, String form, List<String> requests) {
        List<Question> list = new ArrayList<>(questions(respondent, form));
        if (CycleParticipants.MENTEE.equals(respondent)) {
            int position = 55;
            for (String topic : requests) {
                list.add(Question.request(topic, position));
            }
            list.sort((a, b) -> Integer.compare(a.position(), b.position()));
        }
        return list;
    }

    /** Mails every participant of the cycle who has not answered a personal link to the questionnaire. */
    @Transactional
    public Sent sendLinks(long programmeId) {
        access.requireWriter();
        String school = programmes.get(programmeId).schoolName();
        LocalDate lastDay = roadmap.get(programmeId, ITEM).dueDate();
        if (lastDay.isBefore(clock.today().plusDays(linkDays))) {
            lastDay = clock.today().plusDays(linkDays);
        }
        Instant expiresAt = clock.at(lastDay.plusDays(1), LocalTime.MIDNIGHT).toInstant();
        int mailed = 0;
        int without = 0;
        for (CycleParticipants.Member m : cycle.byPerson(programmeId).values()) {
            if (answered(programmeId, personKey(m.personId()))) {
                continue;
            }
            Pair.Person person = m.role().equals(CycleParticipants.MENTOR) ? m.pair().mentor()
                    : m.pair().mentees().stream().filter(p -> p.personId() == m.personId()).findFirst().orElseThrow();
            boolean consent = directory.contact(programmeId, m.personId())
                    .map(ParticipantDirectory.Contact::consentInForce).orElse(false);
            if (!consent || person.mailTo().isEmpty()) {
                without++;
                continue;
            }
            String token = links.issue(programmeId, m.personId(), m.role(), m.form(), expiresAt);
            MailContent content = templates.render("monitoring-invitation", Map.of("school", school,
                    "person", person.fullName(), "mentor", m.role().equals(CycleParticipants.MENTOR),
                    "representative", person.representativeEmail() != null && !person.representativeEmail().isBlank(),
                    "link", publicUrl.of(MonitoringLinkPageController.PATH + token),
                    "lastDay", lastDay.format(SchoolClock.RUSSIAN_DATE)));
            mail.send(MailAbout.each("programme:" + programmeId, "monitoring:" + m.personId()).inProgramme(programmeId),
                    Stream.concat(person.mailTo().stream(), person.mailCopy().stream()).toList(), List.of(), content);
            mailed++;
        }
        audit.record(access.user(), "monitoring.links-sent", programmeId, null, "mailed=" + mailed
                + " without-address=" + without);
        log.info("Monitoring links of programme {}: {} mailed, {} without address", programmeId, mailed, without);
        return new Sent(mailed, without);
    }

    /** The curator's questionnaire, answered (again) by the current staff user. */
    @Transactional
    public void answerAsCurator(long programmeId, Map<String, String> answers) {
        access.requireWriter();
        programmes.get(programmeId);
        List<Question> questions = questions(CURATOR, null);
        Map<String, Answered> checked = check(questions, answers);
        jdbc.sql("delete from monitoring_answer where response_id in (select id from monitoring_response "
                        + "where programme_id = :programme and respondent_key = :key)")
                .param("programme", programmeId).param("key", CURATOR).update();
        jdbc.sql("delete from monitoring_response where programme_id = :programme and respondent_key = :key")
                .param("programme", programmeId).param("key", CURATOR).update();
        store(programmeId, CURATOR, null, CURATOR, null, ExitAssessments.STAFF, access.user(), checked);
    }

    /** A participant's paper questionnaire typed in by the staff; refused when the participant already answered. */
    @Transactional
    public void answerFor(long programmeId, long personId, Map<String, String> answers) {
        access.requireWriter();
        programmes.get(programmeId);
        CycleParticipants.Member m = cycle.byPerson(programmeId).get(personId);
        if (m == null) {
            throw ApiException.notFound("Участник " + personId + " не проходит программу в паре или группе");
        }
        Map<String, Answered> checked = check(questions(m.role(), m.form(), requests(m)), answers);
        try {
            store(programmeId, personKey(personId), personId, m.role(), m.form(), ExitAssessments.STAFF,
                    access.user(), checked);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("Анкета этого участника уже получена");
        }
    }

    /** The questions of a valid link's person. */
    List<Question> questionsOf(MonitoringLinks.Link link) {
        return questions(link.respondent(), link.form(), requests(link.programmeId(), link.personId()));
    }

    /** Whether the link's page should ask for the participant's own exit assessment (nobody recorded one yet). */
    boolean asksSelfAssessment(MonitoringLinks.Link link) {
        return !exits.byPerson(link.programmeId()).containsKey(link.personId());
    }

    /**
     * Stores the answers of a valid link (and the self-assessment, unless one was recorded meanwhile) and uses the
     * link up; false when it was used meanwhile. Throws {@link ValidationException} for bad answers (nothing stored).
     */
    @Transactional
    boolean submit(String token, MonitoringLinks.Link link, Map<String, String> answers, EntryAssessment self,
                   boolean pupil) {
        Map<String, Answered> checked = check(questionsOf(link), answers);
        boolean withSelf = self != null && asksSelfAssessment(link);
        if (withSelf) {
            List<ValidationException.FieldError> errors = AssessmentValues.errors(self, clock.today(), clock.today(),
                    exits.yearStart(link.programmeId()), pupil);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
        if (!links.burn(token)) {
            return false;
        }
        store(link.programmeId(), personKey(link.personId()), link.personId(), link.respondent(), link.form(),
                ExitAssessments.LINK, ACTOR, checked);
        if (withSelf) {
            exits.store(link.programmeId(), link.personId(), clock.today(), self, ExitAssessments.LINK, ACTOR);
        }
        return true;
    }

    PersonalLinks.Check<MonitoringLinks.Link> check(String token) {
        return links.check(token);
    }

    /** Every answer of the programme's questionnaires, for the summary. */
    List<QuestionnaireSummary.Answer> answers(long programmeId) {
        return jdbc.sql("""
                        select r.id, r.form_code, a.question_code, a.scale, a.choice, a.text
                        from monitoring_answer a join monitoring_response r on r.id = a.response_id
                        where r.programme_id = :programme order by r.id, a.question_code""")
                .param("programme", programmeId)
                .query((rs, n) -> new QuestionnaireSummary.Answer(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** The mentees who answered «Да» to becoming a mentor next year (person ids). */
    public List<Long> wantToMentor(long programmeId) {
        return jdbc.sql("""
                        select r.person_id from monitoring_response r join monitoring_answer a on a.response_id = r.id
                        where r.programme_id = :programme and a.question_code = :question and a.choice = :yes
                        order by r.person_id""")
                .param("programme", programmeId).param("question", Question.BECOME_MENTOR)
                .param("yes", Question.YES).query(Long.class).list();
    }

    /** How many mentees answered the question on becoming a mentor at all. */
    int askedToMentor(long programmeId) {
        return jdbc.sql("""
                        select count(*) from monitoring_response r join monitoring_answer a on a.response_id = r.id
                        where r.programme_id = :programme and a.question_code = :question""")
                .param("programme", programmeId).param("question", Question.BECOME_MENTOR)
                .query(Integer.class).single();
    }

    Progress progress(long programmeId) {
        int participants = cycle.byPerson(programmeId).size();
        int answered = jdbc.sql("select count(*) from monitoring_response where programme_id = :programme "
                        + "and person_id is not null").param("programme", programmeId).query(Integer.class).single();
        return new Progress(participants, links.issuedCount(programmeId), answered, answered(programmeId, CURATOR));
    }

    /** A withdrawn consent takes the person's answers and links with it. */
    @EventListener
    public void withdrawn(ParticipantWithdrawn event) {
        jdbc.sql("delete from monitoring_answer where response_id in (select id from monitoring_response "
                        + "where programme_id = :programme and person_id = :person)")
                .param("programme", event.programmeId()).param("person", event.personId()).update();
        jdbc.sql("delete from monitoring_response where programme_id = :programme and person_id = :person")
                .param("programme", event.programmeId()).param("person", event.personId()).update();
        links.forget(event.programmeId(), event.personId());
    }

    private record Answered(Integer scale, String choice, String text) {
    }

    /** Every scaled and closed question answered with an allowed value; open ones optional, plain text. */
    private static Map<String, Answered> check(List<Question> questions, Map<String, String> answers) {
        Map<String, String> given = answers == null ? Map.of() : answers;
        List<ValidationException.FieldError> errors = new ArrayList<>();
        Map<String, Answered> checked = new LinkedHashMap<>();
        for (String code : given.keySet()) {
            if (questions.stream().noneMatch(q -> q.code().equals(code))) {
                errors.add(new ValidationException.FieldError(code, "В этой анкете нет вопроса «"
                        + InputText.forLog(code) + "»"));
            }
        }
        for (Question q : questions) {
            String value = given.get(q.code());
            String trimmed = value == null ? null : value.strip();
            if (InputText.hasControl(value, q.open())) {
                errors.add(new ValidationException.FieldError(q.code(), InputText.refusal(q.text())));
            } else if (q.scale()) {
                if (trimmed == null || !trimmed.matches("[1-5]")) {
                    errors.add(new ValidationException.FieldError(q.code(), "Оцените от 1 до 5: «" + q.text() + "»"));
                } else {
                    checked.put(q.code(), new Answered(Integer.parseInt(trimmed), null, null));
                }
            } else if (q.closed()) {
                if (trimmed == null || !q.options().contains(trimmed)) {
                    errors.add(new ValidationException.FieldError(q.code(), "Выберите ответ: «" + q.text() + "»"));
                } else {
                    checked.put(q.code(), new Answered(null, trimmed, null));
                }
            } else if (trimmed != null && !trimmed.isEmpty()) {
                if (trimmed.length() > MAX_TEXT) {
                    errors.add(new ValidationException.FieldError(q.code(), "Ответ не длиннее " + MAX_TEXT
                            + " символов: «" + q.text() + "»"));
                } else {
                    checked.put(q.code(), new Answered(null, null, trimmed));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return checked;
    }

    private void store(long programmeId, String key, Long personId, String respondent, String form, String source,
                       String actor, Map<String, Answered> answers) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into monitoring_response (programme_id, respondent_key, person_id, respondent, form_code,
                                                         source, submitted_at, submitted_by)
                        values (:programme, :key, :person, :respondent, :form, :source, :at, :actor)""")
                .param("programme", programmeId).param("key", key).param("person", personId)
                .param("respondent", respondent).param("form", form).param("source", source)
                .param("at", Timestamp.from(clock.now())).param("actor", actor).update(keys, "id");
        long responseId = keys.getKey().longValue();
        answers.forEach((code, a) -> jdbc.sql("""
                        insert into monitoring_answer (response_id, question_code, scale, choice, text)
                        values (:response, :code, :scale, :choice, :text)""")
                .param("response", responseId).param("code", code).param("scale", a.scale())
                .param("choice", a.choice()).param("text", a.text()).update());
        audit.record(actor, "monitoring.questionnaire", programmeId, personId, "respondent=" + respondent
                + " source=" + source);
        events.publishEvent(new MonitoringUpdated(programmeId, MonitoringUpdated.QUESTIONNAIRE));
    }

    private boolean answered(long programmeId, String key) {
        return jdbc.sql("select count(*) from monitoring_response where programme_id = :programme "
                        + "and respondent_key = :key").param("programme", programmeId).param("key", key)
                .query(Long.class).single() > 0;
    }

    private List<String> requests(CycleParticipants.Member m) {
        return CycleParticipants.MENTEE.equals(m.role()) ? m.profile().requests() : List.of();
    }

    private List<String> requests(long programmeId, long personId) {
        CycleParticipants.Member m = cycle.byPerson(programmeId).get(personId);
        return m == null ? List.of() : requests(m);
    }

    static String personKey(long personId) {
        return "person:" + personId;
    }
}
