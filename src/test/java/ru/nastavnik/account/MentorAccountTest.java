package ru.nastavnik.account;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.security.Groups;

/** A mentor's account: the one-time link by email, the public password page, login, reuse and expiry. */
class MentorAccountTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https?://\\S+(/account/password\\?token=[A-Za-z0-9_-]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private RestClient curator;
    private long programme;
    private String school;
    private String mentorName;
    private String mentorEmail;
    private Map<String, Long> ids;
    private String candidateName;

    @BeforeEach
    void setUp() throws Exception {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        curator = RestClient.as(port, "curator", PASSWORD);
        school = "Школа " + UUID.randomUUID().toString().substring(0, 8);
        programme = startProgrammeOverApi(school, "teacher-teacher");
        mentorName = TestParticipants.unique("Щукина") + " Ёлка Юрьевна";
        mentorEmail = "m" + UUID.randomUUID().toString().substring(0, 8) + "@school.test";
        candidateName = TestParticipants.unique("Кандидатов") + " Иван";
        ids = TestParticipants.importRows(port, programme, List.of(TestParticipants.mentor(mentorName, mentorEmail),
                TestParticipants.candidate(candidateName, "c" + UUID.randomUUID().toString().substring(0, 8)
                        + "@school.test")));
    }

    @Test
    void aMentorSetsTheFirstPasswordThroughAOneTimeLinkAndLogsIn() throws Exception {
        String linkPath = "/api/programmes/" + programme + "/participants/" + ids.get(mentorName) + "/account-link";
        assertThat(RestClient.as(port, "mentor1", PASSWORD).post(linkPath, "").statusCode()).isEqualTo(403);
        assertThat(curator.post("/api/programmes/" + programme + "/participants/" + ids.get(candidateName)
                + "/account-link", "").statusCode()).isEqualTo(409);

        HttpResponse<String> granted = curator.post(linkPath, "");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        String login = JSON.readTree(granted.body()).get("userId").asText();
        assertThat(login).matches("shchukina[a-z]+\\.elka").matches(AccountIds.WHITELIST);
        assertThat(engine.getIdentityService().createUserQuery().userId(login).memberOfGroup(Groups.MENTOR).count())
                .isOne();

        String mailText = lastMailTo(mentorEmail);
        assertThat(mailText).contains("Здравствуйте, Ёлка Юрьевна!", "Логин: " + login, "действует 72 ч");
        String page = link(mailText);

        HttpResponse<String> form = get(page);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(form.body()).contains("Задайте пароль", login);

        String token = page.substring(page.indexOf("token=") + 6);
        HttpResponse<String> weak = post(token, "короткий", "другой");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("слишком короткий", "не совпадают");

        String password = "Весна-2026-наставник";
        HttpResponse<String> set = post(token, password, password);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).contains("Пароль сохранён");
        assertThat(RestClient.as(port, login, password).get("/api/programmes").statusCode()).isEqualTo(200);

        HttpResponse<String> reused = get(page);
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("уже использована");
        assertThat(post(token, "Другой-пароль-123", "Другой-пароль-123").statusCode()).isEqualTo(410);
        assertThat(RestClient.as(port, login, "Другой-пароль-123").get("/api/programmes").statusCode()).isEqualTo(401);

        char last = token.charAt(token.length() - 1);
        HttpResponse<String> tampered = get("/account/password?token=" + token.substring(0, token.length() - 1)
                + (last == 'A' ? 'B' : 'A'));
        assertThat(tampered.statusCode()).isEqualTo(404);
        assertThat(tampered.body()).contains("Ссылка недействительна");
        assertThat(get("/account/password").statusCode()).isEqualTo(404);
        assertThat(get("/account/other").statusCode()).isEqualTo(404);
        assertThat(RestClient.anonymous(port).get("/api/programmes").statusCode()).isEqualTo(401);

        // A new link (the mentor forgot the password) expires after 72 hours of the engine clock.
        assertThat(curator.post(linkPath, "").statusCode()).isEqualTo(200);
        String second = link(lastMailTo(mentorEmail));
        assertThat(second).isNotEqualTo(page);
        clockAt(LocalDateTime.of(2026, 9, 18, 10, 1));
        HttpResponse<String> expired = get(second);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Срок действия ссылки истёк");
        assertThat(RestClient.as(port, login, password).get("/api/programmes").statusCode()).isEqualTo(200);

        // Withdrawing the consent ends the account.
        assertThat(curator.post("/api/programmes/" + programme + "/participants/" + ids.get(mentorName) + "/withdrawal",
                "{\"reason\": \"Заявление\", \"withdrawnBy\": \"self\"}").statusCode()).isEqualTo(200);
        assertThat(engine.getIdentityService().createUserQuery().userId(login).count()).isZero();
        assertThat(RestClient.as(port, login, password).get("/api/programmes").statusCode()).isEqualTo(401);
    }

    /** Stage 4's step used to fail in sendLink with SMTP away: now it succeeds and the link goes out later. */
    @Test
    void aMentorIsAppointedWhileTheMailServerIsDownAndTheLinkArrivesWhenItIsBack() throws Exception {
        mail.stop();
        HttpResponse<String> granted = curator.post("/api/programmes/" + programme + "/participants/"
                + ids.get(mentorName) + "/account-link", "");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(deliverMail()).isZero();

        mail.start();
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 5));
        assertThat(lastMailTo(mentorEmail)).contains("Логин: " + JSON.readTree(granted.body()).get("userId").asText());
    }

    @Test
    void loginsAreTransliteratedWhitelistedAndUnique() {
        assertThat(AccountIds.derive("Щукина Ёлка Юрьевна", null, id -> false)).isEqualTo("shchukina.elka");
        assertThat(AccountIds.derive("Кузнецова Елена", null, id -> id.equals("kuznetsova.elena")))
                .isEqualTo("kuznetsova.elena2");
        assertThat(AccountIds.derive("O'Нил-Петров Ян", null, id -> false)).isEqualTo("onil-petrov.ian");
        assertThat(AccountIds.derive("  ", "Anna.Smirnova@school.ru", id -> false)).isEqualTo("anna-smirnova");
        assertThat(AccountIds.derive("—", null, id -> false)).isEqualTo("mentor");
    }

    private String lastMailTo(String address) throws Exception {
        MimeMessage[] messages = receivedMail();
        List<MimeMessage> mine = Arrays.stream(messages).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertThat(mine).isNotEmpty();
        MimeMessage last = mine.get(mine.size() - 1);
        assertThat(last.getSubject()).isEqualTo("«Наставник»: задайте пароль для входа — " + school);
        return text(last);
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String token, String password, String repeat) throws Exception {
        String form = "token=" + enc(token) + "&password=" + enc(password) + "&repeat=" + enc(repeat);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/account/password"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
