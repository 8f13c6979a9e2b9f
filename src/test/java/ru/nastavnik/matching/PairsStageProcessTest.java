package ru.nastavnik.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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
import ru.nastavnik.pairorder.PairOrderDecision;
import ru.nastavnik.pairorder.PairOrderVariables;
import ru.nastavnik.programme.RoadmapItemProcess;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairProcess;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.shared.ValidationException;

/**
 * Stage 5 on its own: group meeting, preference questionnaires, the proposal and the curator's review, the director's
 * order returned once and approved, the pairs fixed with their processes and every participant told.
 */
class PairsStageProcessTest extends IntegrationTest {

    private static final String STAGE = "programme-stage-5-pairs";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    PairsStage pairsStage;
    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;
    @Autowired
    RoadmapService roadmap;

    private long programme;
    private String school;
    private ProcessInstance stage;

    @BeforeEach
    void startProgramme() {
        clockAt(LocalDateTime.of(2026, 11, 10, 10, 0));
        school = "Школа " + UUID.randomUUID().toString().substring(0, 8);
        programme = startProgrammeOverApi(school,
                "pupil-pupil", "teacher-teacher");
    }

    private void startStage() {
        stage = runtimeService.startProcessInstanceByKey(STAGE, ProgrammeProcess.businessKey(programme),
                Map.of("programmeId", programme, "curatorId", "curator"));
    }

