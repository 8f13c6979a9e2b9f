package ru.nastavnik;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.nastavnik.district.Municipalities;
import ru.nastavnik.notification.OutboxSender;
import ru.nastavnik.programme.ProgrammeRequest;
import ru.nastavnik.security.Groups;

/**
 * Base of every test that needs the running product: one Spring context (one engine, one database, the web
 * server on a random port) shared by all of them, a real SMTP server (GreenMail), and the staff users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String PASSWORD = "test";
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Moscow");

    /** A free port per test JVM, so that test runs side by side on one machine do not collide. */
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    protected static final GreenMailExtension mail =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    protected ProcessEngine engine;

    @LocalServerPort
    protected int port;

    @Autowired
    private JdbcClient programmeTables;

    @Autowired
    private OutboxSender outboxSender;

    private final List<Long> startedProgrammes = new ArrayList<>();

    @Autowired
    private Municipalities municipalities;

    /**
     * The municipality of the test coordinator «coordinator», who reads only its schools: the programmes started
     * over the API belong to it.
     */
    protected static final String TEST_MUNICIPALITY = "Тестовый муниципальный округ";
    protected long testMunicipality;

    @BeforeEach
    void initEngineAndUsers() {
        BpmnAwareTests.init(engine);
        engine.getIdentityService().clearAuthentication();
        ensureUser("curator", Groups.CURATOR);
        ensureUser("deputy", Groups.DEPUTY_DIRECTOR);
        ensureUser("director", Groups.DIRECTOR);
        ensureUser("mentor1", Groups.MENTOR);
        ensureUser("coordinator", Groups.COORDINATOR);
        testMunicipality = municipalities.ensure(TEST_MUNICIPALITY).id();
        municipalities.attachCoordinator(testMunicipality, "coordinator");
    }

    /** Mail queued by an earlier test must not arrive in this one's GreenMail. */
    @BeforeEach
    void emptyMailOutbox() {
        programmeTables.sql("delete from mail_outbox").update();
        outboxSender.retryNow();
    }

    /** Delivers the queued mail that is due at the engine clock's time, as a node's sender would; returns how many. */
    protected int deliverMail() {
        outboxSender.retryNow();
        return outboxSender.deliverDue();
    }

    /** The mail GreenMail received, once the due mail of the outbox is delivered. */
    protected MimeMessage[] receivedMail() {
        deliverMail();
        return mail.getReceivedMessages();
    }

    /** A received mail's plain text: the text/plain part of the multipart/alternative every mail is. */
    public static String text(jakarta.mail.Part message) {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    if (parts.getBodyPart(i).isMimeType("text/plain")) {
                        return (String) parts.getBodyPart(i).getContent();
                    }
                }
                throw new AssertionError("No text/plain part");
            }
            return (String) content;
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers what the setup queued and forgets it, so that a test reads only the mail of its own steps. */
    protected void forgetMail() {
        deliverMail();
        mail.reset();
    }

    /**
     * Ends the programmes a test started over the API: their open tasks, all made at the same frozen time, would
     * otherwise crowd the Tasklist lists of later tests (the browser test's among them).
     */
    @AfterEach
    void endStartedProgrammes() {
        for (long id : startedProgrammes) {
            String processInstanceId = programmeTables.sql("select process_instance_id from programme where id = :id")
                    .param("id", id).query(String.class).single();
            if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
                engine.getRuntimeService().deleteProcessInstance(processInstanceId, "test over");
            }
            programmeTables.sql("update programme set completed_at = current_timestamp where id = :id")
                    .param("id", id).update();
        }
        startedProgrammes.clear();
    }

    /**
     * Starts a programme for 2026/2027 over the API as the curator, in the test coordinator's municipality, ended
     * again after the test; returns its id.
     */
    protected long startProgrammeOverApi(String schoolName, String... forms) {
        String formsJson = Arrays.stream(forms).map(f -> "\"" + f + "\"").collect(Collectors.joining(", "));
        HttpResponse<String> created = RestClient.as(port, "curator", PASSWORD).post("/api/programmes", """
                {"schoolName": "%s", "schoolYear": "2026/2027", "forms": [%s], "curatorId": "curator",
                 "deputyDirectorId": "deputy", "directorId": "director", "municipalityId": %d}
                """.formatted(schoolName, formsJson, testMunicipality));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id;
        try {
            id = new ObjectMapper().readTree(created.body()).get("id").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startedProgrammes.add(id);
        return id;
    }

    @AfterEach
    void resetClockAndAuthentication() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    protected void ensureUser(String id, String group) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(id).count() > 0) {
            // Wrong-password tests lock a user, and with the engine clock frozen the lock would never expire.
            identity.unlockUser(id);
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Тестовый");
        user.setEmail(id + "@school.test");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    /** Adds the user to the school's group of the role, as an administrator does in Camunda Admin. */
    protected void joinSchool(long programmeId, String userId, String role) {
        long school = programmeTables.sql("select school_id from programme where id = :id").param("id", programmeId)
                .query(Long.class).single();
        String group = Groups.atSchool(role, school);
        if (engine.getIdentityService().createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
            engine.getIdentityService().createMembership(userId, group);
        }
    }

    /** Acts as this user in the following engine and service calls, as the REST filters would set it. */
    protected void loginAs(String userId) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(g -> g.getId()).toList();
        identity.setAuthentication(userId, groups);
    }

    /** Completes a task as this user, as Tasklist would, with the form's values. */
    protected void complete(Task task, String userId, Map<String, Object> variables) {
        loginAs(userId);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Sets the engine clock (and so the product's "today") to a school-local time. */
    protected static void clockAt(LocalDateTime schoolTime) {
        ClockUtil.setCurrentTime(Date.from(schoolTime.atZone(SCHOOL_ZONE).toInstant()));
    }

    /** A programme request for 2026/2027 at a school name no other test uses, naming the test school's heads. */
    protected static ProgrammeRequest programmeRequest() {
        return new ProgrammeRequest("Школа № " + UUID.randomUUID().toString().substring(0, 8), "2026/2027",
                List.of("pupil-pupil"), "curator", List.of()).withSchoolHeads("deputy", "director");
    }
}
