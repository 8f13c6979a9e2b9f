package ru.nastavnik;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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

    @BeforeEach
    void initEngineAndUsers() {
        BpmnAwareTests.init(engine);
        engine.getIdentityService().clearAuthentication();
        ensureUser("curator", Groups.CURATOR);
        ensureUser("deputy", Groups.DEPUTY_DIRECTOR);
        ensureUser("director", Groups.DIRECTOR);
        ensureUser("mentor1", Groups.MENTOR);
        ensureUser("coordinator", Groups.COORDINATOR);
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

    /** Acts as this user in the following engine and service calls, as the REST filters would set it. */
    protected void loginAs(String userId) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(g -> g.getId()).toList();
        identity.setAuthentication(userId, groups);
    }

    /** Sets the engine clock (and so the product's "today") to a school-local time. */
    protected static void clockAt(LocalDateTime schoolTime) {
        ClockUtil.setCurrentTime(Date.from(schoolTime.atZone(SCHOOL_ZONE).toInstant()));
    }

    /** A programme request for 2026/2027 at a school name no other test uses. */
    protected static ProgrammeRequest programmeRequest() {
        return new ProgrammeRequest("Школа № " + UUID.randomUUID().toString().substring(0, 8), "2026/2027",
                List.of("pupil-pupil"), "curator", List.of());
    }
}
