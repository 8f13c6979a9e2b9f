package ru.nastavnik.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * {@code GET /api/mail/problems} and sent to the curators once a day.
 */
@Component
class MailProblems {

    /** One undelivered mail; {@code problem} says in Russian what went wrong. */
    record Problem(long id, Instant createdAt, String subject, String to, String problem) {
    }

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

    /** The mail that became undeliverable within {@code past} (queued without address, or given up), newest first. */
    List<Problem> since(Duration past) {
        return jdbc.sql("""
                        select id, created_at, subject, mail_to, status, attempts, last_error from mail_outbox
                        where (status = 'unaddressed' and created_at >= :since)
                           or (status = 'expired' and expires_at >= :since)
                        order by created_at desc, id desc
                        """)
                .param("since", Timestamp.from(clock.now().minus(past)))
                .query((rs, row) -> new Problem(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("subject"), rs.getString("mail_to"),
                        "unaddressed".equals(rs.getString("status"))
                                ? "Не отправлено: у адресата нет адреса электронной почты"
                                : "Не доставлено: почтовый сервер не принял письмо за " + rs.getInt("attempts")
                                + " попыт. (" + rs.getString("last_error") + ")"))
                .list();
    }

    /** Queues the curators' summary of yesterday's undelivered mail, once per day whichever node comes first. */
    void sendDailySummary() {
        List<Problem> problems = since(Duration.ofDays(1));
        if (problems.isEmpty()) {
            return;
        }
        LocalDate today = clock.today();
        try {
            mail.send(new MailAbout("mail-summary:" + today, "daily"), people.emails(people.membersOf(Groups.CURATOR)),
                    List.of(), templates.render("mail-problems", Map.of("day", today.format(SchoolClock.RUSSIAN_DATE),
                            "problems", problems.stream().map(p -> Map.of("subject", p.subject(),
                                    "to", p.to() == null ? "" : p.to(), "problem", p.problem())).toList(), "link", publicUrl.of("/api/mail/problems"))));
        } catch (DuplicateKeyException anotherNode) {
            // Another node queued today's summary at the same moment.
        }
    }
}
