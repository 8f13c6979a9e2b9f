package ru.nastavnik.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailContent;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantWithdrawn;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.PersonalLinks;
import ru.nastavnik.shared.SchoolClock;

/**
 * Feedback of the pairs' participants through personal links: the mentee's questionnaire on the work with the
 * mentor (item 6.5) and the satisfaction survey of every participant (item 6.8). A link lasts until the item's
 * due date, and at least {@code nastavnik.feedback.link-days} days (14) after it is sent, through the whole of
 * its last day. No user checks here: callers are process steps, the public page (the token is the key) and
 * the staff API, which checks its user.
 */
@Service
public class FeedbackService {

    /** Links mailed, and people who got none (no email address, or no consent in force). */
    public record Sent(int mailed, int withoutAddress) {
    }

    /** One stored answer, for staff. {@code role}: mentor or mentee of the pair. */
    public record Answer(long pairId, long personId, String fullName, String role, String kind, int rating,
                         String helped, String missing, boolean wouldContinue, String comment, Instant submittedAt) {
    }

    /** Per kind: to how many people links went, how many answered, the mean rating (null without answers). */
    public record Totals(String kind, long sent, long answered, Double averageRating, long wouldContinue) {
    }

    public record Report(List<Totals> totals, List<Answer> answers) {
    }

