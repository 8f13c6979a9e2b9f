package ru.nastavnik.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeRequest;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.Groups;

/**
 * Two schools on one installation, each with mail that could not be delivered, tried from the other school's side:
 * a school's curator reads, over the API and in the daily summary, the own school's undelivered mail only.
 */
class MailProblemsOfSchoolsTest extends IntegrationTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 10, 5, 12, 0);

    @Autowired
    private ProgrammeService programmes;
    @Autowired
    private RoadmapService roadmap;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private MailNotifier notifier;
    @Autowired
    private MailProblems problems;
    @Autowired
    private MailSettings settings;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private JdbcClient jdbc;

    private Programme schoolA;
    private Programme schoolB;

    @BeforeEach
    void twoSchools() {
        clockAt(NOON);
        ensureUser("mail-curator-a", Groups.CURATOR);
        ensureUser("mail-curator-b", Groups.CURATOR);
        ensureUser("mail-admin", Groups.ADMIN);
        schoolA = start("mail-curator-a");
        schoolB = start("mail-curator-b");
    }

    private Programme start(String curator) {
        ProgrammeRequest base = programmeRequest();
        loginAs(curator);
        try {
            return programmes.start(new ProgrammeRequest(base.schoolName(), base.schoolYear(), base.forms(), curator,
                    List.of()).withSchoolHeads("deputy", "director"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @AfterEach
    void endBothProgrammes() {
        for (Programme programme : List.of(schoolA, schoolB)) {
            engine.getRuntimeService().deleteProcessInstance(programme.processInstanceId(), "test over");
        }
    }

    @Test
    void aSchoolsCuratorReadsTheOwnSchoolsUndeliveredMailOnly() throws Exception {
        String secret = UUID.randomUUID().toString().substring(0, 8);
        String ofA = "Письмо школы A " + secret;
        String ofB = "Письмо школы B " + secret;
        String addressOfB = "parent-" + secret + "@b.test";
        // B's mail given up at the end of its window (the server was away), then one of each school without address.
        mail.stop();
        queue(schoolB, ofB + " (адрес)", List.of(addressOfB));
        clockAt(NOON.plus(settings.retryWindow()).plusMinutes(1));
        deliverMail();
        mail.start();
        queue(schoolA, ofA, List.of());
        queue(schoolB, ofB, List.of());
        assertThat(jdbc.sql("select count(*) from mail_outbox where status in ('expired', 'unaddressed')")
                .query(Integer.class).single()).isEqualTo(3);

        RestClient curatorA = RestClient.as(port, "mail-curator-a", PASSWORD);
        for (String path : List.of("/api/mail/problems", "/api/mail/problems?days=366", "/api/mail/problems/",
                "/api/mail/problems;x")) {
            HttpResponse<String> listed = curatorA.get(path);
            assertThat(listed.body()).as(path).doesNotContain(ofB, addressOfB);
            if (listed.statusCode() == 200) {
                assertThat(listed.body()).as(path).contains(ofA);
            }
        }
        assertThat(curatorA.get("/api/mail/problems").statusCode()).isEqualTo(200);
        assertThat(RestClient.as(port, "mail-curator-b", PASSWORD).get("/api/mail/problems").body())
                .contains(ofB, addressOfB, "Не доставлено").doesNotContain(ofA);
        assertThat(RestClient.as(port, "admin", "admin-test").get("/api/mail/problems").body())
                .contains(ofA, ofB, addressOfB);

        problems.sendDailySummary();
        problems.sendDailySummary();
        Map<String, String> summaries = summariesByRecipient();
        assertThat(summaries.get("mail-curator-a@school.test")).contains(ofA).doesNotContain(ofB, addressOfB);
        assertThat(summaries.get("mail-curator-b@school.test")).contains(ofB, addressOfB).doesNotContain(ofA);
        assertThat(summaries).containsOnlyKeys("mail-curator-a@school.test", "mail-curator-b@school.test");
    }

    @Test
    void aTasksReminderAndEscalationCarryTheSchoolOfItsProgramme() {
        String item = roadmap.get(schoolA.id(), "1.1").processInstanceId();
        for (String timer : List.of(Deadlines.TIMER_REMIND, Deadlines.TIMER_ESCALATE)) {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(item)
                    .activityId(timer).singleResult().getId());
        }
        assertThat(jdbc.sql("select kind, school_id from mail_outbox where about like 'task:%'")
                .query((rs, row) -> rs.getString("kind") + "@" + rs.getLong("school_id")).list())
                .containsExactlyInAnyOrder("reminder@" + schoolA.schoolId(), "escalation@" + schoolA.schoolId());
    }

    private void queue(Programme programme, String subject, List<String> to) {
        transactions.executeWithoutResult(tx -> notifier.send(
                MailAbout.each("programme:" + programme.id(), "test").inProgramme(programme.id()), to, List.of(),
                new MailContent(subject, "Здравствуйте!", "<p>Здравствуйте!</p>", null)));
    }

    /** The text of the delivered mail by recipient, one mail each (GreenMail keeps a copy per recipient). */
    private Map<String, String> summariesByRecipient() throws MessagingException {
        Map<String, String> mailIds = new HashMap<>();
        Map<String, String> byRecipient = new HashMap<>();
        for (MimeMessage message : receivedMail()) {
            for (Address to : message.getAllRecipients()) {
                assertThat(mailIds.putIfAbsent(to.toString(), message.getMessageID())).as("one summary to " + to)
                        .isIn(null, message.getMessageID());
                byRecipient.put(to.toString(), text(message));
            }
        }
        return byRecipient;
    }
}
