package ru.nastavnik.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real app nodes (separate JVMs) on one database, as docker-compose runs them behind a balancer: a user
 * who logged into Tasklist on one node is served by the other, because sessions live in the database.
 */
class TwoNodesTest {

    private static final List<Process> nodes = new ArrayList<>();
    private static int port1;
    private static int port2;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "two-nodes"));
        String db = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db-" + System.nanoTime()) + ";AUTO_SERVER=TRUE";
        port1 = freePort();
        port2 = freePort();
        // The first node creates the schema and the demo data; the second joins it.
        nodes.add(start(dir, "node1", port1, db, "demo"));
        awaitReady(port1, nodes.get(0), dir.resolve("node1.log"));
        nodes.add(start(dir, "node2", port2, db, "default"));
        awaitReady(port2, nodes.get(1), dir.resolve("node2.log"));
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(Process::destroy);
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

    private static Process start(Path dir, String name, int port, String db, String profile) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire's class path ends with an empty entry (the working directory); a real node has none.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = List.of(java, "-Xmx512m", "-cp", classPath,
                "ru.nastavnik.NastavnikApplication",
                "--server.port=" + port,
                "--spring.profiles.active=" + profile,
                "--spring.datasource.url=" + db,
                "--camunda.bpm.admin-user.password=demo",
                "--camunda.bpm.job-execution.enabled=true",
                "--nastavnik.mail.mode=log");
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private static void awaitReady(int port, Process node, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!node.isAlive()) {
                throw new IllegalStateException("Node on port " + port + " died; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && Files.readString(log).contains("Наставник запущен")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Node on port " + port + " did not start in 120 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
