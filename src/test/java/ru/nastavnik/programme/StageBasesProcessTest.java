package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.account.MentorAccounts;
import ru.nastavnik.security.Groups;

/** Stages 2–4 beside their roadmap items: questionnaires, analysis of the bases, interviews, training, mentors. */
class StageBasesProcessTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProgrammeService programmes;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    MentorAccounts accounts;

    private Programme programme;

    @BeforeEach
    void startProgramme() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        loginAs("curator");
        programme = programmes.start(new ProgrammeRequest("Школа " + UUID.randomUUID().toString().substring(0, 8),
                "2026/2027", List.of("teacher-teacher"), "curator", List.of()).withSchoolHeads("deputy", "director"));
        engine.getIdentityService().clearAuthentication();
    }

    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbcForCleanup;

    /** The programme's tasks would crowd the Tasklist of the browser test. */
    @org.junit.jupiter.api.AfterEach
    void endProgramme() {
        engine.getRuntimeService().deleteProcessInstance(programme.processInstanceId(), "test over");
        // As if the programme had ended: the API does not look for its process any more.
        jdbcForCleanup.sql("update programme set completed_at = current_timestamp where id = :id")
                .param("id", programme.id()).update();
    }

    @Test
    void stageTwoCollectsQuestionnairesThenTheCuratorAnalysesTheMenteeBase() throws Exception {
        reachStage(2);
        ProcessInstance stage = stageProcess("programme-stage-2-mentee-base");
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", "Task_UploadQuestionnaires");
        Task upload = single("Task_UploadQuestionnaires");
        assertThat(upload.getName()).startsWith("Загрузить анкеты наставляемых");
        assertThat(upload.getDueDate()).isEqualTo(schoolTime(LocalDateTime.of(2026, 10, 31, 18, 0)));
        assertThat(links(upload)).containsExactlyInAnyOrder("group:curator", "group:deputy-director", "user:curator");
        assertThat((String) taskService.getVariable(upload.getId(), "templateUrl")).endsWith("/api/templates/participants.xlsx");

        TestParticipants.importRows(port, programme.id(), List.of(
                TestParticipants.mentee(TestParticipants.unique("Первова") + " Анна"),
                TestParticipants.mentee(TestParticipants.unique("Вторая") + " Вера")));
        complete(upload, "curator", Map.of());

        Task analysis = single("Task_AnalyseMenteeBase");
        assertThat(analysis.getName()).startsWith("Анализ базы наставляемых");
        assertThat(analysis.getDueDate()).isEqualTo(schoolTime(LocalDateTime.of(2026, 10, 31, 18, 0)));
        String summary = (String) taskService.getVariable(analysis.getId(), "baseSummary");
        assertThat(summary).contains("**Наставляемых с согласием:** 2", "**Нет согласия (отозвано):** 0",
                "| Адаптация молодого специалиста | 2 |");
        assertThatThrownBy(() -> complete(analysis, "curator", Map.of())).hasMessageContaining("Выводы");
        complete(analysis, "curator", Map.of("baseConclusion", "Запросы собраны, согласия есть у всех"));

        assertThat(stage).hasPassed("Task_AnalyseMenteeBase").isWaitingAt("CallActivity_RoadmapItems");
        completeRoadmapItems();
        assertThat(stage).isEnded();
        assertThat(programmes.currentStage(programmes.get(programme.id()))).isEqualTo(3);
    }

    @Test
    void theCollectionClosesOnTheRoadmapDateAndOpensTheAnalysis() {
        reachStage(2);
        ProcessInstance stage = stageProcess("programme-stage-2-mentee-base");
        Job collection = managementService.createJobQuery().processInstanceId(stage.getId())
                .activityId("Timer_CollectionClosed").singleResult();
        assertThat(collection.getDuedate()).isEqualTo(schoolTime(LocalDateTime.of(2026, 10, 31, 18, 0)));

        clockAt(LocalDateTime.of(2026, 10, 31, 18, 1));
        managementService.executeJob(collection.getId());

        assertThat(stage).hasPassed("Timer_CollectionClosed").isWaitingAt("Task_AnalyseMenteeBase");
        assertThat(taskService.createTaskQuery().processInstanceId(stage.getId())
                .taskDefinitionKey("Task_UploadQuestionnaires").count()).isZero();
    }

    @Test
    void stageThreeShowsTheMentorBaseByCompetence() {
        TestParticipants.importRows(port, programme.id(), List.of(
                TestParticipants.candidate(TestParticipants.unique("Кандидатова") + " Ольга", "c1@school.test"),
                TestParticipants.mentor(TestParticipants.unique("Опытная") + " Нина", "m1@school.test")));
        reachStage(3);
        ProcessInstance stage = stageProcess("programme-stage-3-mentor-base");
        Task upload = single("Task_UploadQuestionnaires");
        assertThat(upload.getName()).startsWith("Загрузить анкеты наставников");
        complete(upload, "curator", Map.of());
        Task analysis = single("Task_AnalyseMentorBase");
        assertThat(analysis.getName()).startsWith("Анализ базы наставников");
        assertThat((String) taskService.getVariable(analysis.getId(), "baseSummary"))
                .contains("**Кандидатов в наставники с согласием:** 1; **наставников:** 1", "| Методика преподавания | 2 |");
        complete(analysis, "deputy", Map.of("baseConclusion", "Компетенций хватает"));
        completeRoadmapItems();
        assertThat(stage).isEnded();
        assertThat(programmes.currentStage(programmes.get(programme.id()))).isEqualTo(4);
    }

    @Test
    void onlyCandidatesWhoPassedTheInterviewAndTheTrainingBecomeMentorsWithAnAccount() throws Exception {
        String passedName = TestParticipants.unique("Прошедшая") + " Анна";
        String failedName = TestParticipants.unique("Непрошедший") + " Борис";
        String absentName = TestParticipants.unique("Отсутствующая") + " Вера";
        String withdrawnName = TestParticipants.unique("Отозвавший") + " Глеб";
        String passedEmail = "p" + UUID.randomUUID().toString().substring(0, 8) + "@school.test";
        String failedEmail = "f" + UUID.randomUUID().toString().substring(0, 8) + "@school.test";
        Map<String, Long> ids = TestParticipants.importRows(port, programme.id(), List.of(
                TestParticipants.candidate(passedName, passedEmail), TestParticipants.candidate(failedName, failedEmail),
                TestParticipants.candidate(absentName, "a@school.test"),
                TestParticipants.candidate(withdrawnName, "w@school.test")));
        reachStage(4);
        ProcessInstance stage = stageProcess("programme-stage-4-mentor-training");
        List<Task> interviews = tasks("Task_InterviewMentorCandidate");
        assertThat(interviews).extracting(task -> task.getName().substring(0, task.getName().indexOf(" — ")))
                .containsExactlyInAnyOrder("Собеседование: " + passedName, "Собеседование: " + failedName,
                        "Собеседование: " + absentName, "Собеседование: " + withdrawnName);
        assertThat(links(interviews.get(0))).containsExactlyInAnyOrder("group:deputy-director", "user:curator");
        assertThat(interviews.get(0).getDueDate()).isEqualTo(schoolTime(LocalDateTime.of(2026, 11, 30, 18, 0)));

        assertThat(RestClient.as(port, "curator", PASSWORD).post("/api/programmes/" + programme.id()
                + "/participants/" + ids.get(withdrawnName) + "/withdrawal",
                "{\"reason\": \"Заявление об отзыве согласия\", \"withdrawnBy\": \"self\"}").statusCode()).isEqualTo(200);
        assertThat(tasks("Task_InterviewMentorCandidate")).hasSize(3);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(stage.getId())
                .activityId("EndEvent_CandidateWithdrawn").count()).isOne();

        // A reminder is about its own candidate's interview, not about every parallel one.
        List<Job> reminders = managementService.createJobQuery().processInstanceId(stage.getId())
                .activityId("Timer_RemindBeforeInterviewDue").list();
        assertThat(reminders).hasSize(3);
        Job reminder = reminders.get(0);
        int before = receivedMail().length;
        managementService.executeJob(reminder.getId());
        List<String> subjects = Arrays.stream(receivedMail()).skip(before).map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                return "";
            }
        }).distinct().toList();
        assertThat(subjects).hasSize(1);
        assertThat(subjects.get(0)).startsWith("Напоминание").contains("Собеседование: ");

        for (Task interview : tasks("Task_InterviewMentorCandidate")) {
            boolean failed = interview.getName().contains(failedName + " — ");
            complete(interview, "deputy", Map.of("interviewDecision", failed ? "failed" : "passed",
                    "interviewCriteria", failed ? List.of() : List.of("leadership", "motivation"),
                    "interviewComment", failed ? "Не готов к наставничеству" : "Рекомендован"));
        }
        Task training = single("Task_MentorTraining");
        assertThat(training.getName()).startsWith("Обучение наставников: посещаемость");
        assertThat(training.getDueDate()).isEqualTo(schoolTime(LocalDateTime.of(2026, 11, 30, 18, 0)));
        assertThat(JSON.writeValueAsString(taskService.getVariable(training.getId(), "trainingOptions")))
                .contains(passedName, absentName).doesNotContain(failedName, withdrawnName);

        // The failed candidate is ticked by mistake: the interview decides, they still get no account.
        complete(training, "deputy", Map.of("trainingAttended",
                List.of(String.valueOf(ids.get(passedName)), String.valueOf(ids.get(failedName)))));

        assertThat(stage).hasPassed("Task_AppointMentors").isWaitingAt("CallActivity_RoadmapItems");
        assertThat(accounts.userId(ids.get(passedName))).isPresent();
        assertThat(accounts.userId(ids.get(failedName))).isEmpty();
        assertThat(accounts.userId(ids.get(absentName))).isEmpty();
        RestClient curator = RestClient.as(port, "curator", PASSWORD);
        String base = "/api/programmes/" + programme.id() + "/participants/";
        assertThat(JSON.readTree(curator.get(base + ids.get(passedName)).body()).get("role").asText()).isEqualTo("mentor");
        assertThat(JSON.readTree(curator.get(base + ids.get(failedName)).body()).get("role").asText())
                .isEqualTo("mentor_candidate");
        assertThat(Arrays.stream(receivedMail()).filter(m -> recipients(m).contains(passedEmail))
                .count()).isOne();
        assertThat(Arrays.stream(receivedMail()).filter(m -> recipients(m).contains(failedEmail))
                .count()).isZero();

        completeRoadmapItems();
        assertThat(stage).isEnded();
        assertThat(programmes.currentStage(programmes.get(programme.id()))).isEqualTo(5);
    }

    private static String recipients(Message m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (Exception e) {
            return "";
        }
    }

    /** Completes everything before the stage: stage 1, the approval, and the tasks of stages 2.. up to it. */
    private void reachStage(int target) {
        for (Task task : tasks(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM)) {
            complete(task, "deputy", Map.of("doneOn", "2026-09-15", "result", "Проведено"));
        }
        complete(single(PrepareStage.TASK_APPROVE_ROADMAP), "director", Map.of(PrepareStage.ROADMAP_DECISION.name(),
                RoadmapDecision.APPROVE.value()));
        for (int round = 0; round < 20 && programmes.currentStage(programmes.get(programme.id())) < target; round++) {
            for (Task task : openTasks()) {
                switch (task.getTaskDefinitionKey()) {
                    case "Task_UploadQuestionnaires" -> complete(task, "curator", Map.of());
                    case "Task_AnalyseMenteeBase", "Task_AnalyseMentorBase" -> complete(task, "curator", Map.of("baseConclusion", "Готово"));
                    default -> completeRoadmapItem(task);
                }
            }
        }
        assertThat(programmes.currentStage(programmes.get(programme.id()))).isEqualTo(target);
    }

    private void completeRoadmapItems() {
        tasks(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM).forEach(this::completeRoadmapItem);
    }

    private void completeRoadmapItem(Task task) {
        String owner = taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(l -> l.getGroupId() != null && Groups.DIRECTOR.equals(Groups.roleOf(l.getGroupId()))) ? "director" : "deputy";
        complete(task, owner, Map.of("doneOn", "2026-09-15", "result", "Сделано"));
    }

    private List<Task> openTasks() {
        return taskService.createTaskQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(programme.id())).list();
    }

    private List<Task> tasks(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(programme.id()))
                .taskDefinitionKey(key).list();
    }

    private Task single(String key) {
        List<Task> found = tasks(key);
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }

    private ProcessInstance stageProcess(String key) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(ProgrammeProcess.businessKey(programme.id())).singleResult();
    }

    private List<String> links(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(l -> l.getGroupId() != null ? "group:" + Groups.roleOf(l.getGroupId()) : "user:" + l.getUserId())
                .toList();
    }

    private static Date schoolTime(LocalDateTime time) {
        return Date.from(time.atZone(SCHOOL_ZONE).toInstant());
    }
}
