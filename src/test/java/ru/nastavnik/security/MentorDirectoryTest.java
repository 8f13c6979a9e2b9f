package ru.nastavnik.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.WebappSession;

/** A mentor's REST calls: no other mentor's email visible, no change to their own name or email. */
class MentorDirectoryTest extends IntegrationTest {

    @Test
    void aMentorSeesThemselvesAndStaffButNoOtherMentor() throws Exception {
        ensureUser("mentor2", Groups.MENTOR);
        List<String> seen = new ArrayList<>();
        for (HttpResponse<String> answer : List.of(
                RestClient.as(port, "mentor1", PASSWORD).get("/engine-rest/user?maxResults=1000"),
                RestClient.as(port, "mentor1", PASSWORD).get("/engine-rest/user;x/"),
                WebappSession.loggedIn(port, "mentor1", PASSWORD).get("/camunda/api/engine/engine/default/user"))) {
            assertThat(answer.statusCode()).isEqualTo(200);
            for (JsonNode user : new ObjectMapper().readTree(answer.body())) {
                seen.add(user.get("id").asText());
            }
        }
        assertThat(seen).contains("mentor1", "curator", "director").doesNotContain("mentor2", "admin");
        assertThat(RestClient.as(port, "mentor1", PASSWORD).get("/engine-rest/user/mentor2/profile").statusCode())
                .isIn(403, 404);
        assertThat(RestClient.as(port, "mentor1", PASSWORD).get("/engine-rest/user/count").body()).isNotBlank();
    }

    @Test
    void aMentorCannotRedirectTheirMailButChangesTheirPassword() {
        String email = engine.getIdentityService().createUserQuery().userId("mentor1").singleResult().getEmail();
        RestClient mentor = RestClient.as(port, "mentor1", PASSWORD);
        for (String path : List.of("/engine-rest/user/mentor1/profile", "/engine-rest/user/mentor1/profile/",
                "/engine-rest/user/mentor1/profile;x")) {
            HttpResponse<String> change = mentor.put(path,
                    "{\"id\": \"mentor1\", \"firstName\": \"Иван\", \"lastName\": \"Тестовый\", \"email\": \"me@evil.test\"}");
            assertThat(change.statusCode()).as(path).isBetween(400, 499);
        }
        WebappSession tasklist = WebappSession.loggedIn(port, "mentor1", PASSWORD);
        HttpResponse<String> viaTasklist = tasklist.put("/camunda/api/engine/engine/default/user/mentor1/profile",
                "{\"id\": \"mentor1\", \"firstName\": \"mentor1\", \"lastName\": \"Тестовый\", \"email\": \"me@evil.test\"}");
        assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(400);
        assertThat(viaTasklist.body()).contains("меняет куратор");
        User stored = engine.getIdentityService().createUserQuery().userId("mentor1").singleResult();
        assertThat(stored.getEmail()).isEqualTo(email);
        assertThat(stored.getFirstName()).isEqualTo("mentor1");

        HttpResponse<String> password = mentor.put("/engine-rest/user/mentor1/credentials",
                "{\"password\": \"Новый-пароль-1\", \"authenticatedUserPassword\": \"" + PASSWORD + "\"}");
        assertThat(password.statusCode()).as(password.body()).isEqualTo(204);
        assertThat(engine.getIdentityService().checkPassword("mentor1", "Новый-пароль-1")).isTrue();
        User restored = engine.getIdentityService().createUserQuery().userId("mentor1").singleResult();
        restored.setPassword(PASSWORD);
        engine.getIdentityService().saveUser(restored);
    }

    @Test
    void theAdministratorStillChangesAMentorsEmail() {
        HttpResponse<String> change = RestClient.as(port, "admin", "admin-test").put(
                "/engine-rest/user/mentor1/profile",
                "{\"id\": \"mentor1\", \"firstName\": \"mentor1\", \"lastName\": \"Тестовый\", \"email\": \"new@school.test\"}");
        try {
            assertThat(change.statusCode()).as(change.body()).isEqualTo(204);
            assertThat(engine.getIdentityService().createUserQuery().userId("mentor1").singleResult().getEmail())
                    .isEqualTo("new@school.test");
        } finally {
            User mentor = engine.getIdentityService().createUserQuery().userId("mentor1").singleResult();
            mentor.setEmail("mentor1@school.test");
            engine.getIdentityService().saveUser(mentor);
        }
    }
}
