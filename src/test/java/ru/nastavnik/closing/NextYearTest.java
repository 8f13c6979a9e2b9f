package ru.nastavnik.closing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;

/** Next year's programme starts in one step from this year's long-term base and roadmap, never with the withdrawn. */
class NextYearTest extends IntegrationTest {

    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;
    @Autowired
    ClosingRecords records;
    @Autowired
    RoadmapService roadmap;
    @Autowired
    JdbcClient jdbc;

    @Test
    void startsFromTheLongTermBaseAndLastYearsRoadmapWithoutTheWithdrawn() throws Exception {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        String school = "Школа следующего года " + TestParticipants.unique("");
        long lastYear = startProgrammeOverApi(school, "pupil-pupil");
        RestClient curator = RestClient.as(port, "curator", PASSWORD);
        // The school had moved an item last year: the new year keeps it, a year on.
        jdbc.sql("update roadmap_item set title = 'Педсовет о наставничестве', start_date = :s, due_date = :d "
                        + "where programme_id = :p and code = '1.1'")
                .param("s", LocalDate.of(2026, 10, 5)).param("d", LocalDate.of(2026, 10, 16)).param("p", lastYear)
                .update();
        ClosingTestSchool people = new ClosingTestSchool(port, lastYear, orders, pairs);
        records.saveLongTermBase(lastYear, List.of(people.id("m1"), people.id("m2")), List.of(people.id("p1")),
                "curator");

        // While last year's programme runs, it cannot be continued.
        String request = """
                {"schoolName": "%s", "schoolYear": "2027/2028", "forms": ["pupil-pupil"], "curatorId": "curator",
                 "previousProgrammeId": %d}""".formatted(school, lastYear);
        clockAt(LocalDateTime.of(2027, 8, 20, 10, 0));
        HttpResponse<String> refused = curator.post("/api/programmes", request);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ещё не завершена");

        // Mentor m2 withdraws the consent after the base was formed.
        HttpResponse<String> withdrawn = curator.post("/api/programmes/" + lastYear + "/participants/"
                + people.id("m2") + "/withdrawal", """
                {"reason": "Переезд", "withdrawnBy": "representative"}""");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        jdbc.sql("update programme set completed_at = current_timestamp where id = :p").param("p", lastYear).update();

        HttpResponse<String> created = curator.post("/api/programmes", request);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long nextYear = new ObjectMapper().readTree(created.body()).get("id").asLong();
        endsAfterTest(nextYear);

        JsonNode base = new ObjectMapper().readTree(curator.get("/api/programmes/" + nextYear
                + "/participants?size=50").body()).get("items");
        assertThat(base).hasSize(2);
        assertThat(base.findValuesAsText("fullName")).containsExactlyInAnyOrder(people.name("m1"), people.name("p1"));
        assertThat(base.toString()).doesNotContain(people.name("m2"));
        assertThat(jdbc.sql("select role from programme_participant where programme_id = :p and person_id = :person")
                .param("p", nextYear).param("person", people.id("p1")).query(String.class).single())
                .isEqualTo("mentor_candidate");
        assertThat(jdbc.sql("select role from programme_participant where programme_id = :p and person_id = :person")
                .param("p", nextYear).param("person", people.id("m1")).query(String.class).single())
                .isEqualTo("mentor");

        RoadmapItem moved = roadmap.get(nextYear, "1.1");
        assertThat(moved.title()).isEqualTo("Педсовет о наставничестве");
        assertThat(moved.startDate()).isEqualTo(LocalDate.of(2027, 10, 5));
        assertThat(roadmap.get(nextYear, "7.8").dueDate()).isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(roadmap.roadmap(nextYear)).hasSize(35);
    }

    private void endsAfterTest(long programmeId) {
        String pi = jdbc.sql("select process_instance_id from programme where id = :id").param("id", programmeId)
                .query(String.class).single();
        engine.getRuntimeService().deleteProcessInstance(pi, "test over");
        jdbc.sql("update programme set completed_at = current_timestamp where id = :id").param("id", programmeId)
                .update();
    }
}
