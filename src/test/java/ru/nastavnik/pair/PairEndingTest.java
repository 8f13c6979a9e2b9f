package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.pairorder.PairOrders;

/**
 * The early end of a pair by the curator (tasks and timers go, history stays), the withdrawal of a mentor or of a
 * group's mentee, and the hand-over of a pair process's tasks whatever its shape. A pair process with a meeting
 * task inside a sub-process and a reminder timer stands in for the real meeting sequence where timers matter.
 */
class PairEndingTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEETINGS = "test-pair-meetings";

    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;
    @Autowired
    PairTasks tasks;
    @Autowired
    JdbcClient jdbc;

    private RestClient curator;
    private PairTestSchool school;

    @BeforeEach
    void school() {
        clockAt(LocalDateTime.of(2026, 10, 1, 10, 0));
        curator = RestClient.as(port, "curator", PASSWORD);
        school = new PairTestSchool(port, startProgrammeOverApi("Школа завершения " + java.util.UUID.randomUUID().toString().substring(0, 8), "pupil-pupil"));
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(MEETINGS).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(MEETINGS).camundaHistoryTimeToLive(1)
                    .startEvent()
                    .subProcess("SubProcess_Meetings").embeddedSubProcess().startEvent()
                    .userTask("Task_TrialMeeting").camundaAssignee("${mentorUserId}")
                    .camundaInputParameter("meetingNo", "2")
                    .boundaryEvent("Timer_Reminder").cancelActivity(false).timerWithDate("${reminderAt}").endEvent()
                    .moveToActivity("Task_TrialMeeting").endEvent()
                    .subProcessDone().endEvent().done();
            engine.getRepositoryService().createDeployment().addModelInstance(MEETINGS + ".bpmn", model).deploy();
        }
    }

    /** Runs the pair on the stand-in meeting process instead of the placeholder. */
    private ProcessInstance onMeetingProcess(Pair pair) {
        engine.getRuntimeService().deleteProcessInstance(pair.processInstanceId(), "test: replaced by " + MEETINGS);
        ProcessInstance meetings = engine.getRuntimeService().startProcessInstanceByKey(MEETINGS, Map.of(
                "programmeId", school.programme, "pairId", pair.id(), "mentorUserId", pair.mentorUserId(),
                "reminderAt", "2026-11-01T09:00:00"));
        jdbc.sql("update mentorship_pair set process_instance_id = :pi where id = :id")
                .param("pi", meetings.getId()).param("id", pair.id()).update();
        return meetings;
    }

    @Test
    void theCuratorEndsAPairItsTasksAndTimersGoItsHistoryStays() throws Exception {
        Pair pair = school.fix(orders, pairs, Map.of(school.petr, List.of(school.anna))).get(0);
        ProcessInstance meetings = onMeetingProcess(pair);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(meetings.getId()).count()).isOne();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(meetings.getId()).count()).isOne();

        String path = "/api/pairs/" + pair.id() + "/end";
        HttpResponse<String> noReason = curator.post(path, "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Укажите причину");
        assertThat(RestClient.as(port, "mentor1", PASSWORD).post(path, "{\"reason\": \"x\"}").statusCode())
                .isEqualTo(403);

        forgetMail();
        HttpResponse<String> ended = curator.post(path, "{\"reason\": \"Переезд в другую школу\"}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(JSON.readTree(ended.body()).get("status").asText()).isEqualTo("ended");
        assertThat(JSON.readTree(ended.body()).get("endReason").asText()).isEqualTo("Переезд в другую школу");
        assertThat(pairs.openCount(school.programme)).isZero();

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(meetings.getId()).count())
                .isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(meetings.getId()).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(meetings.getId()).count()).isZero();
        HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(meetings.getId()).singleResult();
        assertThat(history.getDeleteReason()).isEqualTo("Переезд в другую школу");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(meetings.getId())
                .taskDefinitionKey("Task_TrialMeeting").count()).isOne();

        // The mentor and Анна, a minor without an address, through her representative, are told why.
        assertThat(mailTo(school.email("petr"), "Наставничество завершено досрочно"))
                .contains("Причина: Переезд в другую школу", school.anna, "Задачи по встречам сняты");
        assertThat(mailTo(school.parentEmail, "Наставничество завершено досрочно"))
                .contains("Причина: Переезд в другую школу", school.petr, "Встреч больше не будет");
        assertThat(receivedMail()).hasSize(2);

        HttpResponse<String> again = curator.post(path, "{\"reason\": \"Ещё раз\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("уже закрыта", "Переезд в другую школу");
    }

    @Test
    void aHandOverRestartsTheTaskInItsSubProcessWithItsTimer() {
        Pair pair = school.fix(orders, pairs, Map.of(school.petr, List.of(school.anna))).get(0);
        ProcessInstance meetings = onMeetingProcess(pair);
        Task before = engine.getTaskService().createTaskQuery().processInstanceId(meetings.getId()).singleResult();
        String jobBefore = engine.getManagementService().createJobQuery().processInstanceId(meetings.getId())
                .singleResult().getId();

        assertThat(tasks.handOver(meetings.getId(), pair.mentorUserId(), "mentor1")).isOne();

        Task after = engine.getTaskService().createTaskQuery().processInstanceId(meetings.getId()).singleResult();
        assertThat(after.getId()).isNotEqualTo(before.getId());
        assertThat(after.getTaskDefinitionKey()).isEqualTo("Task_TrialMeeting");
        assertThat(after.getAssignee()).isEqualTo("mentor1");
        assertThat(engine.getRuntimeService().getVariable(after.getExecutionId(), "meetingNo")).isEqualTo("2");
        var job = engine.getManagementService().createJobQuery().processInstanceId(meetings.getId()).singleResult();
        assertThat(job.getId()).isNotEqualTo(jobBefore);
        assertThat(job.getDuedate().getTime()).isEqualTo(java.sql.Timestamp.valueOf("2026-11-01 09:00:00").getTime());
        // Still inside the one sub-process: nothing of the pair's step was lost or doubled.
        assertThat(engine.getRuntimeService().getActivityInstance(meetings.getId())
                .getActivityInstances("SubProcess_Meetings")).hasSize(1);
    }

    @Test
    void aWithdrawnMentorEndsThePairAndTheCuratorIsTold() throws Exception {
        Pair pair = school.fix(orders, pairs, Map.of(school.petr, List.of(school.anna))).get(0);
        forgetMail();
        withdraw(school.petr);

        Pair ended = pairs.get(pair.id());
        assertThat(ended.status()).isEqualTo(Pair.ENDED);
        assertThat(ended.endReason()).isEqualTo("Согласие отозвано: заявление от 01.10.2026");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(pair.processInstanceId()).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(pair.processInstanceId()).singleResult().getDeleteReason())
                .isEqualTo("Согласие отозвано: заявление от 01.10.2026");
        assertThat(curatorMail("Пара завершена досрочно")).contains(school.petr, "отозвал(а) согласие");
        assertThat(receivedMail()).hasSize(1);
    }

    @Test
    void aWithdrawnMenteeLeavesTheGroupAndTheOthersGoOn() throws Exception {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(school.petr, List.of(school.anna, school.oleg));
        Pair group = school.fix(orders, pairs, groups).get(0);
        assertThat(group.group()).isTrue();
        forgetMail();
        withdraw(school.oleg);

        Pair after = pairs.get(group.id());
        assertThat(after.active()).isTrue();
        assertThat(after.mentees()).extracting(Pair.Person::fullName).containsExactly(school.anna);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(group.processInstanceId()).count()).isOne();
        assertThat(jdbc.sql("select left_reason from pair_mentee where pair_id = :pair and person_id = :person")
                .param("pair", group.id()).param("person", school.id(school.oleg)).query(String.class).single())
                .isEqualTo("Согласие отозвано: заявление от 01.10.2026");
        assertThat(curatorMail("Наставляемый выбыл из группы")).contains(school.oleg, "продолжает работу");

        // The last mentee's withdrawal ends the group.
        withdraw(school.anna);
        assertThat(pairs.get(group.id()).status()).isEqualTo(Pair.ENDED);
    }

    private void withdraw(String name) {
        HttpResponse<String> withdrawn = curator.post("/api/programmes/" + school.programme + "/participants/"
                + school.id(name) + "/withdrawal", "{\"reason\": \"заявление от 01.10.2026\", \"withdrawnBy\": "
                + "\"representative\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    }

    private String mailTo(String address, String subjectPart) throws Exception {
        for (MimeMessage message : receivedMail()) {
            if (message.getSubject().contains(subjectPart)
                    && message.getAllRecipients()[0].toString().equals(address)) {
                return text(message);
            }
        }
        throw new AssertionError("No mail to " + address + " with «" + subjectPart + "»");
    }

    private String curatorMail(String subjectPart) throws Exception {
        for (MimeMessage message : receivedMail()) {
            if (message.getSubject().contains(subjectPart)
                    && message.getAllRecipients()[0].toString().equals("curator@school.test")) {
                return text(message);
            }
        }
        throw new AssertionError("No mail to the curator with «" + subjectPart + "»");
    }
}
