package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.matching.PairReviewDecision;
import ru.nastavnik.matching.PairsStageSteps;
import ru.nastavnik.matching.PreferencesDecision;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.notification.MailDigest;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.training.InterviewDecision;
import ru.nastavnik.training.MentorTrainingStage;

/** The programme's processes on the real engine: stage 1, the director's approval, reminders and escalations. */
class ProgrammeProcessTest extends IntegrationTest {

    @Autowired
    MailDigest digest;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    RoadmapService roadmap;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    private Programme programme;

    @BeforeEach
    void startProgramme() {
        programme = start(programmeRequest());
    }

    @Test
    void stageOneTasksGoToTheirGroupWithTheRoadmapsDueDates() {
        List<Task> tasks = openTasks();
        assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsOnly("Task_CompleteRoadmapItem");
        assertThat(tasks).extracting(t -> t.getName().substring(0, 4)).containsExactlyInAnyOrder("1.1 ", "1.2 ", "1.3 ", "1.4 ");
        Task informParents = task("1.2");
        assertThat(informParents.getDueDate()).isEqualTo(schoolTime(LocalDateTime.of(2026, 10, 31, 18, 0)));
        assertThat(candidates(informParents)).containsExactlyInAnyOrder(
                "group:" + SchoolStaff.group(programme, Groups.DEPUTY_DIRECTOR), "user:curator");
        assertThat(status("1.2")).isEqualTo(RoadmapItem.Status.active);
        assertThat(status("2.1")).isEqualTo(RoadmapItem.Status.planned);
    }

    @Test
    void approvedRoadmapMovesTheProgrammeToStageTwo() {
        completeStageOne();
        assertThat(status("1.1")).isEqualTo(RoadmapItem.Status.done);
        RoadmapItem done = roadmap.get(programme.id(), "1.1");
        assertThat(done.completedBy()).isEqualTo("deputy");
        assertThat(done.result()).isEqualTo("Проведено");

        Task approval = approvalTask();
        assertThat(candidates(approval)).containsExactly("group:" + SchoolStaff.group(programme, Groups.DIRECTOR));
        assertThat((String) taskService.getVariable(approval.getId(), "roadmapSummary"))
                .contains("| 1.1 |").contains("выполнен").contains("| 7.8 |");

        complete(approval, "director", Map.of(PrepareStage.ROADMAP_DECISION.name(), RoadmapDecision.APPROVE.value()));

        assertThat(mainProcess()).isWaitingAt("CallActivity_Stage2MenteeBase");
        assertThat(openTasks()).filteredOn(t -> t.getTaskDefinitionKey().equals(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM))
                .extracting(t -> t.getName().substring(0, 3)).containsExactlyInAnyOrder("2.1", "2.2", "2.3");
        assertThat(openTasks()).extracting(Task::getName).anySatisfy(name -> assertThat(name)
                .isEqualTo("Загрузить анкеты наставляемых — " + programme.schoolName()));
        assertThat(programmes.get(programme.id()).roadmapApproved()).isTrue();
        assertThat(programmes.currentStage(programmes.get(programme.id()))).isEqualTo(2);
    }

    @Test
    void theWholeRoadmapRunsThroughAllSevenStagesToTheEnd() {
        completeStageOne();
        complete(approvalTask(), "director", Map.of(PrepareStage.ROADMAP_DECISION.name(),
                RoadmapDecision.APPROVE.value()));
        for (int stage = 2; stage <= 7; stage++) {
            assertThat(programmes.currentStage(programmes.get(programme.id()))).isEqualTo(stage);
            // Stages 2–4 run their own tasks (questionnaires, analysis, training) beside the roadmap items.
            // Stage 7's steps follow one another: a round each.
            for (int round = 0; round < 8 && programmes.currentStage(programmes.get(programme.id())) == stage; round++) {
                List<Task> tasks = openTasks();
                assertThat(tasks).as("stage %d", stage).isNotEmpty()
                        .allMatch(t -> !t.getTaskDefinitionKey().equals(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM)
                                || t.getName().startsWith(programmes.currentStage(programmes.get(programme.id())) + "."));
                for (Task task : tasks) {
                    completeAnyTask(task);
                }
            }
        }
        // 2.1's own date (1 September) had passed at the start: the job executor would have tried to open it at once;
        // stage 2 opened it meanwhile, so the late attempt opens nothing.
        Job itemOnItsDate = managementService.createJobQuery().processInstanceId(programme.processInstanceId())
                .activityId("Timer_ItemStartDate").singleResult();
        managementService.executeJob(itemOnItsDate.getId());
        assertThat(openTasks()).isEmpty();
        assertThat(mainProcess()).isNull();
        assertThat(programmes.get(programme.id()).completedAt()).isNotNull();
        assertThat(roadmap.roadmap(programme.id())).extracting(i -> i.status(roadmap.today()))
                .hasSize(35).containsOnly(RoadmapItem.Status.done);
    }

