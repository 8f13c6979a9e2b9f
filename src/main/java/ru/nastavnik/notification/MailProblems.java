package ru.nastavnik.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;

/**
 * The mail the product could not deliver, for the curator instead of engine incidents: mail still unsent at the end
 * of its retry window, and mail with nobody to send it to (no address on file). Shown at
 * {@code GET /api/mail/problems} and sent once a day. A region's schools share one installation: a school's staff
 * read their own school's undelivered mail only, the administrators all of it and alone that of no school.
 */
@Component
class MailProblems {

    /** One undelivered mail; {@code problem} says in Russian what went wrong; {@code schoolId} null: of no school. */
    record Problem(long id, Instant createdAt, Long schoolId, String subject, String to, String problem) {
    }

    /** Undeliverable mail (queued without address, or given up); {@code %s}: of some schools only, or empty. */
    private static final String PROBLEMS = """
            select id, created_at, school_id, subject, mail_to, status, attempts, last_error from mail_outbox
            where ((status = 'unaddressed' and created_at >= :since) or (status = 'expired' and expires_at >= :since))
              %s
            order by created_at desc, id desc
            """;

    private final JdbcClient jdbc;
    private final SchoolClock clock;
    private final TaskPeople people;
    private final MailNotifier mail;

    private final MailTemplates templates;
    private final PublicUrl publicUrl;

    MailProblems(JdbcClient jdbc, SchoolClock clock, TaskPeople people, MailNotifier mail, MailTemplates templates,
                 PublicUrl publicUrl) {
        this.templates = templates;
        this.publicUrl = publicUrl;
        this.jdbc = jdbc;
        this.clock = clock;
        this.people = people;
        this.mail = mail;
    }

    /** The mail of the schools {@code schools} that became undeliverable within {@code past}, newest first. */
    List<Problem> since(Duration past, Set<Long> schools) {
        return schools.isEmpty() ? List.of()
                : list(jdbc.sql(PROBLEMS.formatted("and school_id in (:schools)")).param("schools", schools), past);
    }

    /** Every mail that became undeliverable within {@code past}, of no school too: the administrators' list. */
    List<Problem> sinceAnywhere(Duration past) {
        return list(jdbc.sql(PROBLEMS.formatted("")), past);
    }

    private List<Problem> list(JdbcClient.StatementSpec problems, Duration past) {
        return problems.param("since", Timestamp.from(clock.now().minus(past)))
                .query((rs, row) -> new Problem(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("school_id", Long.class), rs.getString("subject"), rs.getString("mail_to"),
                        "unaddressed".equals(rs.getString("status"))
                                ? "Не отправлено: у адресата нет адреса электронной почты"
                                : "Не доставлено: почтовый сервер не принял письмо за " + rs.getInt("attempts")
                                + " попыт. (" + rs.getString("last_error") + ")"))
                .list();
    }

    /**
     * Queues the summaries of yesterday's undelivered mail: each school's to its curators, that of no school to the
     * administrators; each once per day whichever node comes first.
     */
    void sendDailySummary() {
        Map<Optional<Long>, List<Problem>> bySchool = sinceAnywhere(Duration.ofDays(1)).stream()
                .collect(Collectors.groupingBy(p -> Optional.ofNullable(p.schoolId()), LinkedHashMap::new,
                        Collectors.toList()));
        LocalDate today = clock.today();
        bySchool.forEach((school, problems) -> {
            String about = "mail-summary:" + today + school.map(id -> ":school:" + id).orElse(":no-school");
            String readers = school.map(id -> Groups.atSchool(Groups.CURATOR, id)).orElse(Groups.ADMIN);
            try {
                mail.send(new MailAbout(about, "daily"), people.emails(people.membersOf(readers)), List.of(),
                        templates.render("mail-problems", Map.of("day", today.format(SchoolClock.RUSSIAN_DATE),
                                "problems", problems.stream().map(p -> Map.of("subject", p.subject(),
                                        "to", p.to() == null ? "" : p.to(), "problem", p.problem())).toList(),
                                "link", publicUrl.of("/api/mail/problems"))));
            } catch (DuplicateKeyException anotherNode) {
                // Another node queued this summary at the same moment.
            }
        });
    }
}
