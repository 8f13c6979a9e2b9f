package ru.nastavnik.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.SchoolClock;

/**
 * Delivers the outbox: claims due mails (oldest first), sends each with its key's Message-ID outside any database
 * lock, and records the outcome. A failed mail is tried again after a growing wait until its window ends; when
 * the server itself cannot be reached (refused, timed out) the rest of the batch is given back untouched and this
 * node waits as long as that mail does, so that an outage costs one attempt and one log line per wait, not one per
 * mail. Every node runs one (see {@link MailPolling}); the row claims keep them from sending a mail twice.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private static final Pattern CALENDAR_METHOD = Pattern.compile("(?m)^METHOD:(\\w+)");

    private final MailOutbox outbox;
    private final JavaMailSender smtp;
    private final MailSettings settings;
    private final SchoolClock clock;
    /** While the server is down: when this node tries again. */
    private volatile Instant pausedUntil;

    OutboxSender(MailOutbox outbox, JavaMailSender smtp, MailSettings settings, SchoolClock clock) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends every mail that is due now, batch after batch; returns how many went out. */
    public int deliverDue() {
        int sent = 0;
        while (pausedUntil == null || !clock.now().isBefore(pausedUntil)) {
            MailOutbox.Claim claim = outbox.claim(settings.batch());
            if (claim.mails().isEmpty()) {
                break;
            }
            int before = sent;
            for (int i = 0; i < claim.mails().size(); i++) {
                OutboxMail mail = claim.mails().get(i);
                if (deliver(claim, mail)) {
                    sent++;
                } else if (pausedUntil != null) {
                    outbox.release(claim, claim.mails().subList(i + 1, claim.mails().size()));
                    break;
                }
            }
            if (sent == before && pausedUntil == null) {
                break; // every mail of the batch failed on its own: they wait for their next attempt
            }
        }
        return sent;
    }

    /** Forgets that the server was down, so that the next {@link #deliverDue()} tries at once. */
    public void retryNow() {
        pausedUntil = null;
    }

    private boolean deliver(MailOutbox.Claim claim, OutboxMail mail) {
        try {
            transmit(mail);
        } catch (MailException | MessagingException e) {
            boolean serverDown = serverUnreachable(e);
            int attempt = mail.attempts() + 1;
            Instant next = outbox.failed(claim, mail, reason(e), clock.now().plus(backoff(attempt)));
            if (next == null) {
                log.warn("Mail {} given up after {} attempts (its window ended): {}", mail.id(), attempt, reason(e));
            } else {
                log.warn("Mail {} not sent, attempt {}, next at {}: {}", mail.id(), attempt, next, reason(e));
            }
            if (serverDown) {
                pausedUntil = next == null ? clock.now().plus(backoff(attempt)) : next;
            }
            return false;
        }
        pausedUntil = null;
        if (!outbox.sent(claim, mail)) {
            log.warn("Mail {} was sent after its lease ran out; another sender may send it again, with the same "
                    + "Message-ID {}", mail.id(), mail.messageId());
        }
        return true;
    }

    private void transmit(OutboxMail mail) throws MessagingException {
        if (settings.logOnly()) {
            log.info("Mail (mode=log, not sent) {} to {} cc {}: {}\n{}", mail.messageId(), mail.to(), mail.cc(),
                    mail.subject(), mail.body());
            return;
        }
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.to().toArray(String[]::new));
        if (!mail.cc().isEmpty()) {
            helper.setCc(mail.cc().toArray(String[]::new));
        }
        helper.setSubject(mail.subject());
        if (mail.html() == null) {
            helper.setText(mail.body(), false); // queued before the templates
        } else {
            message.setContent(alternatives(mail));
        }
        // Spring keeps a Message-ID set beforehand: the same mail sent again is recognisably the same.
        message.setHeader("Message-ID", mail.messageId());
        smtp.send(message);
        log.info("Mail {} sent to {} cc {}: {}", mail.id(), mail.to(), mail.cc(), mail.subject());
    }

    /**
     * multipart/alternative: text, HTML and, for a meeting, the invitation as {@code text/calendar; method=…} — the
     * shape Outlook, Google and Yandex mail recognise as an invitation (they show the last part they understand).
     */
    private static MimeMultipart alternatives(OutboxMail mail) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part(mail.body(), "text/plain; charset=UTF-8"));
        alternative.addBodyPart(part(mail.html(), "text/html; charset=UTF-8"));
        if (mail.calendar() != null) {
            Matcher method = CALENDAR_METHOD.matcher(mail.calendar());
            alternative.addBodyPart(part(mail.calendar(), "text/calendar; charset=UTF-8; method="
                    + (method.find() ? method.group(1) : "PUBLISH")));
        }
        return alternative;
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        // Base64 for the calendar keeps its CRLF line ends intact; quoted-printable would do for the rest as well.
        part.setHeader("Content-Transfer-Encoding", type.startsWith("text/calendar") ? "base64" : "quoted-printable");
        return part;
    }

    /** first-retry × 2^(attempt−1), at most max-retry. */
    Duration backoff(int attempt) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < attempt && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }

    /** Refused, reset or timed out: the server, not this mail, is the trouble. */
    private static boolean serverUnreachable(Exception e) {
        List<Throwable> causes = new ArrayList<>();
        causes.add(e);
        if (e instanceof MailSendException send) {
            causes.addAll(List.of(send.getMessageExceptions()));
        }
        for (Throwable root : causes) {
            for (Throwable t = root; t != null; t = t.getCause()) {
                if (t instanceof IOException) {
                    return true;
                }
            }
        }
        return e instanceof MailSendException send && send.getMessage() != null
                && send.getMessage().contains("connection failed");
    }

    /** One line: the deepest cause's type and message, without a stack trace. */
    private static String reason(Exception e) {
        Throwable deepest = e;
        if (e instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            deepest = send.getMessageExceptions()[0];
        }
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String text = deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
        return deepest == e ? text : e.getClass().getSimpleName() + " (" + text + ")";
    }
}
