package ru.nastavnik.district;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Monday morning by the school's clock, each node queues the coordinators' weekly summary (the outbox keeps it once);
 * off with the mail sender ({@code nastavnik.mail.sender=false}), as in the tests, which call
 * {@link WeeklyOverdueSummary#send()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "nastavnik.mail.sender", havingValue = "true", matchIfMissing = true)
class WeeklySummarySchedule {

    private static final Logger log = LoggerFactory.getLogger(WeeklySummarySchedule.class);

    private final WeeklyOverdueSummary summary;

    WeeklySummarySchedule(WeeklyOverdueSummary summary) {
        this.summary = summary;
    }

    @Scheduled(cron = "0 0 ${nastavnik.district.summary-hour:8} * * MON", zone = "${nastavnik.time-zone:Europe/Moscow}")
    void weekly() {
        try {
            summary.send();
        } catch (RuntimeException e) {
            log.warn("Weekly overdue summary failed: {}", e.toString());
        }
    }
}