    @Test
    void meetingPreferencesReviewReturnedOrderThenApprovedPairsStartAndEveryoneIsTold() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String anna = TestParticipants.unique("Иванова") + " Анна";
        String oleg = TestParticipants.unique("Сидоров") + " Олег";
        String petr = TestParticipants.unique("Петров") + " Пётр";
        String olga = TestParticipants.unique("Кузнецова") + " Ольга";
        String ilya = TestParticipants.unique("Морозов") + " Илья";
        String young = TestParticipants.unique("Молодцова") + " Дарья";
        String experienced = TestParticipants.unique("Опытнова") + " Галина";
        String annaParent = "anna.parent." + tag + "@mail.test";
        String olegParent = "oleg.parent." + tag + "@mail.test";
        String petrMail = "petr." + tag + "@school.test";
        String olgaMail = "olga." + tag + "@school.test";
        String galinaMail = "galina." + tag + "@school.test";
        String youngMail = "darya." + tag + "@school.test";
        Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                anna + ";10.03.2014;Ученик;6А;;математика;;;Наставляемый;Ученик – ученик;"
                        + "Успеваемость, Олимпиады и конкурсы;;;шахматы;;3;2;3;4;3,2;Да;01.09.2026;Иванова Мария;"
                        + annaParent,
                oleg + ";11.04.2013;Ученик;7Б;;;;;Наставляемый;Ученик – ученик;Спорт;;;футбол;;;;;;;Да;01.09.2026;"
                        + "Сидорова Ольга;" + olegParent,
                petr + ";01.02.2011;Ученик;9Б;;математика;" + petrMail + ";;Наставник;Ученик – ученик;;"
                        + "Успеваемость, Олимпиады и конкурсы;;шахматы;1;;5;;;4,8;Да;01.09.2026;Петрова Анна;p@mail.test",
                olga + ";03.03.2010;Ученик;10А;;;" + olgaMail + ";;Наставник;Ученик – ученик;;Спорт;;футбол;1;;;;;;Да;"
                        + "01.09.2026;Кузнецов Иван;k@mail.test",
                ilya + ";04.04.2013;Ученик;7А;;;ilya." + tag + "@school.test;;Наставник;Ученик – ученик;;Спорт;;;1;;;;;;Да;"
                        + "01.09.2026;Морозова Яна;m@mail.test",
                young + ";14.02.2000;Педагог;;1;Физика;" + youngMail + ";;Наставляемый;Учитель – учитель;"
                        + "Адаптация молодого специалиста;;;;;4;4;3;2;;Да;;;",
                TestParticipants.mentor(experienced, galinaMail)));
        String annaId = id(ids, anna), olegId = id(ids, oleg), petrId = id(ids, petr), olgaId = id(ids, olga),
                ilyaId = id(ids, ilya), youngId = id(ids, young), galinaId = id(ids, experienced);
        startStage();

        // 1. The group meeting: a date in the future is refused, the process does not move.
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", "Task_RecordGroupMeeting");
        Task meeting = single("Task_RecordGroupMeeting");
        assertThat(meeting.getDueDate()).isEqualTo(dueAt(roadmap.get(programme, "5.1").dueDate()));
        assertThat(candidates(meeting)).containsExactlyInAnyOrder("group:curator", "group:deputy-director",
                "user:curator");
        assertThatThrownBy(() -> complete(meeting, "curator", Map.of("groupMeetingDate", "2026-11-11",
                "groupMeetingAttendees", List.of(annaId))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("не может быть позже сегодняшней");
        assertThatThrownBy(() -> complete(meeting, "curator", Map.of("groupMeetingDate", "2026-11-09",
                "groupMeetingAttendees", List.of("999999"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("999999");
        assertThat(pairsStage.groupMeetings(programme)).isEmpty();
        complete(meeting, "deputy", Map.of("groupMeetingDate", "2026-11-09",
                "groupMeetingAttendees", List.of(annaId, olegId, petrId, olgaId), "groupMeetingComment", "Знакомство"));
        List<PairsStage.GroupMeeting> meetings = pairsStage.groupMeetings(programme);
        assertThat(meetings).hasSize(1);
        assertThat(meetings.get(0).heldOn()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(meetings.get(0).recordedBy()).isEqualTo("deputy");
        assertThat(meetings.get(0).attendees()).containsExactlyInAnyOrder(Long.valueOf(annaId), Long.valueOf(olegId),
                Long.valueOf(petrId), Long.valueOf(olgaId));

        // 2. Two questionnaires, a wrong-side wish refused with MatchingPreferences' message.
        Task preferences = single("Task_EnterPreferences");
        assertThat(preferences.getDueDate()).isEqualTo(dueAt(roadmap.get(programme, "5.2").dueDate()));
        assertThatThrownBy(() -> complete(preferences, "curator", Map.of("preferencesPerson", olegId,
                "wishedMentors", List.of(annaId), PairsStageSteps.PREFERENCES_DECISION.name(),
                        PreferencesDecision.MORE.value())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Наставляемый называет наставников");
        complete(preferences, "curator", Map.of("preferencesPerson", olegId, "wishedMentors", List.of(olgaId),
                "avoidMentors", List.of(ilyaId), PairsStageSteps.PREFERENCES_DECISION.name(),
                        PreferencesDecision.MORE.value()));
        Task second = single("Task_EnterPreferences");
        assertThat((String) taskService.getVariable(second.getId(), "preferencesEnteredText")).contains(oleg);
        assertThat(taskService.getVariable(second.getId(), "preferencesPerson")).isNull();
        complete(second, "curator", Map.of("preferencesPerson", olgaId, "wishedMentees", List.of(olegId),
                PairsStageSteps.PREFERENCES_DECISION.name(), PreferencesDecision.DONE.value()));

        // 3./4. The proposal as the curator sees it.
        Task review = single("Task_ReviewPairProposal");
        assertThat(review.getDueDate()).isEqualTo(dueAt(roadmap.get(programme, "5.3").dueDate()));
        assertThat(text(review, "pairTotalsText")).contains("**Наставляемых:** 3; **с наставником:** 3");
        assertThat(text(review, "pairProposalTable")).contains("| " + petr + " | " + anna + " | Ученик – ученик |",
                "| " + olga + " | " + oleg + " |",
                InputText.markdown("взаимный выбор: наставляемый назвал наставника 1-м"), experienced + " | " + young);
        assertThat(text(review, "pairUnmatchedTable")).isEqualTo("Наставник подобран всем наставляемым.");
        assertThat(taskService.getVariable(review.getId(), "orderReturnComment")).isNull();

        // Contradictory changes are refused with the engine's message; nothing moves.
        assertThatThrownBy(() -> complete(review, "curator", Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(),
                PairReviewDecision.RERUN.value(),
                "pinnedPairs", List.of(PairsStage.key(petrId, annaId)), "assignMentee", olegId, "assignMentor", petrId)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("За наставником " + petr + " закреплено 2 наставляемых")
                .hasMessageContaining("а он берёт не больше 1");
        assertThatThrownBy(() -> complete(review, "curator", Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(),
                PairReviewDecision.RERUN.value(),
                "assignMentee", olegId, "assignMentor", ilyaId)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Закреплённая пара «" + ilya + " – " + oleg + "» невозможна")
                .hasMessageContaining("не в более старшем классе");
        assertThatThrownBy(() -> complete(review, "curator", Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(),
                PairReviewDecision.CLOSE.value())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Закрыть этап без распоряжения можно, только когда в программе нет наставляемых");
        engine.getIdentityService().clearAuthentication();
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isOne();

        complete(review, "curator", Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(),
                PairReviewDecision.SEND.value()));

        // 5./6. The director's task: table and documents; a return needs a comment.
        Task approval = single("Task_ApprovePairOrder");
        assertThat(candidates(approval)).containsExactly("group:director");
        assertThat(approval.getDueDate()).isEqualTo(dueAt(roadmap.get(programme, "5.4").dueDate()));
        long firstDraft = ((Number) taskService.getVariable(approval.getId(), "pairOrderId")).longValue();
        assertThat(text(approval, "pairOrderTable")).contains("| 1 | ", petr, anna, olga, oleg, experienced, young);
        String pdfUrl = text(approval, "pairOrderPdfUrl");
        assertThat(pdfUrl).isEqualTo("/api/programmes/" + programme + "/orders/" + firstDraft + ".pdf");
        assertThat(text(approval, "pairOrderDocxUrl")).endsWith("/orders/" + firstDraft + ".docx");
        HttpResponse<String> pdf = RestClient.as(port, "director", PASSWORD).get(pdfUrl);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThatThrownBy(() -> complete(approval, "director", Map.of(PairOrderVariables.PAIR_ORDER_DECISION.name(),
                PairOrderDecision.RETURN.value())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Комментарий для куратора");
        complete(approval, "director", Map.of(PairOrderVariables.PAIR_ORDER_DECISION.name(),
                PairOrderDecision.RETURN.value(),
                "orderReturnComment", "Закрепите Олега за Ольгой: они договорились на встрече"));
        assertThat(orders.get(programme, firstDraft).approved()).isFalse();

        // The curator sees the comment and re-runs with a pin.
        Task again = single("Task_ReviewPairProposal");
        assertThat(text(again, "orderReturnComment")).isEqualTo("Закрепите Олега за Ольгой: они договорились на встрече");
        complete(again, "curator", Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(), PairReviewDecision.RERUN.value(),
                "pinnedPairs", List.of(PairsStage.key(olgaId, olegId))));
        Task pinned = single("Task_ReviewPairProposal");
        MatchingProposal proposal = (MatchingProposal) taskService.getVariable(pinned.getId(), "pairProposal");
        assertThat(proposal.groups()).flatExtracting(MatchingProposal.Group::mentees)
                .filteredOn(MatchingProposal.Member::pinned).extracting(MatchingProposal.Member::menteeId)
                .containsExactly(olegId);
        assertThat(text(pinned, "pairProposalTable")).contains(oleg + " (закреплено)");
        // The round stays with the curator who asked for it, and says which pins are in force and what changed.
        assertThat(pinned.getAssignee()).isEqualTo("curator");
        assertThat(text(pinned, "pairConstraintsText")).contains("**Закреплены:** " + InputText.markdown(olga) + " — "
                + InputText.markdown(oleg));
        assertThat(text(pinned, "pairChangesText")).startsWith("**Что изменилось с прошлого расчёта:**");
        complete(pinned, "curator", Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(),
                PairReviewDecision.SEND.value()));

        // 7. Approval: order № 1, three pairs with their processes, the mails once the async step ran.
        Task finalApproval = single("Task_ApprovePairOrder");
        long orderId = ((Number) taskService.getVariable(finalApproval.getId(), "pairOrderId")).longValue();
        assertThat(orderId).isNotEqualTo(firstDraft);
        complete(finalApproval, "director", Map.of(PairOrderVariables.PAIR_ORDER_DECISION.name(),
                PairOrderDecision.APPROVE.value()));
        PairOrder order = orders.get(programme, orderId);
        assertThat(order.approved()).isTrue();
        assertThat(order.number()).isEqualTo(1);
        assertThat(order.approvedBy()).isEqualTo("director");
        List<Pair> fixed = pairs.list(programme);
        assertThat(fixed).hasSize(3).allSatisfy(p -> {
            assertThat(p.orderId()).isEqualTo(orderId);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(p.processInstanceId())
                    .processDefinitionKey(PairProcess.PROCESS_ID)
                    .processInstanceBusinessKey(PairProcess.businessKey(programme, p.id())).count()).isOne();
        });
        assertThat(fixed).extracting(p -> p.mentor().fullName()).containsExactlyInAnyOrder(petr, olga, experienced);

        assertThat(stage).isWaitingAt("Task_AnnouncePairs", "CallActivity_RoadmapItems");
        Job announce = managementService.createJobQuery().processInstanceId(stage.getId())
                .activityId("Task_AnnouncePairs").singleResult();
        managementService.executeJob(announce.getId());
        String subject = "Наставническая пара закреплена: распоряжение № 1 от 10.11.2026 — " + school;
        for (String to : List.of(petrMail, olgaMail, galinaMail, youngMail, annaParent, olegParent)) {
            MimeMessage sent = mailTo(to, subject);
            assertThat(text(sent)).contains("Тестовый curator");
        }
        assertThat(text(mailTo(petrMail, subject))).contains("Вы назначены наставником", anna);
        assertThat(text(mailTo(annaParent, subject))).contains(anna, "наставник — " + petr);
        assertThat(text(mailTo(youngMail, subject))).contains("наставник — " + experienced);

        completeStageItems();
        assertThat(stage).isEnded();
    }

    @Test
    void withNobodyToMatchTheCuratorClosesTheStageWithoutAnOrder() {
        startStage();
        complete(single("Task_RecordGroupMeeting"), "curator", Map.of("groupMeetingDate", "2026-11-10"));
        assertThat(pairsStage.groupMeetings(programme)).singleElement()
                .satisfies(m -> assertThat(m.attendees()).isEmpty());
        assertThatThrownBy(() -> complete(single("Task_EnterPreferences"), "curator",
                Map.of(PairsStageSteps.PREFERENCES_DECISION.name(), PreferencesDecision.MORE.value())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Выберите участника");
        complete(single("Task_EnterPreferences"), "curator", Map.of(PairsStageSteps.PREFERENCES_DECISION.name(),
                PreferencesDecision.DONE.value()));
        Task review = single("Task_ReviewPairProposal");
        assertThat(text(review, "pairProposalTable")).isEqualTo(PairsStage.NOBODY);
        assertThatThrownBy(() -> complete(review, "curator", Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(),
                PairReviewDecision.SEND.value())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("нет ни одной пары");
        complete(review, "curator", Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(),
                PairReviewDecision.CLOSE.value()));
        assertThat(stage).hasPassed("Task_ClosePairsWithoutOrder").isWaitingAt("CallActivity_RoadmapItems");
        assertThat(orders.list(programme)).isEmpty();
        assertThat(pairs.list(programme)).isEmpty();
        completeStageItems();
        assertThat(stage).isEnded();
    }

    @Test
    void theGroupMeetingIsRemindedBeforeItsDueDateAndEscalatedAfter() throws Exception {
        startStage();
        LocalDate due = roadmap.get(programme, "5.1").dueDate();
        Job reminder = timer("Timer_RemindBeforeGroupMeetingDue");
        assertThat(reminder.getDuedate()).isEqualTo(schoolTime(due.minusDays(3).atTime(9, 0)));
        clockAt(due.minusDays(3).atTime(9, 1));
        int before = receivedMail().length;
        managementService.executeJob(reminder.getId());
        List<MimeMessage> reminders = Arrays.stream(receivedMail()).skip(before).toList();
        assertThat(reminders).isNotEmpty().allSatisfy(m -> assertThat(m.getSubject())
                .startsWith("Напоминание").contains("Групповая встреча наставников и наставляемых"));
        assertThat(reminders.stream().flatMap(m -> recipients(m).stream()))
                .contains("curator@school.test", "deputy@school.test");

        Job escalation = timer("Timer_EscalateAfterGroupMeetingDue");
        assertThat(escalation.getDuedate()).isEqualTo(schoolTime(due.plusDays(1).atTime(9, 0)));
        clockAt(due.plusDays(1).atTime(9, 1));
        int beforeEscalation = receivedMail().length;
        managementService.executeJob(escalation.getId());
        assertThat(Arrays.stream(receivedMail()).skip(beforeEscalation))
                .anySatisfy(m -> assertThat(m.getSubject()).startsWith("Просрочено: Групповая встреча"));
        assertThat(single("Task_RecordGroupMeeting").getPriority()).isEqualTo(100);
        assertThat(stage).isWaitingAt("Task_RecordGroupMeeting", "CallActivity_RoadmapItems");
    }

    private static String id(Map<String, Long> ids, String name) {
        return String.valueOf(ids.get(name));
    }

    private String text(Task task, String variable) {
        return String.valueOf(taskService.getVariable(task.getId(), variable));
    }

    private Task single(String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(stage.getId()).taskDefinitionKey(key).list();
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }

    private void completeStageItems() {
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(programme))
                .taskDefinitionKey(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM).list()) {
            if (task.getName().startsWith("5.")) {
                complete(task, "deputy", Map.of("doneOn", "2026-11-10", "result", "Сделано"));
            }
        }
    }

    private Job timer(String activityId) {
        return managementService.createJobQuery().processInstanceId(stage.getId()).activityId(activityId)
                .singleResult();
    }

    private List<String> candidates(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(l -> l.getGroupId() != null ? "group:" + Groups.roleOf(l.getGroupId()) : "user:" + l.getUserId())
                .toList();
    }

    private MimeMessage mailTo(String to, String subject) {
        List<MimeMessage> found = Arrays.stream(receivedMail()).filter(m -> recipients(m).contains(to))
                .filter(m -> {
                    try {
                        return subject.equals(m.getSubject());
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
        assertThat(found).as("mail to " + to).hasSize(1);
        return found.get(0);
    }

    private static List<String> recipients(Message m) {
        try {
            return m.getAllRecipients() == null ? List.of()
                    : Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static Date dueAt(LocalDate day) {
        return schoolTime(day.atTime(18, 0));
    }

    private static Date schoolTime(LocalDateTime time) {
        return Date.from(time.atZone(SCHOOL_ZONE).toInstant());
    }
}
