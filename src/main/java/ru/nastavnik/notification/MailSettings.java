package ru.nastavnik.notification;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nastavnik.mail.*}: who the mail is from, whether it goes out, and how the outbox delivers it. A setting left
 * out takes its default. SMTP timeouts are Spring Mail's ({@code spring.mail.properties.mail.smtp.*timeout}).
 *
 * @param from        the sender's address
 * @param mode        smtp: send through {@code spring.mail.*}; log: write each mail to the log (demo without SMTP)
 * @param retryWindow how long a mail is retried before it is given up and shown to the curator (default 1 day)
 * @param firstRetry  the wait after the first failed attempt, doubled after each further one (default 30 s)
 * @param maxRetry    the longest wait between two attempts (default 4 min, so that mail goes out within about
 *                    5 minutes of the server's return)
 * @param lease       how long a claimed mail belongs to its sender; a node that died while sending leaves it to
 *                    the others after this (default 5 min, well above the SMTP timeouts)
 * @param poll        how often each node looks for due mail (default 10 s)
 * @param batch       mails claimed at once by a node (default 20)
 * @param sender      false: no node-wide poller (tests deliver by hand)
 * @param quietStart  school time from which ordinary mail waits (default 21:00; equal to quietEnd: no quiet hours)
 * @param quietEnd    school time at which it goes out again (default 08:00)
 * @param summaryHour hour (school time) of the curators' daily list of undelivered mail (default 8; read by the
 *                    schedule in {@link MailPolling})
 * @param digest      who gets task reminders as one daily digest unless their own setting says otherwise:
 *                    {@code staff} (default: curators, deputy directors, directors, coordinators — people with many
 *                    tasks; mentors get each reminder), {@code all} or {@code none}
 * @param digestHour  hour (school time) of the digest (default 10: after the reminders' 09:00)
 */
@ConfigurationProperties("nastavnik.mail")
public record MailSettings(String from, String mode, Duration retryWindow, Duration firstRetry, Duration maxRetry,
                           Duration lease, Duration poll, Integer batch, Boolean sender, LocalTime quietStart,
                           LocalTime quietEnd, Integer summaryHour, String digest, Integer digestHour) {

    public MailSettings {
        from = from == null ? "nastavnik@school.local" : from;
        mode = mode == null ? "smtp" : mode;
        retryWindow = retryWindow == null ? Duration.ofDays(1) : retryWindow;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofMinutes(4) : maxRetry;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        poll = poll == null ? Duration.ofSeconds(10) : poll;
        batch = batch == null ? 20 : batch;
        sender = sender == null || sender;
        quietStart = quietStart == null ? LocalTime.of(21, 0) : quietStart;
        quietEnd = quietEnd == null ? LocalTime.of(8, 0) : quietEnd;
        summaryHour = summaryHour == null ? 8 : summaryHour;
        digest = digest == null ? "staff" : digest;
        digestHour = digestHour == null ? 10 : digestHour;
        if (!java.util.List.of("staff", "all", "none").contains(digest) || digestHour < 0 || digestHour > 23) {
            throw new IllegalArgumentException("nastavnik.mail.digest is staff, all or none; digest-hour 0–23");
        }
        if (retryWindow.isNegative() || firstRetry.isZero() || firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0
                || lease.isZero() || lease.isNegative() || batch < 1 || summaryHour < 0 || summaryHour > 23) {
            throw new IllegalArgumentException("nastavnik.mail.* durations must be positive, max-retry ≥ first-retry");
        }
    }

    /** The bare address of {@link #from()} (which may be «Name <address>»): an invitation's ORGANIZER. */
    public String address() {
        int open = from.indexOf('<');
        return (open >= 0 ? from.substring(open + 1, from.indexOf('>', open)) : from).trim();
    }

    /** The domain of the from address: the right-hand side of Message-IDs and of invitations' UIDs. */
    public String domain() {
        String address = address();
        return address.contains("@") ? address.substring(address.indexOf('@') + 1) : "nastavnik.local";
    }

    boolean logOnly() {
        return "log".equalsIgnoreCase(mode);
    }
}
