package ru.nastavnik.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.WebappSession;

/**
 * A stranger hammering one account over HTTP, from their own address (the proxy's X-Forwarded-For, believed from
 * loopback as from the reverse proxy): the account is never locked, the stranger is slowed and bounded, and the
 * real user logs in at once, from elsewhere or from the same address right afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleApiTest extends IntegrationTest {

    private static final String STRANGER = "203.0.113.66";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStrangerCannotLockTheRealUserOut(CapturedOutput log) throws Exception {
        String account = newStaffAccount();
        // Far more than Camunda's own limit of 10, after which it locked the account for good.
        for (int i = 0; i < 14; i++) {
            assertThat(basic(account, "guess" + i, STRANGER).statusCode()).isEqualTo(401);
        }
        assertThat(log).contains("Wrong password for account '" + account + "' from " + STRANGER);
        assertThat(basic(account, PASSWORD, "198.51.100.20").statusCode()).as("from elsewhere").isEqualTo(200);
        assertThat(basic(account, PASSWORD, STRANGER).statusCode()).as("same address, afterwards").isEqualTo(200);
        assertThat(WebappSession.loggedIn(port, account, PASSWORD).get("/camunda/api/engine/engine/default/task")
                .statusCode()).as("Tasklist").isEqualTo(200);
    }

    @Test
    void aStrangersParallelGuessesAreMostlyRefusedUnchecked(CapturedOutput log) throws Exception {
        String account = newStaffAccount();
        String address = "203.0.113.77";
        for (int i = 0; i < 6; i++) {
            basic(account, "warm-up" + i, address);
        }
        int checkedBefore = checkedPasswords(account);
        // Each further wrong guess from this address is answered only after a delay, holding its place: of 12
        // sent at once, at most the address's 4 places are checked.
        List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            guesses.add(http.sendAsync(request("/engine-rest/task", account, "parallel" + i, address).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> guess : guesses) {
            assertThat(guess.get().statusCode()).isEqualTo(401);
        }
        assertThat(checkedPasswords(account) - checkedBefore).isBetween(1, 11);
        assertThat(log).contains("refused unchecked: too many attempts under way");
        assertThat(basic(account, PASSWORD, "198.51.100.21").statusCode()).isEqualTo(200);
    }

    /** How many wrong passwords the engine itself has checked for this account (Camunda counts them). */
    private int checkedPasswords(String account) {
        return jdbc.sql("select attempts_ from act_id_user where id_ = :id").param("id", account)
                .query(Integer.class).single();
    }

    private String newStaffAccount() {
        String id = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        ensureUser(id, "curator");
        return id;
    }

    private HttpResponse<String> basic(String user, String password, String address) throws Exception {
        return http.send(request("/engine-rest/task/count", user, password, address).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user, String password, String address) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", address)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
