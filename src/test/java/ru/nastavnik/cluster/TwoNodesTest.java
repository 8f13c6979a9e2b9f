package ru.nastavnik.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real app nodes (separate JVMs) on one database, as docker-compose runs them behind a balancer: a user
 * who logged into Tasklist on one node is served by the other, because sessions live in the database.
 */
class TwoNodesTest {

    private static final List<AppNode> nodes = new ArrayList<>();
    private static int port1;
    private static int port2;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "two-nodes"));
        String db = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db-" + System.nanoTime()) + ";AUTO_SERVER=TRUE";
        // The first node creates the schema and the demo data; the second joins it.
        nodes.add(AppNode.start(dir, "node1", node(db, "demo")).awaitReady());
        nodes.add(AppNode.start(dir, "node2", node(db, "default")).awaitReady());
        port1 = nodes.get(0).port();
        port2 = nodes.get(1).port();
    }

    private static String[] node(String db, String profile) {
        return new String[] {"--spring.profiles.active=" + profile, "--spring.datasource.url=" + db,
                "--camunda.bpm.admin-user.password=demo", "--camunda.bpm.job-execution.enabled=true",
                "--nastavnik.mail.mode=log"};
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (AppNode node : nodes) {
            node.stop();
        }
    }

    @Test
    void aTasklistSessionFromOneNodeIsValidOnTheOther() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

        // As Tasklist does: open the app (which hands out the CSRF token), then log in with the token.
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port1 + "/camunda/app/tasklist/")).GET()
                .build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port1 + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=curator&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        // Cookies do not depend on the port: the second node gets the session made by the first.
        HttpResponse<String> tasks = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port2 + "/camunda/api/engine/engine/default/task")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        assertThat(tasks.body()).contains("Информирование педагогов");

        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port2 + "/api/programmes")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains("(демо)");

        String csrf = csrfToken(cookies);
        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port2 + "/camunda/api/admin/auth/user/default/logout"))
                .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(200);
        HttpResponse<String> afterLogout = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port1 + "/api/programmes")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterLogout.statusCode()).isEqualTo(401);
    }

    private static String csrfToken(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, latest) -> latest).orElseThrow();
    }
}
