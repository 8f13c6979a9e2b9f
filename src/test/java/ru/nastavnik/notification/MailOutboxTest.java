package ru.nastavnik.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.SchoolClock;

/**
 * The outbox against the harms of issue 10: an SMTP outage, a stalled server, a crash after the server accepted
 * a mail, and two senders on one table. The steps only queue mail, so they never wait for or fail with SMTP.
 */
class MailOutboxTest extends IntegrationTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 10, 5, 12, 0);

    @Autowired
    private MailNotifier notifier;
    @Autowired
    private MailOutbox outbox;
    @Autowired
    private OutboxSender sender;
    @Autowired
    private MailSettings settings;
    @Autowired
    private MailProblems problems;
    @Autowired
    private SchoolClock clock;
    @Autowired
    private JavaMailSender smtp;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TransactionTemplate transactions;
    @Value("${spring.mail.port}")
    private int smtpPort;

    @Test
    void mailQueuedWhileSmtpIsDownGoesOutOnceOldestFirstWhenItIsBack() throws Exception {
        clockAt(NOON);
        mail.stop();
        for (int i = 0; i < 50; i++) {
            queue("task:outage-" + i, "reminder", "person" + i + "@school.test");
        }
        assertThat(deliverMail()).isZero();
        // One attempt for the whole outage, not one per mail; the others wait untouched, in their order.
        assertThat(count("pending")).isEqualTo(50);
        assertThat(jdbc.sql("select sum(attempts) from mail_outbox").query(Integer.class).single()).isEqualTo(1);

        clockAt(NOON.plusMinutes(15));
        assertThat(sender.deliverDue()).as("the server is still down").isZero();
        mail.start();
        // Within 5 minutes of the server's return, with the default settings and without anyone's help.
        clockAt(NOON.plusMinutes(20));
        assertThat(sender.deliverDue()).isEqualTo(50);

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(50);
        assertThat(Arrays.stream(received).map(MailOutboxTest::messageId).distinct()).hasSize(50);
        assertThat(messageId(received[0])).isEqualTo(outbox.messageId("task:outage-0|reminder|person0@school.test"));
        assertThat(received[0].getSubject()).isEqualTo("Письмо task:outage-0");
        assertThat(count("sent")).isEqualTo(50);
        assertThat(sender.deliverDue()).isZero();
        assertThat(mail.getReceivedMessages()).hasSize(50);
    }

    @Test
    void aServerThatNeverAnswersHoldsTheSenderOnlyUntilItsTimeout() throws Exception {
        clockAt(NOON);
        queue("task:stalled", "reminder", "stalled@school.test");
        try (ServerSocket stalled = new ServerSocket(0)) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            CompletableFuture.runAsync(() -> acceptForever(stalled, accepted));
            OutboxSender toStalled = new OutboxSender(outbox, smtpAt(stalled.getLocalPort()), settings, clock);
            // The test settings' SMTP timeouts are 2 s.
            int sent = assertTimeoutPreemptively(Duration.ofSeconds(15), toStalled::deliverDue);
            assertThat(sent).isZero();
            assertThat(accepted).isNotEmpty();
        }
        assertThat(count("pending")).isEqualTo(1);
        assertThat(jdbc.sql("select last_error from mail_outbox").query(String.class).single()).containsIgnoringCase("timed out");
        assertThat(deliverMail()).as("not before its back-off").isZero();

        clockAt(NOON.plusMinutes(1));
        assertThat(deliverMail()).isEqualTo(1);
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aMailSentAgainAfterACrashCarriesTheSameMessageId() throws Exception {
        clockAt(NOON);
        queue("meeting:crash", "reminder", "crash@school.test");
        // The server accepts the mail, then the node dies before it records that: the row stays claimed.
        JavaMailSenderImpl dying = new JavaMailSenderImpl() {
            @Override
            public void send(MimeMessage message) {
                super.send(message);
                throw new IllegalStateException("kill -9");
            }
        };
        dying.setHost("127.0.0.1");
        dying.setPort(smtpPort);
        try {
            new OutboxSender(outbox, dying, settings, clock).deliverDue();
        } catch (IllegalStateException killed) {
            // as if the process had gone
        }
        assertThat(count("sending")).isEqualTo(1);
        assertThat(deliverMail()).as("the lease still holds").isZero();

        clockAt(NOON.plus(settings.lease()).plusSeconds(1));
        assertThat(deliverMail()).isEqualTo(1);
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(messageId(received[0])).isEqualTo(messageId(received[1]));
        assertThat(count("sent")).isEqualTo(1);
    }

    @Test
    void twoSendersOnOneOutboxSendEachMailOnce() throws Exception {
        clockAt(NOON);
        int mails = 300;
        for (int i = 0; i < mails; i++) {
            queue("task:two-" + i, "reminder", "two" + i + "@school.test");
        }
        OutboxSender other = new OutboxSender(outbox, smtp, settings, clock);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Integer>> sent = new ArrayList<>();
            for (OutboxSender node : List.of(sender, other)) {
                sent.add(nodes.submit(() -> {
                    together.await();
                    return node.deliverDue();
                }));
            }
            int first = sent.get(0).get();
            int second = sent.get(1).get();
            assertThat(first + second).isEqualTo(mails);
        } finally {
            nodes.shutdownNow();
        }
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(mails);
        assertThat(Arrays.stream(received).map(MailOutboxTest::messageId).distinct()).hasSize(mails);
    }

    @Test
    void aSenderSkipsTheMailAnotherIsClaimingInsteadOfWaitingForIt() throws Exception {
        clockAt(NOON);
        queue("task:locked-0", "reminder", "locked@school.test");
        queue("task:locked-1", "reminder", "locked@school.test");
        long oldest = jdbc.sql("select min(id) from mail_outbox").query(Long.class).single();
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Void> otherNode = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("select id from mail_outbox where id = :id for update").param("id", oldest).query(Long.class).list();
            locked.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            locked.await();
            MailOutbox.Claim claim = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> outbox.claim(10));
            assertThat(claim.mails()).extracting(OutboxMail::id).doesNotContain(oldest).hasSize(1);
        } finally {
            done.countDown();
            otherNode.get();
        }
    }

    @Test
    void theSameMailQueuedTwiceIsOneMail() {
        clockAt(NOON);
        queue("task:twice", "reminder", "twice@school.test");
        queue("task:twice", "reminder", "twice@school.test");
        assertThat(deliverMail()).isEqualTo(1);
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aMailOfNoSchoolStillUnsentAtTheEndOfItsWindowIsGivenUpAndShownToTheAdministrators() throws Exception {
        clockAt(NOON);
        mail.stop();
        queue("task:window", "escalation", "window@school.test");
        LocalDateTime at = NOON;
        // Attempts every few minutes through the whole window while the server stays away.
        while (!at.isAfter(NOON.plus(settings.retryWindow()).plusMinutes(5))) {
            clockAt(at);
            deliverMail();
            at = at.plus(settings.maxRetry());
        }
        assertThat(count("expired")).isEqualTo(1);
        assertThat(jdbc.sql("select attempts from mail_outbox").query(Integer.class).single())
                .isGreaterThan((int) (settings.retryWindow().toMinutes() / settings.maxRetry().toMinutes()) - 20);
        mail.start();
        clockAt(at.plusMinutes(1));
        assertThat(deliverMail()).isZero();

        // Not an engine incident: found in the product and in the morning's summary; mail of no school (no
        // programme) by the administrators, not by every school's curator.
        transactions.executeWithoutResult(tx -> notifier.send(new MailAbout("task:nobody", "reminder"), List.of(),
                List.of(), mail("Письмо без адреса")));
        ensureUser("mail-admin", Groups.ADMIN);
        HttpResponse<String> listed = RestClient.as(port, "mail-admin", PASSWORD).get("/api/mail/problems");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("Письмо task:window", "Не доставлено", "Письмо без адреса",
                "нет адреса электронной почты");
        HttpResponse<String> ofSchools = RestClient.as(port, "curator", PASSWORD).get("/api/mail/problems");
        assertThat(ofSchools.statusCode()).isEqualTo(200);
        assertThat(ofSchools.body()).doesNotContain("Письмо task:window", "Письмо без адреса");
        assertThat(RestClient.as(port, "mentor1", PASSWORD).get("/api/mail/problems").statusCode()).isEqualTo(403);

        problems.sendDailySummary();
        problems.sendDailySummary();
        assertThat(deliverMail()).isEqualTo(1);
        MimeMessage summary = mail.getReceivedMessages()[0];
        assertThat(Arrays.stream(summary.getAllRecipients()).map(Object::toString))
                .contains("mail-admin@school.test").doesNotContain("curator@school.test");
        assertThat(text(summary)).contains("Письмо task:window", "Письмо без адреса");
    }

    @Test
    void aWaitingMailIsCancelledWithWhatItIsAbout() throws Exception {
        clockAt(NOON);
        queue("meeting:moved", "reminder:2026-10-06", "moved@school.test");
        queue("meeting:other", "reminder:2026-10-06", "moved@school.test");
        transactions.executeWithoutResult(tx -> notifier.cancel("meeting:moved"));
        assertThat(deliverMail()).isEqualTo(1);
        assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo("Письмо meeting:other");
        assertThat(count("cancelled")).isEqualTo(1);
    }

    @Test
    void aTaskThatEndsTakesItsWaitingMailWithIt() {
        String school = "Школа отменённых писем " + java.util.UUID.randomUUID().toString().substring(0, 6);
        startProgrammeOverApi(school, "pupil-pupil");
        org.camunda.bpm.engine.task.Task task = engine.getTaskService().createTaskQuery()
                .taskNameLike("% — " + school).list().get(0);
        queue(MailAbout.task(task.getId(), "reminder").about(), "reminder", "ended@school.test");
        queue("task:unrelated", "reminder", "ended@school.test");

        engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "test over");

        assertThat(count("cancelled")).isEqualTo(1);
        assertThat(deliverMail()).isEqualTo(1);
    }

    @Test
    void aStepRolledBackQueuesNothing() {
        clockAt(NOON);
        try {
            transactions.executeWithoutResult(tx -> {
                notifier.send(new MailAbout("task:rolled-back", "reminder"), List.of("rb@school.test"), List.of(),
                        mail("Письмо"));
                throw new IllegalStateException("the step fails after its mail");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(jdbc.sql("select count(*) from mail_outbox").query(Integer.class).single()).isZero();
    }

    private void queue(String about, String kind, String to) {
        transactions.executeWithoutResult(tx -> notifier.send(new MailAbout(about, kind), List.of(to), List.of(),
                mail("Письмо " + about)));
    }

    /** Text and HTML, as the templates make every mail. */
    private static MailContent mail(String subject) {
        return new MailContent(subject, "Здравствуйте!", "<p>Здравствуйте!</p>", null);
    }

    private int count(String status) {
        return jdbc.sql("select count(*) from mail_outbox where status = :status").param("status", status)
                .query(Integer.class).single();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JavaMailSender smtpAt(int port) {
        JavaMailSenderImpl impl = (JavaMailSenderImpl) smtp;
        JavaMailSenderImpl other = new JavaMailSenderImpl();
        other.setHost("127.0.0.1");
        other.setPort(port);
        other.setJavaMailProperties(impl.getJavaMailProperties());
        return other;
    }

    private static void acceptForever(ServerSocket server, List<Socket> accepted) {
        try {
            while (!server.isClosed()) {
                accepted.add(server.accept());
            }
        } catch (IOException closed) {
            if (!server.isClosed()) {
                throw new UncheckedIOException(closed);
            }
        }
    }
}
