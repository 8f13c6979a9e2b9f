package ru.nastavnik.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.WebappSession;

/**
 * CVE-2026-77226 from the attacker's side: with no direct member in camunda-admin (the case in which 7.24.0 CE
 * opens its first-run setup), a stranger's browser session tries every spelling of the setup endpoint; no
 * administrator appears.
 */
class AdminSetupClosedTest extends IntegrationTest {

    private static final List<String> SETUP_PATHS = List.of(
            "/camunda/api/admin/setup/default/user/create",
            "/camunda/api/admin/setup/default/user/create/",
            "/camunda/api/admin/setup/default/user/create;x",
            "/camunda/api/admin/setup;x/default/user/create",
            "/camunda/api/admin//setup/default/user/create",
            "/camunda//api/admin/setup/default/user/create",
            "/camunda/api/admin/%73etup/default/user/create",
            "/camunda/api/admin/setup/default/user/%63reate",
            "/camunda/api/admin/x/../setup/default/user/create",
            "/camunda/api/admin/./setup/default/user/create",
            "/camunda/api/admin/SETUP/default/user/create");

    @Test
    void noSpellingOfTheSetupEndpointCreatesAnAdministrator() {
        IdentityService identity = engine.getIdentityService();
        List<User> admins = identity.createUserQuery().memberOfGroup(Groups.ADMIN).list();
        admins.forEach(admin -> identity.deleteMembership(admin.getId(), Groups.ADMIN));
        try {
            WebappSession stranger = WebappSession.anonymous(port);
            for (int i = 0; i < SETUP_PATHS.size(); i++) {
                String intruder = "intruder" + i;
                HttpResponse<String> answer = stranger.post(SETUP_PATHS.get(i), """
                        {"profile": {"id": "%s", "firstName": "I", "lastName": "N", "email": "i@evil.test"},
                         "credentials": {"password": "Intruder-123"}}""".formatted(intruder));
                assertThat(answer.statusCode()).as(SETUP_PATHS.get(i)).isBetween(400, 499);
                assertThat(identity.createUserQuery().userId(intruder).count()).as(SETUP_PATHS.get(i)).isZero();
            }
            HttpResponse<String> plain = stranger.post(SETUP_PATHS.get(0), "{}");
            assertThat(plain.statusCode()).isEqualTo(403);
            assertThat(plain.body()).contains("Первичная настройка администратора отключена");
            assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMIN).count()).isZero();
        } finally {
            admins.forEach(admin -> identity.createMembership(admin.getId(), Groups.ADMIN));
        }
    }
}
