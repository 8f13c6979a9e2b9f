package ru.nastavnik.pairorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.matching.MatchingProposal;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.programme.ProgrammeProcess;

/**
 * One door for the director's decision: the REST approval of a stage-5 draft completes the director's task, so the
 * process numbers the order once and fixes the pairs; a draft no task waits for is refused and stays a draft.
 */
class PairOrderApprovalTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STAGE = "programme-stage-5-pairs";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;
    @Autowired
    JdbcClient jdbc;

    private long programme;
    private MatchingProposal proposal;

    @BeforeEach
    void schoolWithOneMentorAndOneMentee() {
        BpmnAwareTests.init(engine);
        clockAt(LocalDateTime.of(2026, 11, 10, 10, 0));
        programme = startProgrammeOverApi("Школа одной двери " + System.nanoTime(), "pupil-pupil");
        String mentor = TestParticipants.unique("Петров") + " Пётр";
        String mentee = TestParticipants.unique("Иванова") + " Анна";
        Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                TestPairs.pupil(mentor, true, "p" + programme + "@school.test", "r" + programme + "@mail.test"),
                TestPairs.pupil(mentee, false, "", "m" + programme + "@mail.test")));
        proposal = new MatchingProposal(List.of(new MatchingProposal.Group(String.valueOf(ids.get(mentor)), null,
                "pupil-pupil", "pair", 1, 0, List.of(new MatchingProposal.Member(String.valueOf(ids.get(mentee)),
                null, 0, false, List.of())))), List.of(), null);
    }

    /** Stage 5 from the draft on, as after the curator sent the reviewed proposal to the director. */
    private ProcessInstance stageAtTheDirector() {
        return runtimeService.createProcessInstanceByKey(STAGE).businessKey(ProgrammeProcess.businessKey(programme))
                .startBeforeActivity("Task_DraftPairOrder")
                .setVariables(Map.of("programmeId", programme, "curatorId", "curator", "pairProposal", proposal))
                .execute();
    }

    private String approval(long orderId) {
        return "/api/programmes/" + programme + "/orders/" + orderId + "/approval";
    }

    @Test
    void aRestApprovalCompletesTheDirectorsTaskSoThePairsAreFixedAndTheOrderNumberedOnce() throws Exception {
        ProcessInstance stage = stageAtTheDirector();
        Task task = taskService.createTaskQuery().processInstanceId(stage.getId())
                .taskDefinitionKey(PairOrderVariables.TASK_APPROVE_PAIR_ORDER).singleResult();
        long orderId = ((Number) taskService.getVariable(task.getId(), PairOrderVariables.ORDER_ID.name())).longValue();

        // Only the director decides; a refusal leaves the task open.
        assertThat(RestClient.as(port, "curator", PASSWORD).post(approval(orderId), "").statusCode()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

        HttpResponse<String> approved = RestClient.as(port, "director", PASSWORD).post(approval(orderId), "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode order = JSON.readTree(approved.body());
        assertThat(order.get("status").asText()).isEqualTo("approved");
        assertThat(order.get("number").asInt()).isEqualTo(1);
        assertThat(order.get("date").asText()).isEqualTo("2026-11-10");
        assertThat(order.get("approvedBy").asText()).isEqualTo("director");

        // The process did the rest: the pair is fixed under this order and the stage went on to the announcement.
        assertThat(pairs.list(programme)).singleElement().satisfies(p -> assertThat(p.orderId()).isEqualTo(orderId));
        assertThat(stage).hasPassed("Task_ApprovePairOrder", "Task_RecordOrderApproval", "Task_FixPairs")
                .isWaitingAt("Task_AnnouncePairs");
        assertThat(runtimeService.getVariable(stage.getId(), "pairOrderDecidedBy")).isEqualTo("director");

        // A second approval changes nothing: one numbered order, one pair.
        HttpResponse<String> again = RestClient.as(port, "director", PASSWORD).post(approval(orderId), "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("message").asText()).contains("уже утверждено");
        assertThat(jdbc.sql("select count(*) from pair_order where programme_id = :p and number is not null")
                .param("p", programme).query(Integer.class).single()).isOne();
        assertThat(pairs.list(programme)).hasSize(1);
    }

    @Test
    void aDraftNoTaskWaitsForIsRefusedAndStaysADraft() throws Exception {
        PairOrder draft = orders.create(programme, proposal, null, "curator");

        HttpResponse<String> refused = RestClient.as(port, "director", PASSWORD).post(approval(draft.id()), "");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("message").asText())
                .contains("утверждается только в задаче директора", "Утвердить распоряжение о закреплении пар");
        assertThat(orders.get(programme, draft.id()).approved()).isFalse();
        assertThat(pairs.list(programme)).isEmpty();
    }

    @Test
    void aTaskAnotherDirectorTookIsLeftToThem() throws Exception {
        ProcessInstance stage = stageAtTheDirector();
        Task task = taskService.createTaskQuery().processInstanceId(stage.getId())
                .taskDefinitionKey(PairOrderVariables.TASK_APPROVE_PAIR_ORDER).singleResult();
        long orderId = ((Number) taskService.getVariable(task.getId(), PairOrderVariables.ORDER_ID.name())).longValue();
        taskService.setAssignee(task.getId(), "director2");

        HttpResponse<String> refused = RestClient.as(port, "director", PASSWORD).post(approval(orderId), "");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("director2");
        assertThat(orders.get(programme, orderId).approved()).isFalse();
        assertThat(stage).isWaitingAt("Task_ApprovePairOrder");
    }
}