    /** Published (inside the answer's transaction) when a participant's answer is stored. */
    public record Submitted(long programmeId, long pairId, FeedbackKind kind) {
    }

    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);
    static final String ACTOR = "feedback-link";

    private final JdbcClient jdbc;
    private final FeedbackLinks links;
    private final Pairs pairs;
    private final ParticipantDirectory directory;
    private final ProgrammeService programmes;
    private final RoadmapService roadmap;
    private final MailNotifier mail;
    private final MailTemplates templates;
    private final AuditLog audit;
    private final SchoolClock clock;
    private final ApplicationEventPublisher events;
    private final PublicUrl publicUrl;
    private final int linkDays;

    FeedbackService(JdbcClient jdbc, FeedbackLinks links, Pairs pairs, ParticipantDirectory directory,
                    ProgrammeService programmes, RoadmapService roadmap, MailNotifier mail, MailTemplates templates, AuditLog audit,
                    SchoolClock clock, ApplicationEventPublisher events,
                    PublicUrl publicUrl,
                    FeedbackSettings settings) {
        this.jdbc = jdbc;
        this.links = links;
        this.pairs = pairs;
        this.directory = directory;
        this.programmes = programmes;
        this.roadmap = roadmap;
        this.mail = mail;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.publicUrl = publicUrl;
        this.linkDays = settings.linkDays();
    }

    /** Mails each mentee of the pair (a minor's representative too) a link to the mentee's questionnaire. */
    @Transactional
    public Sent sendMenteeLinks(long programmeId, long pairId) {
        Pair pair = pairs.get(pairId);
        if (pair.programmeId() != programmeId) {
            throw new IllegalStateException("Pair " + pairId + " is not of programme " + programmeId);
        }
        Sent sent = send(pair.programmeId(), FeedbackKind.MENTEE, pair.mentees().stream()
                .map(mentee -> new Addressee(pair, mentee)).toList());
        log.info("Feedback links of pair {}: {} mailed, {} without address", pairId, sent.mailed(),
                sent.withoutAddress());
        return sent;
    }

    /**
     * Mails the satisfaction survey to every participant of the programme's pairs that are active or finished
     * (a pair ended early did not go through the cycle); a person in several pairs gets one link.
     */
    @Transactional
    public Sent sendSatisfactionSurvey(long programmeId) {
        List<Addressee> people = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (Pair pair : pairs.list(programmeId)) {
            if (Pair.ENDED.equals(pair.status())) {
                continue;
            }
            List<Pair.Person> members = new ArrayList<>();
            members.add(pair.mentor());
            members.addAll(pair.mentees());
            members.stream().filter(p -> seen.add(p.personId())).forEach(p -> people.add(new Addressee(pair, p)));
        }
        Sent sent = send(programmeId, FeedbackKind.SATISFACTION, people);
        log.info("Satisfaction survey of programme {}: {} mailed, {} without address", programmeId, sent.mailed(),
                sent.withoutAddress());
        return sent;
    }

    /** The survey's response counts, as Markdown for the curator's task. */
    public String surveySummary(long programmeId) {
        Totals t = totals(programmeId, FeedbackKind.SATISFACTION);
        if (t.sent() == 0) {
            return "Анкеты не рассылались: в программе нет участников пар с адресом электронной почты.";
        }
        return "| Разослано анкет | Получено ответов | Средняя оценка (1–5) | Хотят продолжить |\n|---|---|---|---|\n"
                + "| " + t.sent() + " | " + t.answered() + " | "
                + (t.averageRating() == null ? "—" : String.format(Locale.ROOT, "%.1f", t.averageRating()))
                .replace('.', ',') + " | " + t.wouldContinue() + " |\n";
    }

    /** How many feedback questionnaires went out (people per kind, as {@link Totals#sent}) and came back. */
    public record Response(long sent, long answered) {
    }

    /** The response of several programmes at once, both kinds together; a programme that sent none is absent. */
    public Map<Long, Response> responses(Collection<Long> programmeIds) {
        Map<Long, Long> sent = new HashMap<>();
        Map<Long, Long> answered = new HashMap<>();
        if (!programmeIds.isEmpty()) {
            jdbc.sql("""
                            select programme_id, count(distinct person_id) from feedback_link
                            where programme_id in (:ids) group by programme_id, kind""")
                    .param("ids", programmeIds).query((rs, n) -> sent.merge(rs.getLong(1), rs.getLong(2), Long::sum))
                    .list();
            jdbc.sql("select programme_id, count(*) from feedback_answer where programme_id in (:ids) group by programme_id")
                    .param("ids", programmeIds).query((rs, n) -> answered.put(rs.getLong(1), rs.getLong(2))).list();
        }
        Map<Long, Response> responses = new HashMap<>();
        sent.forEach((id, count) -> responses.put(id, new Response(count, answered.getOrDefault(id, 0L))));
        return responses;
    }

    public Report report(long programmeId) {
        programmes.get(programmeId);
        List<Totals> totals = List.of(totals(programmeId, FeedbackKind.MENTEE),
                totals(programmeId, FeedbackKind.SATISFACTION));
        List<Answer> answers = jdbc.sql("""
                        select a.*, p.full_name, case when mp.mentor_person_id = a.person_id then 'mentor'
                               else 'mentee' end as role
                        from feedback_answer a join person p on p.id = a.person_id
                        join mentorship_pair mp on mp.id = a.pair_id
                        where a.programme_id = :programme order by a.kind, a.submitted_at, a.id""")
                .param("programme", programmeId).query(FeedbackService::answer).list();
        return new Report(totals, answers);
    }

    PersonalLinks.Check<FeedbackLinks.Link> check(String token) {
        return links.check(token);
    }

    /**
     * Stores the answers of a valid link and uses the link up; false when the link was used meanwhile (then
     * nothing is stored).
     */
    @Transactional
    boolean submit(String token, FeedbackLinks.Link link, FeedbackForm form) {
        if (!links.burn(token)) {
            return false;
        }
        jdbc.sql("""
                        insert into feedback_answer (programme_id, pair_id, person_id, kind, rating, helped, missing,
                                                     would_continue, comment, submitted_at)
                        values (:programme, :pair, :person, :kind, :rating, :helped, :missing, :continue, :comment,
                                :at)""")
                .param("programme", link.programmeId()).param("pair", link.pairId())
                .param("person", link.personId()).param("kind", link.kind().code()).param("rating", form.rating())
                .param("helped", FeedbackForm.text(form.helped())).param("missing", FeedbackForm.text(form.missing()))
                .param("continue", form.wouldContinue()).param("comment", FeedbackForm.text(form.comment()))
                .param("at", Timestamp.from(clock.now())).update();
        audit.record(ACTOR, "feedback.submitted", link.programmeId(), link.personId(),
                "pair=" + link.pairId() + " kind=" + link.kind().code());
        events.publishEvent(new Submitted(link.programmeId(), link.pairId(), link.kind()));
        return true;
    }

    /** A withdrawn consent takes the person's answers and links with it. */
    @EventListener
    public void withdrawn(ParticipantWithdrawn event) {
        jdbc.sql("delete from feedback_answer where programme_id = :programme and person_id = :person")
                .param("programme", event.programmeId()).param("person", event.personId()).update();
        links.forget(event.programmeId(), event.personId());
    }

    private record Addressee(Pair pair, Pair.Person person) {
    }

    private Sent send(long programmeId, FeedbackKind kind, List<Addressee> people) {
        String school = programmes.get(programmeId).schoolName();
        LocalDate lastDay = roadmap.get(programmeId, kind.itemCode()).dueDate();
        if (lastDay.isBefore(clock.today().plusDays(linkDays))) {
            lastDay = clock.today().plusDays(linkDays);
        }
        Instant expiresAt = clock.at(lastDay.plusDays(1), LocalTime.MIDNIGHT).toInstant();
        int mailed = 0;
        int without = 0;
        for (Addressee a : people) {
            if (answered(a.pair().id(), a.person().personId(), kind)) {
                continue;
            }
            boolean consent = directory.contact(programmeId, a.person().personId())
                    .map(ParticipantDirectory.Contact::consentInForce).orElse(false);
            if (!consent || a.person().mailTo().isEmpty()) {
                without++;
                continue;
            }
            String token = links.issue(programmeId, a.pair().id(), a.person().personId(), kind, expiresAt);
            MailContent m = templates.render("feedback-invitation", Map.of("mentee", kind == FeedbackKind.MENTEE,
                    "school", school, "person", a.person().fullName(),
                    "representative", a.person().representativeEmail() != null
                            && !a.person().representativeEmail().isBlank(),
                    "link", publicUrl.of(FeedbackPageController.PATH + token),
                    "lastDay", lastDay.format(SchoolClock.RUSSIAN_DATE)));
            // Both in "to": the invitation asks the representative to answer with the child.
            mail.send(MailAbout.each("pair:" + a.pair().id(), "feedback-" + kind.code() + ":" + a.person().personId())
                            .inProgramme(programmeId),
                    Stream.concat(a.person().mailTo().stream(), a.person().mailCopy().stream()).toList(), List.of(),
                    m);
            mailed++;
        }
        audit.record(ACTOR, "feedback.links-sent", programmeId, null, "kind=" + kind.code() + " mailed=" + mailed
                + " without-address=" + without);
        return new Sent(mailed, without);
    }

    private boolean answered(long pairId, long personId, FeedbackKind kind) {
        return jdbc.sql("""
                        select count(*) from feedback_answer
                        where pair_id = :pair and person_id = :person and kind = :kind""")
                .param("pair", pairId).param("person", personId).param("kind", kind.code())
                .query(Long.class).single() > 0;
    }

    private Totals totals(long programmeId, FeedbackKind kind) {
        return jdbc.sql("""
                        select count(*) as answered, avg(cast(rating as double precision)) as average,
                               coalesce(sum(case when would_continue then 1 else 0 end), 0) as continuing
                        from feedback_answer where programme_id = :programme and kind = :kind""")
                .param("programme", programmeId).param("kind", kind.code())
                .query((rs, n) -> {
                    double average = rs.getDouble("average");
                    Double mean = rs.wasNull() ? null : average;
                    return new Totals(kind.code(), links.issuedCount(programmeId, kind), rs.getLong("answered"), mean,
                            rs.getLong("continuing"));
                }).single();
    }

    private static Answer answer(ResultSet rs, int n) throws SQLException {
        return new Answer(rs.getLong("pair_id"), rs.getLong("person_id"), rs.getString("full_name"),
                rs.getString("role"), rs.getString("kind"), rs.getInt("rating"), rs.getString("helped"),
                rs.getString("missing"), rs.getBoolean("would_continue"), rs.getString("comment"),
                rs.getTimestamp("submitted_at").toInstant());
    }
}
