package ru.nastavnik.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.shared.SchoolClock;

/**
 * The table {@code mail_outbox} (V11): mails are added in the caller's transaction and claimed by senders in
 * their own short ones, with row locks that other nodes skip, so that the SMTP conversation holds no lock. A mail
 * that is done with (sent, cancelled, given up) loses its text: it may hold a personal link.
 */
@Component
class MailOutbox {

    private static final String ADDRESS_SEPARATOR = ",";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final SchoolClock clock;
    private final MailSettings settings;
    private final QuietHours quietHours;
    private final String messageIdDomain;
    private final MailSchools schools;

    MailOutbox(JdbcClient jdbc, PlatformTransactionManager transactions, SchoolClock clock, MailSettings settings,
               MailSchools schools) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.settings = settings;
        this.quietHours = new QuietHours(settings.quietStart(), settings.quietEnd(), clock.zone());
        this.messageIdDomain = settings.domain();
        this.schools = schools;
    }

    /**
     * Adds a mail in the caller's transaction, unless the same mail (same key) is there already. Ordinary mail
     * waits for the end of the quiet hours; {@code atOnce} mail (a link someone is waiting for) does not.
     */
    void add(MailAbout about, Collection<String> to, Collection<String> cc, MailContent mail, boolean atOnce) {
        insert(about, to, cc, mail, atOnce, to.isEmpty() ? "unaddressed" : "pending");
    }

    /** Adds a reminder for one person who reads a daily digest: it waits, «held», for {@link MailDigest}. */
    void hold(MailAbout about, String to, MailContent mail) {
        insert(about, List.of(to), List.of(), mail, false, "held");
    }

    private void insert(MailAbout about, Collection<String> to, Collection<String> cc, MailContent mail,
                        boolean atOnce, String status) {
        List<String> recipients = to.stream().sorted().toList();
        String key = about.about() + "|" + about.kind() + "|" + String.join(ADDRESS_SEPARATOR, recipients);
        Instant now = clock.now();
        Instant first = atOnce ? now : quietHours.firstAllowed(now);
        jdbc.sql("""
                        insert into mail_outbox (mail_key, about, kind, message_id, mail_to, mail_cc, subject, body_text,
                                                 body_html, calendar, status, attempts, created_at, next_attempt_at,
                                                 expires_at, school_id)
                        select :key, :about, :kind, :messageId, :to, :cc, :subject, :body,
                               cast(:html as varchar(400000)), cast(:calendar as varchar(100000)), :status, 0, :now, :first,
                               :expires, cast(:school as bigint)
                        where not exists (select 1 from mail_outbox where mail_key = :key)
                        """)
                .param("key", key).param("about", about.about()).param("kind", about.kind())
                .param("messageId", messageId(key)).param("to", String.join(ADDRESS_SEPARATOR, to))
                .param("cc", String.join(ADDRESS_SEPARATOR, cc)).param("subject", mail.subject()).param("body", mail.text())
                .param("html", mail.html()).param("calendar", mail.calendar())
                .param("status", status).param("now", Timestamp.from(now))
                .param("first", Timestamp.from(first))
                .param("expires", Timestamp.from(first.plus(settings.retryWindow())))
                .param("school", about.programmeId() == null ? null
                        : schools.schoolOf(about.programmeId()).orElse(null)).update();
    }

    /** The held reminders, by recipient (one address each), oldest first. */
    List<HeldMail> held() {
        return jdbc.sql("select id, about, mail_to, subject from mail_outbox where status = 'held' order by id")
                .query((rs, row) -> new HeldMail(rs.getLong("id"), rs.getString("about"), rs.getString("mail_to"),
                        rs.getString("subject"))).list();
    }

    /** Marks held reminders as told in a digest; only those still held (a task may have ended meanwhile). */
    int digested(List<Long> ids) {
        return ids.isEmpty() ? 0 : jdbc.sql("""
                        update mail_outbox set status = 'digested', body_text = '', body_html = null, calendar = null
                        where id in (:ids) and status = 'held'""")
                .param("ids", ids).update();
    }

    record HeldMail(long id, String about, String to, String subject) {
    }

    /** Cancels the mails about a task or meeting that still wait; returns how many. */
    int cancel(String about) {
        return jdbc.sql("""
                        update mail_outbox set status = 'cancelled', body_text = '', body_html = null, calendar = null
                        where about = :about and status in ('pending', 'held')""")
                .param("about", about).update();
    }

    /** The recipients of each mail about {@code about} whose kind starts with {@code kindPrefix} that went out. */
    List<List<String>> recipientsOfSent(String about, String kindPrefix) {
        return jdbc.sql("""
                        select mail_to from mail_outbox
                        where about = :about and kind like :kind and status in ('sending', 'sent') order by id""")
                .param("about", about).param("kind", kindPrefix.replace("%", "") + "%")
                .query((rs, row) -> addresses(rs.getString("mail_to"))).list();
    }

    /**
     * Claims up to {@code limit} due mails, oldest first, for {@code lease}: pending ones whose time has come and
     * those whose sender's lease ran out (it died or stalled). Rows another sender is claiming are skipped.
     */
    Claim claim(int limit) {
        Instant now = clock.now();
        String token = UUID.randomUUID().toString();
        List<OutboxMail> mails = ownTransaction.execute(tx -> {
            List<Long> ids = jdbc.sql("""
                            select id from mail_outbox
                            where (status = 'pending' and next_attempt_at <= :now)
                               or (status = 'sending' and lease_until <= :now)
                            order by created_at, id
                            limit :limit
                            for update skip locked
                            """)
                    .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            jdbc.sql("""
                            update mail_outbox set status = 'sending', claimed_by = :token, lease_until = :until
                            where id in (:ids)
                            """)
                    .param("token", token).param("until", Timestamp.from(now.plus(settings.lease())))
                    .param("ids", ids).update();
            return jdbc.sql("select * from mail_outbox where id in (:ids) order by created_at, id")
                    .param("ids", ids).query(MailOutbox::mail).list();
        });
        return new Claim(token, mails);
    }

    /** Marks a claimed mail sent; false when the claim was lost (its lease ran out and another sender took it). */
    boolean sent(Claim claim, OutboxMail mail) {
        return ownTransaction.execute(tx -> jdbc.sql("""
                        update mail_outbox set status = 'sent', sent_at = :now, lease_until = null, last_error = null,
                                               attempts = attempts + 1, body_text = '', body_html = null, calendar = null
                        where id = :id and claimed_by = :token and status = 'sending'
                        """)
                .param("now", Timestamp.from(clock.now())).param("id", mail.id()).param("token", claim.token())
                .update()) == 1;
    }

    /**
     * Records a failed attempt: the mail waits until {@code next} (within its window and out of the quiet hours),
     * or is given up when its window is over. Returns when it is tried again, or null when given up.
     */
    Instant failed(Claim claim, OutboxMail mail, String error, Instant next) {
        Instant at = quietHours.firstAllowed(next);
        boolean expired = !clock.now().isBefore(mail.expiresAt());
        if (!expired && at.isAfter(mail.expiresAt())) {
            at = mail.expiresAt();
        }
        Instant retryAt = at;
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        update mail_outbox set status = :status, attempts = attempts + 1, next_attempt_at = :next,
                                               lease_until = null, last_error = :error,
                                               body_text = case when :status = 'expired' then '' else body_text end,
                                               body_html = case when :status = 'expired' then null else body_html end,
                                               calendar = case when :status = 'expired' then null else calendar end
                        where id = :id and claimed_by = :token and status = 'sending'
                        """)
                .param("status", expired ? "expired" : "pending").param("next", Timestamp.from(retryAt))
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("id", mail.id()).param("token", claim.token()).update());
        return expired ? null : retryAt;
    }

    /** Gives claimed mails back untried (the server is down: they wait for the next poll, in their order). */
    void release(Claim claim, List<OutboxMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        update mail_outbox set status = 'pending', lease_until = null
                        where id in (:ids) and claimed_by = :token and status = 'sending'
                        """)
                .param("ids", mails.stream().map(OutboxMail::id).toList()).param("token", claim.token()).update());
    }

    /** The Message-ID of every copy of the mail with this key: the same after a crash and a second sending. */
    String messageId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 20) + "@" + messageIdDomain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Claim(String token, List<OutboxMail> mails) {
    }

    private static OutboxMail mail(ResultSet rs, int row) throws SQLException {
        return new OutboxMail(rs.getLong("id"), rs.getString("mail_key"), rs.getString("message_id"),
                addresses(rs.getString("mail_to")), addresses(rs.getString("mail_cc")), rs.getString("subject"),
                rs.getString("body_text"), rs.getString("body_html"), rs.getString("calendar"), rs.getInt("attempts"),
                rs.getTimestamp("expires_at").toInstant());
    }

    private static List<String> addresses(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(ADDRESS_SEPARATOR));
    }
}
