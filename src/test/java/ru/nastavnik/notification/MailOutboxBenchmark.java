package ru.nastavnik.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.SchoolClock;

/**
 * Prints how fast queued mail is handed to a local SMTP server (GreenMail) by one and by two senders on one
 * outbox (two senders in one JVM have their own connections and claims, as two nodes do), and what queueing a mail
 * adds to a step: a transaction with the product's audit insert, with and without one mail queued. Not part of the
 * normal build: {@code mvn -o test -Dtest=MailOutboxBenchmark -Dbenchmark=true} (add
 * {@code -Dtest.db.profile=postgres} and DATABASE_URL for PostgreSQL).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MailOutboxBenchmark extends IntegrationTest {

    private static final int MAILS = 2_000;
    private static final int STEPS = 2_000;

    @Autowired
    private MailNotifier notifier;
    @Autowired
    private MailOutbox outbox;
    @Autowired
    private OutboxSender sender;
    @Autowired
    private MailSettings settings;
    @Autowired
    private SchoolClock clock;
    @Autowired
    private JavaMailSender smtp;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private AuditLog audit;

    @Test
    void printsMailsPerSecondAndTheCostPerStep() throws Exception {
        clockAt(LocalDateTime.of(2026, 10, 5, 12, 0));
        queue("warm", 200);
        sender.deliverDue();

        queue("one", MAILS);
        long start = System.nanoTime();
        int sent = sender.deliverDue();
        double one = sent / seconds(start);

        queue("two", MAILS);
        OutboxSender second = new OutboxSender(outbox, smtp, settings, clock);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        start = System.nanoTime();
        List<Future<Integer>> parts = new ArrayList<>();
        for (OutboxSender node : List.of(sender, second)) {
            parts.add(nodes.submit(node::deliverDue));
        }
        int sentByTwo = parts.get(0).get() + parts.get(1).get();
        double two = sentByTwo / seconds(start);
        nodes.shutdown();

        double without = stepMillis(false);
        double with = stepMillis(true);
        double withoutAgain = stepMillis(false);

        String db = System.getProperty("spring.profiles.active", "");
        System.out.printf("%nMail outbox benchmark (%s)%n", db.isBlank() ? "h2" : db);
        System.out.printf("  one sender:  %d mails in %.0f /s%n", sent, one);
        System.out.printf("  two senders: %d mails in %.0f /s%n", sentByTwo, two);
        System.out.printf("  step without mail: %.3f ms, with one queued mail: %.3f ms (without, again: %.3f ms)%n",
                without, with, withoutAgain);
        assertThat(sent).isEqualTo(MAILS);
        assertThat(sentByTwo).isEqualTo(MAILS);
    }

    private void queue(String run, int count) {
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < count; i++) {
                notifier.send(new MailAbout("bench:" + run + ":" + i, "reminder"), List.of("b" + i + "@school.test"),
                        List.of(), new MailContent("Напоминание " + i, "Здравствуйте! Срок задачи истекает завтра.",
                                "<p>Здравствуйте! Срок задачи истекает завтра.</p>", null));
            }
        });
    }

    private double stepMillis(boolean withMail) {
        long start = System.nanoTime();
        for (int i = 0; i < STEPS; i++) {
            int n = i;
            transactions.executeWithoutResult(tx -> {
                audit.record("bench", "bench.step", null, null, "n=" + n);
                if (withMail) {
                    notifier.send(new MailAbout("bench:step:" + System.nanoTime() + ":" + n, "reminder"),
                            List.of("s@school.test"), List.of(), new MailContent("Напоминание", "Здравствуйте!", null, null));
                }
            });
        }
        return seconds(start) * 1000 / STEPS;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
