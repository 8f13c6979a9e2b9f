package ru.nastavnik.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;

/** What a visitor leaves behind: the product's answers are never cached or framed; an anonymous visit stores nothing. */
class HeadersAndSessionsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void apiAnswersAndProductPagesAreNeverCachedSniffedOrFramed() {
        RestClient curator = RestClient.as(port, "curator", PASSWORD);
        assertProtected(curator.get("/api/programmes"), 200);
        assertProtected(RestClient.anonymous(port).get("/api/programmes"), 401);
        assertProtected(curator.post("/api/programmes", "{\"schoolName\": \"a\u0000\"}"), 400);
        assertProtected(curator.get("/api/no-such-thing"), 404);
        assertProtected(curator.get("/participants/import?task=none"), -1);
    }

    private static void assertProtected(HttpResponse<String> response, int status) {
        if (status > 0) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        }
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void anonymousVisitsStoreNoLastingSessionAndTheTasklistLoginStillWorks() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        int before = lastingSessions();
        int rowsBefore = rows();

        for (String path : new String[] {"/", "/api/programmes", "/favicon.ico"}) {
            send(browser, HttpRequest.newBuilder(uri(path)).GET());
        }
        assertThat(rows()).as("no row for the index, the API or the product's static files").isEqualTo(rowsBefore);

        // Camunda's webapp (its pages and its static files) keeps a CSRF token in the session: stored briefly, so
        // that the login, on whichever node, finds it.
        send(browser, HttpRequest.newBuilder(uri("/camunda/lib/deps.js")).GET());
        send(browser, HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET());
        assertThat(lastingSessions()).isEqualTo(before);
        assertThat(jdbc.sql("select max(max_inactive_interval) from spring_session where session_id not in "
                + "(select session_id from spring_session_attributes where attribute_name = 'authenticatedUser')")
                .query(Integer.class).optional().orElse(0)).isLessThanOrEqualTo(120);

        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(
                        uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=curator&password=" + PASSWORD)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(lastingSessions()).as("the login stores exactly one session").isEqualTo(before + 1);

        HttpResponse<String> me = send(browser, HttpRequest.newBuilder(uri("/api/programmes")).GET());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        HttpResponse<String> user = send(browser, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
        assertThat(user.body()).contains("\"userId\":\"curator\"");
        assertThat(lastingSessions()).isEqualTo(before + 1);
    }

    private int rows() {
        return jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
    }

    /** Sessions stored for longer than an anonymous one may be: the logged-in ones. */
    private int lastingSessions() {
        return jdbc.sql("select count(*) from spring_session where max_inactive_interval > 120")
                .query(Integer.class).single();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrfToken(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, latest) -> latest).orElseThrow();
    }
}
