package ru.nastavnik.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;

/**
 * The mentee's personal feedback link over real HTTP: the email (to the pupil and the legal representative), the
 * public page, the stored answer, and the refusals: a link used twice, tampered with, expired.
 */
class FeedbackLinkTest extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/feedback/[A-Za-z0-9_-]+)");

    @Autowired
    FeedbackService feedback;
    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private long programme;
    private Pair pair;
    private String mentorName;
    private String menteeName;

    @BeforeEach
    void pairWithAMinorMentee() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        programme = startProgrammeOverApi("Школа обратной связи " + TestParticipants.unique(""), "pupil-pupil");
        mentorName = TestParticipants.unique("Наставников") + " Пётр";
        menteeName = TestParticipants.unique("Ученикова") + " Анна";
        Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                TestPairs.pupil(mentorName, true, "petr@pupil.test", "petr-parent@mail.test"),
                TestPairs.pupil(menteeName, false, "anna@pupil.test", "anna-parent@mail.test")));
        pair = TestPairs.fix(orders, pairs, programme, Map.of(ids.get(mentorName), List.of(ids.get(menteeName))))
                .get(0);
        forgetMail();
    }

    @Test
    void theMenteeAnswersOnceThroughTheLinkFromTheEmail() throws Exception {
        assertThat(feedback.sendMenteeLinks(programme, pair.id())).isEqualTo(new FeedbackService.Sent(1, 0));

        MimeMessage sent = receivedMail()[0];
        assertThat(receivedMail()).hasSize(2);
        assertThat(Arrays.stream(sent.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactlyInAnyOrder("anna@pupil.test", "anna-parent@mail.test");
        assertThat(sent.getSubject()).startsWith("Обратная связь о работе с наставником");
        String text = text(sent);
        assertThat(text).contains(menteeName, "законный представитель", "до 30.04.2027 включительно");
        String path = link(text);

        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("<html lang=\"ru\">", "Обратная связь о работе с наставником", mentorName,
                "Что помогло?", "Чего не хватило?").doesNotContain("camunda", "tasklist", "/api/", menteeName);

        // A missing rating shows the form again with the message and what was typed; nothing is stored.
        HttpResponse<String> noRating = post(path, Map.of("helped", "Разбор задач <олимпиады>", "continue", "yes"));
        assertThat(noRating.statusCode()).isEqualTo(400);
        assertThat(noRating.body()).contains("Выберите оценку от 1 до 5", "Разбор задач &lt;олимпиады&gt;",
                "value=\"yes\" checked");
        assertThat(answers()).isZero();

        HttpResponse<String> stored = post(path, Map.of("rating", "5", "helped", "Разбор задач", "missing",
                "Больше встреч", "continue", "yes", "comment", "Спасибо!"));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.body()).contains("Ответ сохранён");

        // Used: the page and a second answer are refused, and the answer stays the only one.
        HttpResponse<String> again = post(path, Map.of("rating", "1", "continue", "no"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Ответ уже получен");
        assertThat(get(path).body()).contains("Ответ уже получен").doesNotContain("<form");
        assertThat(answers()).isEqualTo(1);

        // Staff read it; the mentor does not.
        HttpResponse<String> report = RestClient.as(port, "coordinator", PASSWORD)
                .get("/api/programmes/" + programme + "/feedback");
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(report.body());
        JsonNode answer = json.get("answers").get(0);
        assertThat(answer.get("fullName").asText()).isEqualTo(menteeName);
        assertThat(answer.get("role").asText()).isEqualTo("mentee");
        assertThat(answer.get("kind").asText()).isEqualTo("mentee");
        assertThat(answer.get("rating").asInt()).isEqualTo(5);
        assertThat(answer.get("helped").asText()).isEqualTo("Разбор задач");
        assertThat(answer.get("wouldContinue").asBoolean()).isTrue();
        assertThat(json.get("totals").get(0).get("sent").asLong()).isEqualTo(1);
        assertThat(json.get("totals").get(0).get("answered").asLong()).isEqualTo(1);
        assertThat(RestClient.as(port, "mentor1", PASSWORD).get("/api/programmes/" + programme + "/feedback")
                .statusCode()).isEqualTo(403);
        assertThat(RestClient.anonymous(port).get("/api/programmes/" + programme + "/feedback").statusCode())
                .isEqualTo(401);

        // Who answered gets no second link.
        assertThat(feedback.sendMenteeLinks(programme, pair.id())).isEqualTo(new FeedbackService.Sent(0, 0));
    }

    @Test
    void aTamperedLinkIsUnknown() throws Exception {
        feedback.sendMenteeLinks(programme, pair.id());
        String path = link(text(receivedMail()[0]));
        String tampered = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");

        HttpResponse<String> page = get(tampered);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Ссылка недействительна").doesNotContain("<form");
        assertThat(post(tampered, Map.of("rating", "4", "continue", "yes")).statusCode()).isEqualTo(404);
        assertThat(get("/feedback/" + "x".repeat(200)).statusCode()).isEqualTo(404);
        assertThat(answers()).isZero();
        // The real link still works.
        assertThat(post(path, Map.of("rating", "4", "continue", "yes")).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        feedback.sendMenteeLinks(programme, pair.id());
        String path = link(text(receivedMail()[0]));

        clockAt(LocalDateTime.of(2027, 4, 30, 23, 59));
        assertThat(get(path).statusCode()).isEqualTo(200);
        clockAt(LocalDateTime.of(2027, 5, 1, 0, 0));
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Срок действия ссылки истёк", "30.04.2027").doesNotContain("<form");
        assertThat(post(path, Map.of("rating", "3", "continue", "no")).statusCode()).isEqualTo(410);
        assertThat(answers()).isZero();
    }

    private long answers() {
        return jdbc.sql("select count(*) from feedback_answer where pair_id = :pair").param("pair", pair.id())
                .query(Long.class).single();
    }

    private static String link(String mailText) {
        Matcher m = LINK.matcher(mailText);
        assertThat(m.find()).as(mailText).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
