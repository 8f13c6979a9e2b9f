package ru.nastavnik.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestParticipants;

/** Corrections of single fields (the import's rules) and the withdrawal of consent, over real HTTP. */
class ParticipantCorrectionTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcClient jdbc;

    private RestClient curator;
    private long programme;
    private String candidateName;
    private String menteeName;
    private Map<String, Long> ids;

    @BeforeEach
    void setUp() throws Exception {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        curator = RestClient.as(port, "curator", PASSWORD);
        programme = startProgrammeOverApi("Лицей " + UUID.randomUUID().toString().substring(0, 8), "teacher-teacher");
        candidateName = TestParticipants.unique("Кандидатова") + " Елена Викторовна";
        menteeName = TestParticipants.unique("Новикова") + " Софья";
        ids = TestParticipants.importRows(port, programme, List.of(
                TestParticipants.candidate(candidateName, "cand@school.test"), TestParticipants.mentee(menteeName)));
    }

    private String path(String name) {
        return "/api/programmes/" + programme + "/participants/" + ids.get(name);
    }

    @Test
    void correctsSingleFieldsWithTheImportRulesAndReportsEveryProblemAtOnce() throws Exception {
        HttpResponse<String> corrected = curator.patch(path(candidateName),
                "{\"email\": \"Elena.New@School.test\", \"phone\": \"8 (900) 000-11-22\", \"capacity\": 3}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        JsonNode card = JSON.readTree(corrected.body());
        assertThat(card.get("email").asText()).isEqualToIgnoringCase("elena.new@school.test");
        assertThat(card.get("phone").asText()).isEqualTo("+79000001122");
        assertThat(card.get("capacity").asInt()).isEqualTo(3);
        assertThat(card.get("competencies").findValuesAsText("code")).hasSize(2);

        HttpResponse<String> refused = curator.patch(path(candidateName), """
                {"email": "не почта", "experienceYears": 200, "forms": ["pupil-pupil"], "competencies": [],
                 "nickname": "Лена"}""");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.findValuesAsText("field"))
                .contains("email", "experienceYears", "forms", "competencies", "nickname");
        assertThat(errors.findValuesAsText("message")).allMatch(m -> m.matches(".*[А-Яа-я].*"));
        assertThat(JSON.readTree(curator.get(path(candidateName)).body()).get("email").asText())
                .isEqualToIgnoringCase("elena.new@school.test");

        assertThat(RestClient.as(port, "mentor1", PASSWORD).patch(path(candidateName), "{\"email\": \"a@b.ru\"}")
                .statusCode()).isEqualTo(403);
        RestClient coordinator = RestClient.as(port, "coordinator", PASSWORD);
        assertThat(coordinator.patch(path(candidateName), "{\"email\": \"a@b.ru\"}").statusCode()).isEqualTo(403);
        assertThat(coordinator.get(path(candidateName)).statusCode()).isEqualTo(200);
        assertThat(curator.patch(path(candidateName), "{}").statusCode()).isEqualTo(400);

        assertThat(jdbc.sql("select details from audit_log where action = 'participant.corrected' and subject_id = :p")
                .param("p", ids.get(candidateName)).query(String.class).list())
                .containsExactly("fields=capacity,email,phone");
    }

    @Test
    void withdrawalErasesThePersonalDataEndsTheOpenTasksAndKeepsOnlyWhoDidWhat() throws Exception {
        BpmnModelInstance model = Bpmn.createExecutableProcess("test-task-about-a-person")
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Test")
                .userTask("UserTask_AboutPerson").camundaInputParameter("personId", "${candidateId}")
                .endEvent("EndEvent_Done")
                .moveToActivity("UserTask_AboutPerson")
                .boundaryEvent("BoundaryEvent_Withdrawn").message("ParticipantWithdrawn")
                .endEvent("EndEvent_Withdrawn")
                .done();
        Deployment deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("test-task-about-a-person.bpmn", model).deploy();
        try {
            ProcessInstance aboutCandidate = engine.getRuntimeService().startProcessInstanceByKey(
                    "test-task-about-a-person", Map.of("programmeId", programme, "candidateId", ids.get(candidateName)));
            ProcessInstance aboutMentee = engine.getRuntimeService().startProcessInstanceByKey(
                    "test-task-about-a-person", Map.of("programmeId", programme, "candidateId", ids.get(menteeName)));

            String withdrawal = path(candidateName) + "/withdrawal";
            assertThat(RestClient.as(port, "coordinator", PASSWORD).post(withdrawal,
                    "{\"reason\": \"Заявление\", \"withdrawnBy\": \"self\"}").statusCode()).isEqualTo(403);
            HttpResponse<String> bad = curator.post(withdrawal, "{\"withdrawnBy\": \"mother\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).get("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("reason", "withdrawnBy");

            HttpResponse<String> done = curator.post(withdrawal,
                    "{\"reason\": \"Заявление участника от 14.09.2026\", \"withdrawnBy\": \"self\"}");
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            JsonNode card = JSON.readTree(done.body());
            assertThat(card.get("fullName").asText()).isEqualTo(candidateName);
            assertThat(card.get("consent").get("title").asText()).isEqualTo("нет согласия");
            assertThat(card.has("email")).isFalse();
            assertThat(card.has("birthDate")).isFalse();
            JsonNode consent = card.get("consents").get(0);
            assertThat(consent.get("withdrawnBy").asText()).isEqualTo("self");
            assertThat(consent.get("withdrawalRecordedBy").asText()).isEqualTo("curator");
            assertThat(consent.get("withdrawalReason").asText()).isEqualTo("Заявление участника от 14.09.2026");

            Map<String, Object> person = jdbc.sql("select * from person where id = :id")
                    .param("id", ids.get(candidateName)).query().singleRow();
            assertThat(person).containsEntry("BIRTH_DATE", null).containsEntry("EMAIL", null)
                    .containsEntry("CATEGORY", null).containsEntry("SUBJECTS", null);
            assertThat(jdbc.sql("select count(*) from participant_topic where person_id = :id")
                    .param("id", ids.get(candidateName)).query(Long.class).single()).isZero();

            assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(aboutCandidate.getId()).count()).isZero();
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                    .processInstanceId(aboutCandidate.getId()).activityId("EndEvent_Withdrawn").count()).isOne();
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(aboutCandidate.getId()).variableName("withdrawalReason").singleResult()
                    .getValue()).isEqualTo("Согласие отозвано: Заявление участника от 14.09.2026");
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(aboutMentee.getId()).count()).isOne();

            assertThat(jdbc.sql("select actor || ' ' || details from audit_log where action = "
                            + "'participant.consent-withdrawn' and subject_id = :p")
                    .param("p", ids.get(candidateName)).query(String.class).list()).containsExactly("curator by=self");

            assertThat(curator.post(withdrawal, "{\"reason\": \"Ещё раз\", \"withdrawnBy\": \"self\"}").statusCode())
                    .isEqualTo(409);
            assertThat(curator.patch(path(candidateName), "{\"email\": \"a@b.ru\"}").statusCode()).isEqualTo(409);
            HttpResponse<String> reimport = RestClient.as(port, "curator", PASSWORD).get(
                    "/api/programmes/" + programme + "/participants?consent=missing");
            assertThat(JSON.readTree(reimport.body()).get("total").asLong()).isOne();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TestParticipants.importRows(port, programme,
                    List.of(TestParticipants.candidate(candidateName, "cand@school.test")))))
                    .hasMessageContaining("отозвал согласие");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }
}
