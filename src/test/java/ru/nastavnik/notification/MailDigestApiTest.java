package ru.nastavnik.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;

/** Everyone chooses for themselves between the daily digest and each reminder as it comes. */
class MailDigestApiTest extends IntegrationTest {

    @Test
    void aPersonChoosesTheDigestAndBack() {
        RestClient mentor = RestClient.as(port, "mentor1", PASSWORD);
        try {
            // The tests' default is «none»: a mentor gets each reminder.
            assertThat(mentor.get("/api/me/mail-digest").body()).contains("\"digest\":\"default\"", "\"daily\":false");
            HttpResponse<String> daily = mentor.put("/api/me/mail-digest", "{\"digest\": \"daily\"}");
            assertThat(daily.statusCode()).as(daily.body()).isEqualTo(200);
            assertThat(daily.body()).contains("\"digest\":\"daily\"", "\"daily\":true");
            assertThat(engine.getIdentityService().getUserInfo("mentor1", MailDigest.USER_SETTING)).isEqualTo("daily");

            HttpResponse<String> wrong = mentor.put("/api/me/mail-digest", "{\"digest\": \"weekly\"}");
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("Укажите «daily»");
            assertThat(engine.getIdentityService().getUserInfo("mentor1", MailDigest.USER_SETTING)).isEqualTo("daily");

            assertThat(mentor.put("/api/me/mail-digest", "{\"digest\": \"default\"}").body())
                    .contains("\"digest\":\"default\"");
            assertThat(engine.getIdentityService().getUserInfo("mentor1", MailDigest.USER_SETTING)).isNull();
        } finally {
            engine.getIdentityService().deleteUserInfo("mentor1", MailDigest.USER_SETTING);
        }
    }
}
