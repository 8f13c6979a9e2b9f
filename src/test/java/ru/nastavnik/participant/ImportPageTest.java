package ru.nastavnik.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.security.Groups;

/**
 * The upload pages opened from Tasklist tasks (participant questionnaires, stage 5 preference questionnaires): only
 * with a Tasklist session, the upload only with the session's CSRF token, and the import's answer in Russian
 * (counts, or every bad row and nothing stored).
 */
class ImportPageTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** A curator of its own, so that these programmes' tasks do not crowd the Tasklist of "curator". */
    private static final String IMPORT_CURATOR = "curator-import";

    @Autowired
    JdbcClient jdbc;

    private RestClient curatorApi;
    private long programme;

    @BeforeEach
    void setUp() throws Exception {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        ensureUser(IMPORT_CURATOR, Groups.CURATOR);
        curatorApi = RestClient.as(port, IMPORT_CURATOR, PASSWORD);
        // Started by "curator", who so joins the school too: the shared helpers import as "curator".
        HttpResponse<String> created = RestClient.as(port, "curator", PASSWORD).post("/api/programmes", """
                {"schoolName": "Лицей %s", "schoolYear": "2026/2027",
                 "forms": ["pupil-pupil", "teacher-teacher", "teacher-pupil"], "curatorId": "%s"}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), IMPORT_CURATOR));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        programme = JSON.readTree(created.body()).get("id").asLong();
    }

    @Test
    void curatorUploadsThroughThePageAllOrNothing() throws Exception {
        Browser curator = Browser.loggedIn(port, IMPORT_CURATOR);
        String page = "/participants/import?programme=" + programme;

        HttpResponse<String> form = curator.get(page);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(form.body()).contains("Загрузка анкет участников", "type=\"file\"",
                "href=\"/api/templates/participants.xlsx\"", "Лицей ");
        String csrf = csrfField(form.body());
        assertThat(csrf).isEqualTo(curator.xsrfCookie());

        // A file with bad rows: every one listed, nothing stored.
        List<String> withBad = new ArrayList<>(ParticipantImporterTest.GOOD);
        withBad.add("Лебедева Анна;10.10.2012;Ученик;5А;;;;;Наставляемый;Ученик – ученик;Успеваемость;;;;;;;;;;Нет;;;");
        withBad.add("Смирнов Олег;01.01.2030;Ученик;12Ж;;;;;Наставляемый;Ученик – ученик;Успеваемость;;;;;;;;;;Да;;;");
        HttpResponse<String> refused = curator.upload(page, csrf, "плохие.csv",
                ParticipantImporterTest.csv(ParticipantImporterTest.withHeader(null, withBad), StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("ничего не загружено", "<th>Строка</th><th>Столбец</th><th>Ошибка</th>",
                "<tr><td>5</td>", "<tr><td>6</td>", "Нет согласия законного представителя", "ещё не наступила",
                "Класс");
        assertThat(JSON.readTree(curatorApi.get("/api/programmes/" + programme + "/participants").body())
                .get("total").asLong()).isZero();

        // A good file: the counts; the same file again: nothing new.
        byte[] good = ParticipantImporterTest.csv(ParticipantImporterTest.withHeader(null, ParticipantImporterTest.GOOD),
                StandardCharsets.UTF_8);
        HttpResponse<String> imported = curator.upload(page, csrf, "анкеты.csv", good);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("Файл «анкеты.csv» загружен", "<td id=\"imported\">3</td>",
                "<td id=\"updated\">0</td>", "<td id=\"unchanged\">0</td>");
        HttpResponse<String> again = curator.upload(page, csrf, "анкеты.csv", good);
        assertThat(again.body()).contains("<td id=\"imported\">0</td>", "<td id=\"unchanged\">3</td>");
        assertThat(JSON.readTree(curatorApi.get("/api/programmes/" + programme + "/participants").body())
                .get("total").asLong()).isEqualTo(3);

        // No file chosen, an unknown programme.
        assertThat(curator.upload(page, csrf, null, null).body()).contains("Выберите файл");
        HttpResponse<String> unknown = curator.get("/participants/import?programme=999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Программа 999999 не найдена");
    }

    @Test
    void refusesAnonymousForeignSitesAndMentors() throws Exception {
        byte[] good = ParticipantImporterTest.csv(ParticipantImporterTest.withHeader(null, ParticipantImporterTest.GOOD),
                StandardCharsets.UTF_8);
        refusesAnonymousForeignSitesAndMentors("/participants/import?programme=" + programme, good,
                "Загружать анкеты могут куратор");
        assertThat(JSON.readTree(curatorApi.get("/api/programmes/" + programme + "/participants").body())
                .get("total").asLong()).isZero();
    }

    @Test
    void curatorUploadsPreferencesThroughThePageAllOrNothing() throws Exception {
        Map<String, Long> ids = teachers();
        String mentee = name(ids, "Молодцова");
        String mentor = name(ids, "Опытнова");
        String candidate = name(ids, "Кандидатова");
        Browser curator = Browser.loggedIn(port, IMPORT_CURATOR);
        String page = "/preferences/import?programme=" + programme;

        HttpResponse<String> form = curator.get(page);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("<h1>Загрузка анкет предпочтений</h1>", "type=\"file\"",
                "action=\"/preferences/import?programme=" + programme + "\"",
                "href=\"/api/templates/preferences.xlsx\"", "Лицей ");
        String csrf = csrfField(form.body());

        // Every bad row listed, the good one among them not stored either.
        HttpResponse<String> refused = curator.upload(page, csrf, "плохие.csv", preferences(
                mentee + ";;" + mentor + ";",
                "Неизвестный Человек;;" + mentor + ";",
                mentor + ";;" + mentor + ";"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("ничего не загружено", "Исправьте ошибки (2)",
                "<th>Строка</th><th>Столбец</th><th>Ошибка</th>",
                "<tr><td>3</td><td>ФИО</td><td>&laquo;Неизвестный Человек&raquo; нет среди участников программы",
                "<tr><td>4</td><td>Хочу в пару с</td><td>Участник не может назвать самого себя");
        assertThat(wishes()).isEmpty();

        HttpResponse<String> imported = curator.upload(page, csrf, "предпочтения.csv", preferences(
                mentee + ";;" + mentor + ", " + candidate + ";",
                mentor + ";;;" + mentee));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("Файл «предпочтения.csv» загружен", "<td id=\"participants\">2</td>",
                "<td id=\"preferred\">2</td>", "<td id=\"avoid\">1</td>", "Загрузить ещё файл");
        assertThat(wishes()).containsExactlyInAnyOrder(
                ids.get(mentee) + " prefer " + ids.get(mentor),
                ids.get(mentee) + " prefer " + ids.get(candidate),
                ids.get(mentor) + " avoid " + ids.get(mentee));
    }

    @Test
    void preferencesPageRefusesAnonymousForeignSitesAndMentors() throws Exception {
        Map<String, Long> ids = teachers();
        byte[] good = preferences(name(ids, "Молодцова") + ";;" + name(ids, "Опытнова") + ";");
        refusesAnonymousForeignSitesAndMentors("/preferences/import?programme=" + programme, good,
                "Загружать анкеты предпочтений могут куратор");
        assertThat(wishes()).isEmpty();
    }

    /** Nothing but a Tasklist user of the editors' groups, posting the session's CSRF token, gets the file in. */
    private void refusesAnonymousForeignSitesAndMentors(String page, byte[] good, String forbidden) throws Exception {
        Browser anonymous = Browser.anonymous(port);
        HttpResponse<String> notLoggedIn = anonymous.get(page);
        assertThat(notLoggedIn.statusCode()).isEqualTo(401);
        assertThat(notLoggedIn.body()).contains("Войдите в Tasklist");
        assertThat(anonymous.upload(page, "guess", "анкеты.csv", good).statusCode()).isEqualTo(401);

        // Logged in, but the post does not carry the session's token (another site's form): refused.
        Browser curator = Browser.loggedIn(port, IMPORT_CURATOR);
        HttpResponse<String> forged = curator.upload(page, null, "анкеты.csv", good);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("файл не принят");
        assertThat(curator.upload(page, "wrong-token", "анкеты.csv", good).statusCode()).isEqualTo(403);

        Browser mentor = Browser.loggedIn(port, "mentor1");
        HttpResponse<String> mentorPage = mentor.get(page);
        assertThat(mentorPage.statusCode()).isEqualTo(403);
        assertThat(mentorPage.body()).contains(forbidden);
        assertThat(mentor.upload(page, mentor.xsrfCookie(), "анкеты.csv", good).statusCode()).isEqualTo(403);
    }

    /** A young teacher (mentee), an experienced one (mentor) and a mentor candidate, with consent: ids by name. */
    private Map<String, Long> teachers() {
        return TestParticipants.importRows(port, programme, List.of(
                TestParticipants.mentee(TestParticipants.unique("Молодцова") + " Дарья"),
                TestParticipants.mentor(TestParticipants.unique("Опытнова") + " Галина", "galina@school.ru"),
                TestParticipants.candidate(TestParticipants.unique("Кандидатова") + " Нина", "nina@school.ru")));
    }

    private static String name(Map<String, Long> ids, String surname) {
        return ids.keySet().stream().filter(n -> n.startsWith(surname)).findFirst().orElseThrow();
    }

    private static byte[] preferences(String... rows) {
        return ("ФИО;Класс;Хочу в пару с;Не хочу в пару с\r\n" + String.join("\r\n", rows))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The programme's stored wishes as «person kind other». */
    private List<String> wishes() {
        return jdbc.sql("select person_id, kind, other_person_id from matching_preference where programme_id = :p")
                .param("p", programme)
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3)).list();
    }

    private static String csrfField(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        assertThat(m.find()).as("the page's form carries the CSRF token: %s", html).isTrue();
        return m.group(1);
    }

    /** An HTTP client with cookies that logs into Tasklist as the Tasklist app does. */
    record Browser(int port, CookieManager cookies, HttpClient http) {

        static Browser anonymous(int port) {
            CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            return new Browser(port, cookies, HttpClient.newBuilder().cookieHandler(cookies).build());
        }

        static Browser loggedIn(int port, String user) throws Exception {
            Browser b = anonymous(port);
            b.http.send(HttpRequest.newBuilder(b.uri("/camunda/app/tasklist/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> login = b.http.send(HttpRequest.newBuilder(
                            b.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", b.xsrfCookie())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // The login starts a new session; Tasklist's next call gets its CSRF token, as in the browser.
            b.http.send(HttpRequest.newBuilder(b.uri("/camunda/app/tasklist/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return b;
        }

        String xsrfCookie() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).reduce((first, latest) -> latest).orElseThrow();
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** A browser's multipart form post: the hidden csrf field (if any) and the file (if any). */
        HttpResponse<String> upload(String path, String csrf, String filename, byte[] content) throws Exception {
            String boundary = "----nastavnik" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (csrf != null) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + (filename == null ? "" : filename) + "\"\r\nContent-Type: "
                    + (filename == null ? "application/octet-stream" : "text/csv") + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            if (content != null) {
                body.writeBytes(content);
            }
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