    @Test
    void returnedRoadmapLetsTheCuratorMoveDatesUntilResubmitted() {
        completeStageOne();
        complete(approvalTask(), "director", Map.of(PrepareStage.ROADMAP_DECISION.name(),
                RoadmapDecision.RETURN.value(),
                "roadmapComment", "Анкетирование перенести на ноябрь"));

        Task revise = singleTask("Task_ReviseRoadmap");
        assertThat(candidates(revise)).containsExactlyInAnyOrder("user:curator",
                "group:" + SchoolStaff.group(programme, Groups.CURATOR));
        complete(revise, "curator", Map.of("revisionItemCode", "2.1", "revisionStartDate", "2026-11-01",
                "revisionDueDate", "2026-11-30", "submitForApproval", false));
        assertThat(roadmap.get(programme.id(), "2.1").dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));

        Task again = singleTask("Task_ReviseRoadmap");
        assertThatThrownBy(() -> complete(again, "curator", Map.of("revisionItemCode", "2.2",
                "revisionStartDate", "2026-11-10", "revisionDueDate", "2026-11-01", "submitForApproval", true)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("не может быть раньше");
        engine.getIdentityService().clearAuthentication();
        assertThat(taskService.createTaskQuery().taskId(again.getId()).count()).isEqualTo(1);

        complete(again, "curator", Map.of("submitForApproval", true));
        Task approval = approvalTask();
        assertThat((String) taskService.getVariable(approval.getId(), "roadmapSummary")).contains("30.11.2026");
        complete(approval, "director", Map.of(PrepareStage.ROADMAP_DECISION.name(), RoadmapDecision.APPROVE.value()));
        assertThat(mainProcess()).isWaitingAt("CallActivity_Stage2MenteeBase");
    }

    @Test
    void anIncompleteReportIsRefusedAndTheProcessDoesNotMove() {
        Task task = task("1.1");
        assertThatThrownBy(() -> complete(task, "deputy", Map.of("doneOn", "2026-09-14")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Поле «Результат» обязательно");
        assertThatThrownBy(() -> complete(task, "deputy", Map.of("doneOn", "2026-12-01", "result", "x")))
                .hasMessageContaining("не может быть позже сегодняшней");
        engine.getIdentityService().clearAuthentication();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(status("1.1")).isEqualTo(RoadmapItem.Status.active);
    }

    @Test
    void reminderGoesToTheOwnersBeforeTheDueDate() throws Exception {
        Job reminder = timer("1.2", Deadlines.TIMER_REMIND);
        assertThat(reminder.getDuedate()).isEqualTo(schoolTime(LocalDateTime.of(2026, 10, 28, 9, 0)));

        clockAt(LocalDateTime.of(2026, 10, 28, 9, 1));
        managementService.executeJob(reminder.getId());

        MimeMessage sent = singleMail();
        assertThat(sent.getSubject()).startsWith("Напоминание").contains("31.10.2026").contains("1.2 ");
        assertThat(to(sent)).containsExactlyInAnyOrder("curator@school.test", "deputy@school.test");
        assertThat(text(sent)).contains("/camunda/app/tasklist/default/#/?task=" + task("1.2").getId());
    }

    @Test
    void aPersonWhoReadsTheDigestGetsOneMailForAllRemindersAndNoneForATaskDoneMeanwhile() throws Exception {
        engine.getIdentityService().setUserInfo("deputy", MailDigest.USER_SETTING, "daily");
        try {
            clockAt(LocalDateTime.of(2026, 10, 28, 9, 1));
            for (String code : List.of("1.2", "1.3", "1.4")) {
                managementService.executeJob(timer(code, Deadlines.TIMER_REMIND).getId());
            }
            // The curator reads each reminder as it comes; the deputy's wait for the digest.
            List<MimeMessage> now = Arrays.asList(receivedMail());
            assertThat(now).hasSize(3).allSatisfy(m -> assertThat(to(m)).containsExactly("curator@school.test"));
            forgetMail();

            complete(task("1.4"), "deputy", Map.of("doneOn", "2026-10-28", "result", "Встреча проведена"));
            assertThat(digest.sendDigests()).isOne();
            MimeMessage sent = singleMail();
            assertThat(to(sent)).containsExactly("deputy@school.test");
            assertThat(sent.getSubject()).startsWith("«Наставник»: сроки задач подходят, 2");
            assertThat(text(sent)).contains("1.2 ", "1.3 ", "/camunda/app/tasklist/default/#/?task=" + task("1.2").getId())
                    .doesNotContain("1.4 ");
            forgetMail();
            assertThat(digest.sendDigests()).as("a second run the same day").isZero();
        } finally {
            engine.getIdentityService().deleteUserInfo("deputy", MailDigest.USER_SETTING);
        }
    }

    @Test
    void escalationAfterTheDueDateGoesToTheCuratorWithTheOwnersInCopy() throws Exception {
        clockAt(LocalDateTime.of(2026, 11, 1, 9, 1));
        managementService.executeJob(timer("1.3", Deadlines.TIMER_ESCALATE).getId());

        MimeMessage sent = singleMail();
        assertThat(sent.getSubject()).startsWith("Просрочено: 1.3 ");
        assertThat(to(sent)).containsExactly("curator@school.test");
        assertThat(Arrays.stream(sent.getRecipients(Message.RecipientType.CC)).map(Object::toString))
                .containsExactly("deputy@school.test");
        assertThat(task("1.3").getPriority()).isEqualTo(100);
        assertThat(status("1.3")).isEqualTo(RoadmapItem.Status.overdue);
    }

    @Test
    void theCuratorsOwnLateTaskIsEscalatedToTheDirector() throws Exception {
        ProgrammeRequest base = programmeRequest();
        Programme own = start(new ProgrammeRequest(base.schoolName(), base.schoolYear(), base.forms(), "curator",
                List.of(new ProgrammeRequest.RoadmapOverride("1.4", null, "curator", null, null)))
                .withSchoolHeads("deputy", "director"));
        String itemInstance = roadmap.get(own.id(), "1.4").processInstanceId();

        clockAt(LocalDateTime.of(2026, 11, 1, 9, 1));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(itemInstance)
                .activityId(Deadlines.TIMER_ESCALATE).singleResult().getId());

        MimeMessage sent = singleMail();
        assertThat(to(sent)).containsExactly("director@school.test");
        assertThat(text(sent)).contains("Задача куратора");
    }

    @Test
    void movingADateMovesTheTaskAndItsPendingTimers() {
        loginAs("curator");
        roadmap.moveDates(programme.id(), "1.2", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 20));
        engine.getIdentityService().clearAuthentication();

        assertThat(task("1.2").getDueDate()).isEqualTo(schoolTime(LocalDateTime.of(2026, 11, 20, 18, 0)));
        assertThat(timer("1.2", Deadlines.TIMER_REMIND).getDuedate())
                .isEqualTo(schoolTime(LocalDateTime.of(2026, 11, 17, 9, 0)));
        assertThat(timer("1.2", Deadlines.TIMER_ESCALATE).getDuedate())
                .isEqualTo(schoolTime(LocalDateTime.of(2026, 11, 21, 9, 0)));
        // The other items keep their October timers.
        assertThat(timer("1.1", Deadlines.TIMER_ESCALATE).getDuedate())
                .isEqualTo(schoolTime(LocalDateTime.of(2026, 11, 1, 9, 0)));
    }

    @Test
    void datesOutsideTheSchoolYearOrInTheWrongOrderAreRefused() {
        loginAs("curator");
        assertThatThrownBy(() -> roadmap.moveDates(programme.id(), "1.2", LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 10, 20))).isInstanceOf(ValidationException.class).hasMessageContaining("позже срока");
        assertThatThrownBy(() -> roadmap.moveDates(programme.id(), "1.2", null, LocalDate.of(2027, 9, 20)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("учебном году 2026/2027");
    }

    @Test
    void afterApprovalTheDatesAreFixed() {
        completeStageOne();
        complete(approvalTask(), "director", Map.of(PrepareStage.ROADMAP_DECISION.name(),
                RoadmapDecision.APPROVE.value()));
        loginAs("curator");
        assertThatThrownBy(() -> roadmap.moveDates(programme.id(), "2.2", null, LocalDate.of(2026, 11, 30)))
                .isInstanceOf(ApiException.class).hasMessageContaining("утверждена");
    }

    @Test
    void onlyTheCuratorMovesDates() {
        loginAs("mentor1");
        assertThatThrownBy(() -> roadmap.moveDates(programme.id(), "1.2", null, LocalDate.of(2026, 11, 30)))
                .isInstanceOf(ApiException.class).hasMessageContaining("только куратор");
    }

    @Test
    void theTasklistStartFormRegistersTheProgramme() {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ProgrammeProcess.PROCESS_ID).latestVersion().singleResult().getId();
        String school = programmeRequest().schoolName();
        Map<String, Object> form = new HashMap<>(Map.of("schoolName", school, "schoolYear", "2026/2027",
                "forms", List.of("teacher-teacher"), "curatorId", "curator"));

        loginAs("curator");
        ProcessInstance pi = engine.getFormService().submitStartForm(definition, form);
        engine.getIdentityService().clearAuthentication();

        Programme registered = programmes.list().stream().filter(p -> p.schoolName().equals(school)).findFirst().orElseThrow();
        assertThat(registered.processInstanceId()).isEqualTo(pi.getId());
        assertThat(registered.forms()).containsExactly("teacher-teacher");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo(ProgrammeProcess.businessKey(registered.id()));

        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProgrammeProcess.PROCESS_ID).count();
        form.put("schoolYear", "2026/2028");
        form.put("schoolName", programmeRequest().schoolName());
        loginAs("curator");
        assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition, form))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Учебный год");
        engine.getIdentityService().clearAuthentication();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProgrammeProcess.PROCESS_ID).count())
                .isEqualTo(before);

        // The same school and year again: refused as a form error, which Tasklist shows to the curator.
        form.put("schoolYear", "2026/2027");
        form.put("schoolName", school);
        loginAs("curator");
        assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition, form))
                .isInstanceOf(ValidationException.class).hasMessageContaining("уже запущена");
    }

    @Test
    void aSecondProgrammeForTheSameSchoolYearIsRefused() {
        ProgrammeRequest same = new ProgrammeRequest(programme.schoolName(), "2026/2027", List.of("pupil-pupil"),
                "curator", List.of());
        loginAs("curator");
        assertThatThrownBy(() -> programmes.start(same)).isInstanceOf(ApiException.class).hasMessageContaining("уже запущена");
    }

    private Programme start(ProgrammeRequest request) {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        loginAs("curator");
        Programme started = programmes.start(request);
        engine.getIdentityService().clearAuthentication();
        return started;
    }

    private void completeStageOne() {
        for (Task task : openTasks()) {
            complete(task, "deputy", Map.of("doneOn", "2026-09-15", "result", "Проведено"));
        }
    }

    /** Completes a task of any stage as its owner would, with valid form values. */
    private void completeAnyTask(Task task) {
        switch (task.getTaskDefinitionKey()) {
            case RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM -> {
                String owner = taskService.getIdentityLinksForTask(task.getId()).stream()
                        .anyMatch(l -> l.getGroupId() != null && Groups.DIRECTOR.equals(Groups.roleOf(l.getGroupId())))
                        ? "director" : "deputy";
                complete(task, owner, Map.of("doneOn", "2026-09-15", "result", "Сделано"));
            }
            case "Task_UploadQuestionnaires" -> complete(task, "curator", Map.of());
            case "Task_AnalyseMenteeBase", "Task_AnalyseMentorBase" -> complete(task, "curator", Map.of("baseConclusion", "База сформирована"));
            case "Task_InterviewMentorCandidate" -> complete(task, "deputy",
                    Map.of(MentorTrainingStage.INTERVIEW_DECISION.name(), InterviewDecision.PASSED.value()));
            case "Task_MentorTraining" -> complete(task, "deputy", Map.of("trainingAttended", List.of()));
            // Stage 5 with nobody to match: the meeting, no questionnaires, the stage closed without an order.
            case "Task_RecordGroupMeeting" -> complete(task, "curator", Map.of("groupMeetingDate", "2026-09-15"));
            case "Task_EnterPreferences" -> complete(task, "curator",
                    Map.of(PairsStageSteps.PREFERENCES_DECISION.name(), PreferencesDecision.DONE.value()));
            case "Task_ReviewPairProposal" -> complete(task, "curator",
                    Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(), PairReviewDecision.CLOSE.value()));
            case "Task_GroupFinalMeeting" -> complete(task, "curator", Map.of("finalMeetingDate", "2026-09-15",
                    "finalMeetingAttendance", 0, "finalMeetingSummary", "Проведена"));
            case "Task_SatisfactionSurvey" -> complete(task, "curator", Map.of("surveyConclusion", "Пар не было"));
            // Stage 7 without pairs: nobody to nominate, no case; the ceremony and the publication still happen.
            case "Task_EditNominations", "Task_WriteCases", "Task_FormLongTermBase" -> complete(task, "curator", Map.of());
            case "Task_ConfirmNominations" -> complete(task, "director", Map.of("nominationsDecision", "approve",
                    "ceremonyDate", "2026-09-25", "ceremonyPlace", "Актовый зал"));
            case "Task_HoldCeremony" -> complete(task, "director", Map.of("ceremonyHeldOn", "2026-09-15",
                    "ceremonyGuests", 20L));
            case "Task_PublishResults" -> complete(task, "curator", Map.of("publicationUrl",
                    "https://school.test/news", "publishedOn", "2026-09-15"));
            default -> throw new AssertionError("Unexpected task " + task.getTaskDefinitionKey());
        }
    }

    private List<Task> openTasks() {
        return taskService.createTaskQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(programme.id())).list();
    }

    private Task task(String code) {
        return openTasks().stream().filter(t -> t.getName().startsWith(code + " ")).findFirst().orElseThrow();
    }

    private Task singleTask(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(programme.id()))
                .taskDefinitionKey(key).singleResult();
    }

    private Task approvalTask() {
        return singleTask(PrepareStage.TASK_APPROVE_ROADMAP);
    }

    private ProcessInstance mainProcess() {
        return runtimeService.createProcessInstanceQuery().processInstanceId(programme.processInstanceId()).singleResult();
    }

    private Job timer(String code, String timerId) {
        return managementService.createJobQuery().processInstanceId(roadmap.get(programme.id(), code).processInstanceId())
                .activityId(timerId).singleResult();
    }

    private RoadmapItem.Status status(String code) {
        return roadmap.get(programme.id(), code).status(roadmap.today());
    }

    private List<String> candidates(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(ProgrammeProcessTest::describe).toList();
    }

    private static String describe(IdentityLink link) {
        return link.getGroupId() != null ? "group:" + link.getGroupId() : "user:" + link.getUserId();
    }

    /** GreenMail delivers one copy per recipient; all copies are the same message. */
    private MimeMessage singleMail() {
        MimeMessage[] received = receivedMail();
        assertThat(received).isNotEmpty();
        assertThat(Arrays.stream(received).map(m -> {
            try {
                return m.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(1);
        return received[0];
    }

    private static List<String> to(MimeMessage message) throws MessagingException {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }

    private static Date schoolTime(LocalDateTime time) {
        return Date.from(time.atZone(SCHOOL_ZONE).toInstant());
    }
}
