package ru.nastavnik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestParticipants;

/**
 * POST /api/programmes/{id}/matching over real HTTP: a small school imported through the questionnaire import, the
 * proposal checked against the stored cards and against the engine run on the same instance written by hand.
 */
class ProgrammeMatchingTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MatchingEngine matchingEngine;

    @Autowired
    JdbcClient jdbc;

    private RestClient curator;
    private long programme;
    private Map<String, Long> ids;
    private String anna, oleg, vera, petr, olga, ilya, candidate, young, experienced;

    @BeforeEach
    void importSchool() throws Exception {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        curator = RestClient.as(port, "curator", PASSWORD);
        programme = startProgrammeOverApi("Школа № " + UUID.randomUUID().toString().substring(0, 8),
                "pupil-pupil", "teacher-teacher");

        anna = TestParticipants.unique("Иванова") + " Анна";
        oleg = TestParticipants.unique("Сидоров") + " Олег";
        vera = TestParticipants.unique("Белова") + " Вера";
        petr = TestParticipants.unique("Петров") + " Пётр";
        olga = TestParticipants.unique("Кузнецова") + " Ольга";
        ilya = TestParticipants.unique("Морозов") + " Илья";
        candidate = TestParticipants.unique("Кандидатова") + " Нина";
        young = TestParticipants.unique("Молодцова") + " Дарья";
        experienced = TestParticipants.unique("Опытнова") + " Галина";
        String parent = ";01.09.2026;Родитель Мария Ивановна;parent@mail.ru";
        ids = TestParticipants.importRows(port, programme, List.of(
                anna + ";10.03.2014;Ученик;6А;;математика;;;Наставляемый;Ученик – ученик;"
                        + "Успеваемость, Олимпиады и конкурсы;;;шахматы;;3;2;3;4;3,2;Да" + parent,
                oleg + ";11.04.2013;Ученик;7Б;;;;;Наставляемый;Ученик – ученик;Спорт;;;футбол;;;;;;;Да" + parent,
                vera + ";12.05.2012;Ученик;8В;;;;;Наставляемый;Ученик – ученик;Успеваемость;;;;;;;;;;Да" + parent,
                petr + ";01.02.2011;Ученик;9Б;;математика;petr@school.ru;;Наставник;Ученик – ученик;;"
                        + "Успеваемость, Олимпиады и конкурсы;;шахматы;2;;5;;;4,8;Да" + parent,
                olga + ";03.03.2010;Ученик;10А;;;olga@school.ru;;Наставник;Ученик – ученик;;Спорт;;футбол;1;;;;;;Да"
                        + parent,
                ilya + ";04.04.2013;Ученик;7А;;;ilya@school.ru;;Наставник;Ученик – ученик;;Спорт;;;1;;;;;;Да" + parent,
                TestParticipants.candidate(candidate, "nina@school.ru"),
                TestParticipants.mentee(young),
                TestParticipants.mentor(experienced, "galina@school.ru")));
        assertThat(ids).hasSize(9);
    }

    private String id(String name) {
        return String.valueOf(ids.get(name));
    }

    private HttpResponse<String> match(String user, String body) {
        return RestClient.as(port, user, PASSWORD).post("/api/programmes/" + programme + "/matching", body);
    }

    @Test
    void proposesFromTheStoredBasesWithTheHardRulesAndTheEnginesOwnResult() throws Exception {
        HttpResponse<String> withdrawn = curator.post("/api/programmes/" + programme + "/participants/" + id(vera)
                + "/withdrawal", "{\"reason\": \"заявление от 14.09.2026\", \"withdrawnBy\": \"representative\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);

        HttpResponse<String> response = match("curator", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode proposal = JSON.readTree(response.body());

        // Withdrawn people and candidates never appear; every mentee with consent appears once.
        List<String> menteeIds = new ArrayList<>(proposal.findValuesAsText("menteeId"));
        assertThat(menteeIds).containsExactlyInAnyOrder(id(anna), id(oleg), id(young));
        assertThat(proposal.findValuesAsText("mentorId")).doesNotContain(id(candidate), id(vera));
        assertThat(response.body()).doesNotContain(vera).doesNotContain(candidate);

        // Every proposed pair keeps the hard rules on the stored cards; names are those of the bases.
        Map<String, Integer> load = new HashMap<>();
        for (JsonNode group : proposal.get("groups")) {
            JsonNode mentor = card(group.get("mentorId").asText());
            assertThat(group.get("mentorName").asText()).isEqualTo(mentor.get("fullName").asText());
            assertThat(mentor.get("role").asText()).isEqualTo("mentor");
            assertConsent(mentor);
            for (JsonNode member : group.get("mentees")) {
                JsonNode mentee = card(member.get("menteeId").asText());
                assertThat(member.get("menteeName").asText()).isEqualTo(mentee.get("fullName").asText());
                assertConsent(mentee);
                String form = group.get("form").asText();
                assertThat(texts(mentor.get("forms")))
                        .contains(form);
                assertThat(texts(mentee.get("forms"))).contains(form);
                if (form.equals("pupil-pupil")) {
                    assertThat(grade(mentor.get("schoolClass").asText()))
                            .isGreaterThan(grade(mentee.get("schoolClass").asText()));
                } else {
                    assertThat(mentor.get("experienceYears").asInt()).isGreaterThanOrEqualTo(5);
                }
                load.merge(group.get("mentorId").asText(), 1, Integer::sum);
            }
            assertThat(load.get(group.get("mentorId").asText())).isLessThanOrEqualTo(mentor.get("capacity").asInt());
        }

        // The same instance written by hand, solved by the engine itself.
        MatchingProposal expected = matchingEngine.solve(new MatchingInstance(List.of(
                new MatchingInstance.Mentee(id(anna), anna, "pupil-pupil", "6А", null, List.of("математика"),
                        List.of("шахматы"), List.of("academic-performance", "olympiads"), true, new BigDecimal("3.2"),
                        2, 4, null, List.of(), List.of()),
                new MatchingInstance.Mentee(id(oleg), oleg, "pupil-pupil", "7Б", null, List.of(), List.of("футбол"),
                        List.of("sport"), true, null, null, null, null, List.of(), List.of()),
                new MatchingInstance.Mentee(id(young), young, "teacher-teacher", null, 1, List.of("Физика"),
                        List.of(), List.of("young-specialist"), true, null, 4, 2, null, List.of(), List.of())),
                List.of(
                        new MatchingInstance.Mentor(id(petr), petr, "pupil-pupil", "9Б", null, List.of("математика"),
                                List.of("шахматы"), List.of("academic-performance", "olympiads"), true,
                                new BigDecimal("4.8"), 5, null, 2, List.of(), List.of()),
                        new MatchingInstance.Mentor(id(olga), olga, "pupil-pupil", "10А", null, List.of(),
                                List.of("футбол"), List.of("sport"), true, null, null, null, 1, List.of(), List.of()),
                        new MatchingInstance.Mentor(id(ilya), ilya, "pupil-pupil", "7А", null, List.of(), List.of(),
                                List.of("sport"), true, null, null, null, 1, List.of(), List.of()),
                        new MatchingInstance.Mentor(id(experienced), experienced, "teacher-teacher", null, 25,
                                List.of("Русский язык"), List.of(), List.of("teaching-methods", "class-teacher"),
                                true, null, null, null, 2, List.of(), List.of())),
                List.of(), List.of()));
        assertThat(proposal.at("/totals/matched").asInt()).isEqualTo(expected.totals().matched()).isEqualTo(3);
        assertThat(proposal.at("/totals/score").asLong()).isEqualTo(expected.totals().score());
        assertThat(proposal.at("/totals/optimal").asBoolean()).isTrue();
        assertThat(pairs(proposal)).isEqualTo(pairs(JSON.valueToTree(expected)));
        assertThat(pairs(proposal)).contains(id(petr) + "-" + id(anna), id(olga) + "-" + id(oleg),
                id(experienced) + "-" + id(young));
    }

    @Test
    void staffOnly() {
        HttpResponse<String> mentor = match("mentor1", "{}");
        assertThat(mentor.statusCode()).isEqualTo(403);
        assertThat(mentor.body()).contains("Подбирать пары могут куратор");
        assertThat(match("coordinator", "{}").statusCode()).isEqualTo(200);
        assertThat(match("deputy", "{}").statusCode()).isEqualTo(200);
        assertThat(RestClient.anonymous(port).post("/api/programmes/" + programme + "/matching", "{}").statusCode())
                .isEqualTo(401);
        assertThat(match("curator", "{}").statusCode()).isEqualTo(200);
        assertThat(RestClient.as(port, "curator", PASSWORD).post("/api/programmes/999999/matching", "{}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void honoursPinsAndForbiddenPairsFromTheBody() throws Exception {
        HttpResponse<String> response = match("curator", """
                {"pinned": [{"mentorId": "%s", "menteeId": "%s"}],
                 "forbidden": [{"mentorId": "%s", "menteeId": "%s"}]}
                """.formatted(id(petr), id(oleg), id(petr), id(anna)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode proposal = JSON.readTree(response.body());
        Set<String> pairs = pairs(proposal);
        assertThat(pairs).contains(id(petr) + "-" + id(oleg)).doesNotContain(id(petr) + "-" + id(anna));
        for (JsonNode group : proposal.get("groups")) {
            for (JsonNode member : group.get("mentees")) {
                assertThat(member.get("pinned").asBoolean()).isEqualTo(member.get("menteeId").asText().equals(id(oleg)));
            }
        }
    }

    @Test
    void contradictionsAreTheEnginesRussian400() throws Exception {
        HttpResponse<String> response = match("curator", """
                {"pinned": [{"mentorId": "%s", "menteeId": "%s"}, {"mentorId": "%s", "menteeId": "%s"},
                            {"mentorId": "%s", "menteeId": "%s"}]}
                """.formatted(id(ilya), id(oleg), id(olga), id(anna), id(olga), id(young)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors.findValuesAsText("message")).anySatisfy(m -> assertThat(m)
                .startsWith("Закреплённая пара «" + ilya + " – " + oleg + "» невозможна")
                .contains("не в более старшем классе"));
        assertThat(errors.findValuesAsText("message")).anySatisfy(m -> assertThat(m)
                .contains("разные формы наставничества"));

        HttpResponse<String> full = match("curator", """
                {"pinned": [{"mentorId": "%s", "menteeId": "%s"}, {"mentorId": "%s", "menteeId": "%s"}]}
                """.formatted(id(olga), id(anna), id(olga), id(oleg)));
        assertThat(full.statusCode()).as(full.body()).isEqualTo(400);
        assertThat(full.body()).contains("За наставником " + olga + " закреплено 2 наставляемых")
                .contains("а он берёт не больше 1");

        HttpResponse<String> candidatePinned = match("curator", """
                {"pinned": [{"mentorId": "%s", "menteeId": "%s"}]}""".formatted(id(candidate), id(young)));
        assertThat(candidatePinned.statusCode()).isEqualTo(400);
        assertThat(candidatePinned.body()).contains("Нет наставника с id «" + id(candidate) + "»");
    }

    @Test
    void wishesFromTheGroupMeetingAreStoredCheckedAndUsed() throws Exception {
        String anna = "/api/programmes/" + programme + "/participants/" + id(this.anna) + "/preferences";
        HttpResponse<String> stored = curator.put(anna, "{\"preferred\": [%s], \"avoid\": [%s]}"
                .formatted(id(ilya), id(petr)));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(JSON.readTree(stored.body()).get("preferred").get(0).asText()).isEqualTo(id(ilya));
        HttpResponse<String> young = curator.put("/api/programmes/" + programme + "/participants/" + id(this.young)
                + "/preferences", "{\"preferred\": [%s, %s]}".formatted(id(candidate), id(experienced)));
        assertThat(young.statusCode()).as(young.body()).isEqualTo(200);

        JsonNode proposal = JSON.readTree(match("curator", "").body());
        assertThat(pairs(proposal)).contains(id(ilya) + "-" + id(this.anna), id(experienced) + "-" + id(this.young))
                .doesNotContain(id(petr) + "-" + id(this.anna));
        assertThat(proposal.findValues("reasons").toString()).contains("пожелание наставляемого учтено (1-й выбор)");

        HttpResponse<String> refused = curator.put("/api/programmes/" + programme + "/participants/" + id(oleg)
                        + "/preferences", "{\"preferred\": [%s, %s, 999999], \"avoid\": [%s, %s]}"
                .formatted(id(this.anna), id(oleg), id(olga), id(olga)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.findValuesAsText("field"))
                .containsExactly("preferred[0]", "preferred[1]", "preferred[2]", "avoid[1]");
        assertThat(errors.findValuesAsText("message")).containsExactly(
                "Наставляемый называет наставников, а " + this.anna + " — наставляемый",
                "Участник не может назвать самого себя",
                "Участник 999999 не найден в программе " + programme,
                "Участник " + id(olga) + " назван дважды: в пожеланиях каждый называется один раз, либо в "
                        + "preferred, либо в avoid");
        assertThat(RestClient.as(port, "mentor1", PASSWORD).put(anna, "{\"preferred\": []}").statusCode())
                .isEqualTo(403);
        assertThat(RestClient.as(port, "coordinator", PASSWORD).put(anna, "{\"preferred\": []}").statusCode())
                .isEqualTo(403);

        // A withdrawn mentor leaves the wishes that named him; matching still runs.
        HttpResponse<String> withdrawn = curator.post("/api/programmes/" + programme + "/participants/" + id(ilya)
                + "/withdrawal", "{\"reason\": \"заявление\", \"withdrawnBy\": \"representative\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        HttpResponse<String> after = match("curator", "");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(pairs(JSON.readTree(after.body()))).doesNotContain(id(petr) + "-" + id(this.anna));
        assertThat(after.body()).doesNotContain(ilya);
    }

    private JsonNode card(String personId) throws Exception {
        HttpResponse<String> card = curator.get("/api/programmes/" + programme + "/participants/" + personId);
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        return JSON.readTree(card.body());
    }

    private static void assertConsent(JsonNode card) {
        JsonNode consents = card.get("consents");
        assertThat(consents.size()).isPositive();
        assertThat(consents.get(consents.size() - 1).path("withdrawnAt").isMissingNode()
                || consents.get(consents.size() - 1).path("withdrawnAt").isNull()).isTrue();
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static int grade(String schoolClass) {
        return Integer.parseInt(schoolClass.replaceAll("\\D", ""));
    }

    private static Set<String> pairs(JsonNode proposal) {
        Set<String> pairs = new HashSet<>();
        for (JsonNode group : proposal.get("groups")) {
            for (JsonNode member : group.get("mentees")) {
                pairs.add(group.get("mentorId").asText() + "-" + member.get("menteeId").asText());
            }
        }
        return pairs;
    }
}
