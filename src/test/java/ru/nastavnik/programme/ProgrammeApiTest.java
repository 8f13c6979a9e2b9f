package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.shared.InputText;

/** POST /api/programmes and the roadmap endpoints over real HTTP, with the JSON a script would send. */
class ProgrammeApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RoadmapService roadmapService;

    private RestClient curator;
    private String school;

    @BeforeEach
    void setUp() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        curator = RestClient.as(port, "curator", PASSWORD);
        school = "Лицей " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRoadmapTitleCannotBecomeALinkOrAnImageInTheForms() throws Exception {
        String hostile = "[Откройте приказ](http://evil.example/login) ![x](http://evil.example/a.png) <b>жирный</b>";
        HttpResponse<String> created = curator.post("/api/programmes", """
                {"schoolName": "%s", "schoolYear": "2026/2027", "forms": ["pupil-pupil"], "curatorId": "curator",
                 "roadmapOverrides": [{"code": "1.1", "title": "%s"}]}""".formatted(school, hostile));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        String summary = roadmapService.summary(id);
        assertThat(summary).contains(InputText.markdown(hostile)).doesNotContain("](http", "<b>", "![");
    }

    @Test
    void startsAProgrammeAndListsItsRoadmap() throws Exception {
        HttpResponse<String> created = curator.post("/api/programmes", """
                {"schoolName": "%s", "schoolYear": "2026/2027", "forms": ["pupil-pupil", "teacher-teacher"],
                 "curatorId": "curator",
                 "roadmapOverrides": [{"code": "2.1", "startDate": "2026-10-01", "dueDate": "2026-10-31"}]}
                """.formatted(school));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode programme = JSON.readTree(created.body());
        long id = programme.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/programmes/" + id);
        assertThat(programme.get("currentStage").asInt()).isEqualTo(1);

        JsonNode roadmap = JSON.readTree(curator.get("/api/programmes/" + id + "/roadmap").body());
        assertThat(roadmap).hasSize(35);
        JsonNode first = roadmap.get(0);
        assertThat(first.get("code").asText()).isEqualTo("1.1");
        assertThat(first.get("stage").asInt()).isEqualTo(1);
        assertThat(first.get("dueDate").asText()).isEqualTo("2026-10-31");
        assertThat(first.get("responsibleGroup").asText()).isEqualTo("deputy-director");
        assertThat(first.get("status").asText()).isEqualTo("active");
        assertThat(first.has("title")).isTrue();
        JsonNode overridden = roadmap.get(4);
        assertThat(overridden.get("code").asText()).isEqualTo("2.1");
        assertThat(overridden.get("dueDate").asText()).isEqualTo("2026-10-31");
        assertThat(overridden.get("status").asText()).isEqualTo("planned");

        HttpResponse<String> moved = curator.patch("/api/programmes/" + id + "/roadmap/1.3",
                "{\"startDate\": \"2026-10-15\", \"dueDate\": \"2026-11-15\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).get("dueDate").asText()).isEqualTo("2026-11-15");

        HttpResponse<String> twice = curator.post("/api/programmes", """
                {"schoolName": "%s", "schoolYear": "2026/2027", "forms": ["pupil-pupil"], "curatorId": "curator"}
                """.formatted(school));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("уже запущена");
    }

    @Test
    void reportsEveryProblemOfABadRequestAtOnceAndStoresNothing() throws Exception {
        int before = JSON.readTree(curator.get("/api/programmes").body()).size();
        HttpResponse<String> refused = curator.post("/api/programmes", """
                {"schoolName": " ", "schoolYear": "2026-2027", "forms": ["pupil-pupil", "robots"],
                 "curatorId": "mentor1",
                 "roadmapOverrides": [{"code": "9.9"}, {"code": "1.2", "startDate": "2026-11-10", "dueDate": "2026-11-01"}]}
                """);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("message").asText()).isEqualTo("Данные не приняты: исправьте ошибки");
        assertThat(body.get("errors").findValuesAsText("field")).contains("schoolName", "schoolYear", "forms",
                "curatorId", "roadmapOverrides[0].code", "roadmapOverrides[1]");
        assertThat(refused.body()).contains("не входит в группу «Куратор»").contains("robots");
        assertThat(JSON.readTree(curator.get("/api/programmes").body())).hasSize(before);

        HttpResponse<String> unreadable = curator.post("/api/programmes", "{\"schoolName\": ");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("не удалось прочитать");
    }

    @Test
    void refusesControlCharactersInvisibleDuplicatesAndImplausibleYears() throws Exception {
        int before = JSON.readTree(curator.get("/api/programmes").body()).size();
        HttpResponse<String> nul = curator.post("/api/programmes", """
                {"schoolName": "%s\\u0000", "schoolYear": "2026/2027", "forms": ["pupil-pupil"], "curatorId": "curator"}
                """.formatted(school));
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(JSON.readTree(nul.body()).get("errors").get(0).get("message").asText())
                .isEqualTo("Поле «Название школы» содержит недопустимые символы");
        assertThat(JSON.readTree(nul.body()).get("errors").get(0).get("field").asText()).isEqualTo("schoolName");
        HttpResponse<String> escape = curator.post("/api/programmes", """
                {"schoolName": "%s", "schoolYear": "2026/2027", "forms": ["pupil-pupil"], "curatorId": "curator",
                 "roadmapOverrides": [{"code": "2.1", "title": "\\u001b[31mкрасный"}]}
                """.formatted(school));
        assertThat(escape.statusCode()).as(escape.body()).isEqualTo(400);
        assertThat(escape.body()).contains("roadmapOverrides[0].title", "содержит недопустимые символы");
        assertThat(JSON.readTree(curator.get("/api/programmes").body())).hasSize(before);

        HttpResponse<String> nothingButSpaces = curator.post("/api/programmes", """
                {"schoolName": "\\u00a0\\u00a0\\u200b", "schoolYear": "2026/2027", "forms": ["pupil-pupil"],
                 "curatorId": "curator"}""");
        assertThat(nothingButSpaces.statusCode()).isEqualTo(400);
        assertThat(nothingButSpaces.body()).contains("Укажите образовательную организацию");

        long id = startProgrammeOverApi(school.replace(" ", "  "), "pupil-pupil");
        assertThat(JSON.readTree(curator.get("/api/programmes/" + id).body()).get("schoolName").asText())
                .isEqualTo(school);
        for (String variant : new String[] {school.replace(" ", "\\u00a0"), "\\u200b" + school + "\\ufeff",
                school.replace("й", "и\\u0306").replace(" ", " \\u200d"), school.toUpperCase()}) {
            HttpResponse<String> twin = curator.post("/api/programmes", """
                    {"schoolName": "%s", "schoolYear": "2026/2027", "forms": ["pupil-pupil"], "curatorId": "curator"}
                    """.formatted(variant));
            assertThat(twin.statusCode()).as(variant + ": " + twin.body()).isEqualTo(409);
        }

        HttpResponse<String> ancient = curator.post("/api/programmes", """
                {"schoolName": "%s", "schoolYear": "0000/0001", "forms": ["pupil-pupil"], "curatorId": "curator"}
                """.formatted(school + " 2"));
        assertThat(ancient.statusCode()).isEqualTo(400);
        assertThat(ancient.body()).contains("Учебный год 0000/0001 не подходит", "от 2025/2026 до 2028/2029");
        assertThat(JSON.readTree(curator.get("/api/programmes").body())).hasSize(before + 1);
    }

    @Test
    void onlyProgrammeManagersStartProgrammes() {
        HttpResponse<String> refused = RestClient.as(port, "mentor1", PASSWORD).post("/api/programmes", """
                {"schoolName": "%s", "schoolYear": "2026/2027", "forms": ["pupil-pupil"], "curatorId": "curator"}
                """.formatted(school));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Запускать программу могут");
        assertThat(curator.get("/api/programmes/999999").statusCode()).isEqualTo(404);
        assertThat(curator.get("/api/forms-of-mentorship").body()).contains("pupil-pupil").contains("Ученик – ученик");
    }
}
