package ru.nastavnik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;

/** POST /api/matching/solve over real HTTP: the README's example, access, and a refusal. */
class MatchingApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String EXAMPLE = """
            {
              "mentees": [
                {"id": "m1", "name": "Иванова Анна", "form": "pupil-pupil", "schoolClass": "6А",
                 "subjects": ["математика"], "interests": ["шахматы"],
                 "requests": ["academic-performance", "olympiads"], "consent": true,
                 "averageGrade": 3.2, "activity": 2, "anxiety": 4, "preferred": ["t1"]},
                {"id": "m2", "name": "Сидоров Олег", "form": "pupil-pupil", "schoolClass": "7Б",
                 "requests": ["sport"], "consent": true, "avoid": ["t2"]},
                {"id": "m3", "name": "Орлова Мария", "form": "teacher-teacher", "experienceYears": 1,
                 "subjects": ["физика"], "sameSubject": true, "requests": ["young-specialist"], "consent": true}
              ],
              "mentors": [
                {"id": "t1", "name": "Петров Пётр", "form": "pupil-pupil", "schoolClass": "9Б",
                 "subjects": ["математика"], "competencies": ["academic-performance", "olympiads"],
                 "consent": true, "averageGrade": 4.8, "activity": 5, "capacity": 2, "preferred": ["m1"]},
                {"id": "t2", "name": "Кузнецова Ольга", "form": "pupil-pupil", "schoolClass": "10А",
                 "competencies": ["sport"], "consent": true, "capacity": 1},
                {"id": "t3", "name": "Смирнова Елена", "form": "teacher-teacher", "experienceYears": 12,
                 "subjects": ["химия"], "competencies": ["young-specialist"], "consent": true}
              ],
              "pinned": [],
              "forbidden": [{"mentee": "m2", "mentor": "t1"}]
            }
            """;

    @Test
    void solvesTheReadmeExample() throws Exception {
        HttpResponse<String> response = RestClient.as(port, "curator", PASSWORD).post("/api/matching/solve", EXAMPLE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/groups/0/mentorId").asText()).isEqualTo("t1");
        assertThat(body.at("/groups/0/kind").asText()).isEqualTo("pair");
        assertThat(body.at("/groups/0/mentees/0/menteeId").asText()).isEqualTo("m1");
        assertThat(body.at("/groups/0/mentees/0/score").asInt()).isEqualTo(44);
        assertThat(body.at("/groups/0/mentees/0/reasons/0").asText())
                .isEqualTo("закрывает запросы (2 из 2): Успеваемость, Олимпиады и конкурсы");
        assertThat(body.at("/unmatched").findValuesAsText("reason")).containsExactly(
                "все подходящие наставники (2) исключены: запрет куратора или просьба не ставить в пару",
                "нет наставника той же формы со стажем от 5 лет, преподающего тот же предмет (физика)");
        assertThat(body.at("/totals/matched").asInt()).isEqualTo(1);
        assertThat(body.at("/totals/optimal").asBoolean()).isTrue();
    }

    @Test
    void refusesAnOversizedInstanceWith413BeforeSolvingIt() throws Exception {
        RestClient curator = RestClient.as(port, "curator", PASSWORD);
        String mentees = java.util.stream.IntStream.range(0, 10_001)
                .mapToObj(i -> "{\"id\":\"m" + i + "\",\"form\":\"pupil-pupil\"}")
                .collect(java.util.stream.Collectors.joining(","));
        HttpResponse<String> tooMany = curator.post("/api/matching/solve",
                "{\"mentees\":[" + mentees + "],\"mentors\":[]}");
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(413);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(tooMany.body()).get("message").asText())
                .isEqualTo("Слишком много участников для одного подбора: наставляемых 10001 (можно не больше 10000), "
                        + "наставников 0 (можно не больше 3000). Разделите подбор на части, например по формам "
                        + "наставничества");

        assertThat(curator.post("/api/matching/solve", EXAMPLE).statusCode()).isEqualTo(200);
    }

    @Test
    void staffOnly() {
        assertThat(RestClient.as(port, "coordinator", PASSWORD).post("/api/matching/solve", EXAMPLE).statusCode())
                .isEqualTo(200);
        HttpResponse<String> mentor = RestClient.as(port, "mentor1", PASSWORD).post("/api/matching/solve", EXAMPLE);
        assertThat(mentor.statusCode()).isEqualTo(403);
        assertThat(mentor.body()).contains("Подбирать пары могут куратор");
        assertThat(RestClient.anonymous(port).post("/api/matching/solve", EXAMPLE).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesContradictionsWithEveryProblem() throws Exception {
        String body = EXAMPLE.replace("\"pinned\": []",
                "\"pinned\": [{\"mentee\": \"m2\", \"mentor\": \"t1\"}, {\"mentee\": \"m3\", \"mentor\": \"t3\"}]");
        HttpResponse<String> response = RestClient.as(port, "curator", PASSWORD).post("/api/matching/solve", body);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("pinned[0]", "pinned[1]");
        assertThat(errors.findValuesAsText("message")).containsExactly(
                "Закреплённая пара «Петров Пётр – Сидоров Олег» невозможна: эта же пара запрещена куратором",
                "Закреплённая пара «Смирнова Елена – Орлова Мария» невозможна: наставник не преподаёт предмет "
                        + "наставляемого (физика)");
    }
}
