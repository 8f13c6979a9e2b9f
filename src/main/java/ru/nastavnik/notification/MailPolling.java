package ru.nastavnik.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Each node polls the outbox on its own (nastavnik.mail.poll); off with {@code nastavnik.mail.sender=false}, as in
 * the tests, which call {@link OutboxSender#deliverDue()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "nastavnik.mail.sender", havingValue = "true", matchIfMissing = true)
class MailPolling {

    private static final Logger log = LoggerFactory.getLogger(MailPolling.class);

    private final OutboxSender sender;
    private final MailProblems problems;
    private final MailDigest digest;

    MailPolling(OutboxSender sender, MailProblems problems, MailDigest digest) {
        this.sender = sender;
        this.problems = problems;
        this.digest = digest;
    }

    /** Every morning the curators get the list of yesterday's undelivered mail (when there is any). */
    @Scheduled(cron = "0 0 ${nastavnik.mail.summary-hour:8} * * *", zone = "${nastavnik.time-zone:Europe/Moscow}")
    void dailySummary() {
        try {
            problems.sendDailySummary();
        } catch (RuntimeException e) {
            log.warn("Daily mail summary failed: {}", e.toString());
        }
    }

    /** Every morning, after the reminders' hour, each person who reads a digest gets theirs. */
    @Scheduled(cron = "0 0 ${nastavnik.mail.digest-hour:10} * * *", zone = "${nastavnik.time-zone:Europe/Moscow}")
    void dailyDigest() {
        try {
            digest.sendDigests();
        } catch (RuntimeException e) {
            log.warn("Daily digest of task reminders failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${nastavnik.mail.poll:10s}", initialDelayString = "${nastavnik.mail.poll:10s}")
    void poll() {
        try {
            sender.deliverDue();
        } catch (RuntimeException e) {
            // The database is away for a moment: the next poll tries again; one line, not a stack trace.
            log.warn("Mail outbox poll failed: {}", e.toString());
        }
    }
}
