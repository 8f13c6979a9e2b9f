package ru.nastavnik.notification;

import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one door for the product's emails (Russian, text and HTML from {@link MailTemplates}, each ending with the
 * one signature that says the mail is automatic). A mail is only queued here, in the caller's transaction (the outbox, {@link MailOutbox}): the
 * step that causes it neither waits for nor fails with the SMTP server, and a step rolled back queues nothing.
 * {@link OutboxSender} delivers it.
 */
@Component
public class MailNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

    private final MailOutbox outbox;

    MailNotifier(MailOutbox outbox) {
        this.outbox = outbox;
    }

    /** Queues a mail; during the quiet hours it waits for their end. */
    public void send(MailAbout about, Collection<String> to, Collection<String> cc, MailContent mail) {
        queue(about, to, cc, mail, false);
    }

    /** Queues a mail someone is waiting for right now (a link they asked for): it ignores the quiet hours. */
    public void sendAtOnce(MailAbout about, Collection<String> to, MailContent mail) {
        queue(about, to, java.util.List.of(), mail, true);
    }

    /** Keeps a task's reminder for one person who reads the daily digest ({@link MailDigest}) instead. */
    void hold(MailAbout about, String to, MailContent mail) {
        outbox.hold(about, to, mail);
    }

    /** Cancels the queued mails about a meeting that moved or was cancelled (a task's end does so by itself). */
    public int cancel(String about) {
        return outbox.cancel(about);
    }

    /** Whom the mails about {@code about} of a kind starting with {@code kindPrefix} went (or are going) out to. */
    public java.util.List<java.util.List<String>> recipientsOfSent(String about, String kindPrefix) {
        return outbox.recipientsOfSent(about, kindPrefix);
    }

    private void queue(MailAbout about, Collection<String> to, Collection<String> cc, MailContent mail,
                       boolean atOnce) {
        if (to.isEmpty()) {
            // Kept as "unaddressed", so that the curator sees whom the product could not reach.
            log.warn("Mail '{}' has no recipient with an email address; not sent", mail.subject());
        }
        outbox.add(about, to, cc, mail, atOnce);
    }
}
