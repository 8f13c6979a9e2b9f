package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.ValidationException;

/**
 * Mentor replacement over the real API and engine: a request in February, the director's yes, the curator's pick
 * among the engine's candidates, the new order, the pair's task moved to the new mentor at the same step, the emails;
 * the director's no; the refusals of requests and of picks.
 */
class MentorReplacementTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;
    @Autowired
    MentorReplacement replacement;
    @Autowired
    PairMeetings meetings;

    private RestClient curator;
    private PairTestSchool school;
    private String schoolName;
    private Pair annaWithPetr;

    @BeforeEach
    void fixPairs() {
        clockAt(LocalDateTime.of(2026, 10, 1, 10, 0));
        curator = RestClient.as(port, "curator", PASSWORD);
        schoolName = "Школа замены " + java.util.UUID.randomUUID().toString().substring(0, 8);
        school = new PairTestSchool(port, startProgrammeOverApi(schoolName, "pupil-pupil"));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(school.petr, List.of(school.anna));
        groups.put(school.maria, List.of(school.oleg));
        annaWithPetr = school.fix(orders, pairs, groups).get(0);
        assertThat(annaWithPetr.mentees()).extracting(Pair.Person::fullName).containsExactly(school.anna);
        clockAt(LocalDateTime.of(2027, 2, 10, 10, 0));
        forgetMail();
    }

    @Test
    void directorSaysYesCuratorPicksTheSuggestedMentorAndThePairGoesOnWithThem() throws Exception {
        // The curator moved the open meeting before: the new mentor's task keeps its new day and timers.
        PairMeetings.Meeting open = meetings.meetings(annaWithPetr.id()).stream().filter(m -> !m.reported())
                .findFirst().orElseThrow();
        meetings.move(school.programme, annaWithPetr.id(), open.id(), LocalDate.of(2027, 2, 24), "curator");
        Task oldTask = mentorTask(annaWithPetr);
        assertThat(oldTask.getAssignee()).isEqualTo(annaWithPetr.mentorUserId());
        assertThat(oldTask.getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 2, 24, 18, 0)));
        Map<String, Date> timers = meetingTimers(annaWithPetr);

        ProcessInstance request = request(annaWithPetr.id(), "{\"requestedBy\": \"representative\", \"menteeId\": "
                + school.id(school.anna) + ", \"reason\": \"Не сложился личный контакт\"}");
        assertThat(request).isWaitingAt("Task_DecideMentorReplacement");
        assertThat(request.getBusinessKey()).isEqualTo("programme-" + school.programme + "-pair-"
                + annaWithPetr.id() + "-replacement");
        Task decide = task(request);
        assertThat(engine.getTaskService().getIdentityLinksForTask(decide.getId()))
                .anyMatch(l -> l.getGroupId() != null && Groups.DIRECTOR.equals(Groups.roleOf(l.getGroupId())));
        assertThat((String) engine.getRuntimeService().getVariable(request.getId(), "pairSummary"))
                .contains(school.petr, school.anna, "законный представитель", "Не сложился личный контакт");

        // The director has 5 days from the request (10 February), the curator 7 from the director's yes.
        assertThat(decide.getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 2, 15, 18, 0)));
        clockAt(LocalDateTime.of(2027, 2, 11, 12, 0));
        complete(decide, "director", Map.of(MentorReplacementSteps.REPLACEMENT_DECISION.name(),
                ReplacementDecision.APPROVE.value()));
        assertThat(request).isWaitingAt("Task_PickNewMentor");
        Task pick = task(request);
        assertThat(pick.getAssignee()).isEqualTo("curator");
        assertThat(pick.getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 2, 18, 18, 0)));
        // Only Ольга: Пётр is the mentor now, Мария is full, Иван is in a lower class than Анна.
        String options = String.valueOf(engine.getRuntimeService().getVariable(request.getId(), "mentorOptions"));
        assertThat(options).contains(school.olga, String.valueOf(school.id(school.olga)))
                .doesNotContain(school.petr, school.maria, school.ivan);
        assertThat((String) engine.getRuntimeService().getVariable(request.getId(), "mentorCandidatesText"))
                .contains(school.olga, "Успеваемость");

        // Refused picks leave the task where it is.
        assertRefusedPick(pick, school.petr, "нынешний наставник");
        assertRefusedPick(pick, school.maria, "нет свободных мест");
        assertRefusedPick(pick, school.ivan, "не подходит", "не в более старшем классе");
        assertThat(request).isWaitingAt("Task_PickNewMentor");

        complete(pick, "curator", Map.of(MentorReplacementSteps.PICK_DECISION.name(), PickDecision.ASSIGN.value(),
                "newMentorId",
                String.valueOf(school.id(school.olga))));
        assertThat(request).isEnded().hasPassed("Task_ReplaceMentor");

        // A new order replaces the pair's one, approved today in the name of the director who said yes.
        List<PairOrder> all = orders.list(school.programme);
        assertThat(all).hasSize(2);
        PairOrder change = all.get(1);
        assertThat(change.approved()).isTrue();
        assertThat(change.replaces()).isEqualTo(annaWithPetr.orderId());
        assertThat(change.approvedBy()).isEqualTo("director");
        assertThat(change.number()).isEqualTo(2);
        assertThat(change.date()).hasToString("2027-02-11");
        assertThat(change.pairs()).singleElement().satisfies(row -> {
            assertThat(row.mentorName()).isEqualTo(school.olga);
            assertThat(row.mentees()).extracting(PairOrder.Person::name).containsExactly(school.anna);
        });

        // The pair has the new mentor; the old task is gone, the new mentor has the same step.
        Pair after = pairs.get(annaWithPetr.id());
        assertThat(after.active()).isTrue();
        assertThat(after.mentor().fullName()).isEqualTo(school.olga);
        assertThat(after.orderId()).isEqualTo(change.id());
        assertThat(after.mentorUserId()).isNotEqualTo(annaWithPetr.mentorUserId());
        assertThat(engine.getTaskService().createTaskQuery().taskId(oldTask.getId()).count()).isZero();
        assertThat(engine.getTaskService().createTaskQuery().taskAssignee(annaWithPetr.mentorUserId())
                .processInstanceId(annaWithPetr.processInstanceId()).count()).isZero();
        Task newTask = mentorTask(after);
        assertThat(newTask.getTaskDefinitionKey()).isEqualTo(oldTask.getTaskDefinitionKey());
        assertThat(newTask.getAssignee()).isEqualTo(after.mentorUserId());
        assertThat(newTask.getDueDate()).isEqualTo(oldTask.getDueDate());
        assertThat(newTask.getName()).isEqualTo(oldTask.getName());
        assertThat(meetingTimers(after)).isEqualTo(timers);
        assertThat(engine.getTaskService().getVariable(newTask.getId(), PairMeetings.VAR_MEETING_ID.name()))
                .isEqualTo(open.id());
        assertThat(engine.getRuntimeService().getVariable(after.processInstanceId(), "mentorUserId"))
                .isEqualTo(after.mentorUserId());
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(oldTask.getId())
                .singleResult().getEndTime()).isNotNull();

        // The new mentor, the old one and Анна's representative are told.
        assertThat(mailTo(school.email("olga"), "Вы назначены наставником")).contains(school.anna, "№ 2");
        assertThat(mailTo(school.email("petr"), "Замена наставника")).contains(school.olga, "сняты");
        assertThat(mailTo(school.parentEmail, "Новый наставник")).contains(school.olga, school.petr, school.anna);
    }

    @Test
    void directorSaysNoAndTheRequesterIsToldWhyThePairStaysAsItWas() throws Exception {
        Task oldTask = mentorTask(annaWithPetr);
        ProcessInstance request = request(annaWithPetr.id(), "{\"requestedBy\": \"mentee\", \"menteeId\": "
                + school.id(school.anna) + ", \"reason\": \"Хочу другого наставника\"}");
        complete(task(request), "director", Map.of(MentorReplacementSteps.REPLACEMENT_DECISION.name(),
                ReplacementDecision.REJECT.value(),
                "refusalReason", "Пара работает только два месяца: попробуйте ещё"));
        assertThat(request).isEnded().hasPassed("Task_NotifyReplacementRefused").hasNotPassed("Task_PickNewMentor");

        // Анна has no email of her own: her representative gets the answer.
        assertThat(mailTo(school.parentEmail, "не удовлетворена"))
                .contains("решение директора", "Пара работает только два месяца", school.petr);
        Pair same = pairs.get(annaWithPetr.id());
        assertThat(same).isEqualTo(annaWithPetr);
        assertThat(mentorTask(same).getId()).isEqualTo(oldTask.getId());
        assertThat(orders.list(school.programme)).hasSize(1);
    }

    @Test
    void theDirectorsFormNeedsAReasonForANo() {
        ProcessInstance request = request(annaWithPetr.id(), "{\"requestedBy\": \"curator\", \"reason\": \"Просьба "
                + "наставляемого на встрече\"}");
        assertThatThrownBy(() -> complete(task(request), "director",
                Map.of(MentorReplacementSteps.REPLACEMENT_DECISION.name(), ReplacementDecision.REJECT.value())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Причина отказа");
        assertThat(request).isWaitingAt("Task_DecideMentorReplacement");
    }

    @Test
    void aLateDecisionAndALatePickAreRemindedThenEscalated() throws Exception {
        ProcessInstance request = request(annaWithPetr.id(), "{\"requestedBy\": \"curator\", \"reason\": \"Конфликт\"}");
        String decide = task(request).getId();

        // The director's decision: reminder three days before 15 February, escalation to the curator the day after.
        clockAt(LocalDateTime.of(2027, 2, 12, 8, 59));
        runDueJobs(request);
        assertThat(subjectsTo("director@school.test")).noneMatch(s -> s.startsWith("Напоминание"));
        clockAt(LocalDateTime.of(2027, 2, 12, 9, 1));
        runDueJobs(request);
        assertThat(subjectsTo("director@school.test"))
                .containsOnlyOnce("Напоминание: срок 15.02.2027 — Решение о замене наставника" + " — " + schoolName);
        clockAt(LocalDateTime.of(2027, 2, 16, 9, 1));
        runDueJobs(request);
        assertThat(subjectsTo("curator@school.test")).contains("Просрочено: Решение о замене наставника" + " — " + schoolName);
        assertThat(engine.getTaskService().createTaskQuery().taskId(decide).singleResult().getPriority()).isEqualTo(100);

        // The curator's pick, late as well: as the curator's own task it goes to the director.
        complete(task(request), "director", Map.of(MentorReplacementSteps.REPLACEMENT_DECISION.name(),
                ReplacementDecision.APPROVE.value()));
        assertThat(task(request).getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 2, 23, 18, 0)));
        forgetMail();
        clockAt(LocalDateTime.of(2027, 2, 20, 9, 1));
        runDueJobs(request);
        assertThat(subjectsTo("curator@school.test"))
                .containsOnlyOnce("Напоминание: срок 23.02.2027 — Выбрать нового наставника" + " — " + schoolName);
        clockAt(LocalDateTime.of(2027, 2, 24, 9, 1));
        runDueJobs(request);
        assertThat(subjectsTo("director@school.test")).contains("Просрочено: Выбрать нового наставника" + " — " + schoolName);
        assertThat(request).isWaitingAt("Task_PickNewMentor");
    }

    @Test
    void noSuitableMentorIsAnAnswerToo() throws Exception {
        ProcessInstance request = request(annaWithPetr.id(), "{\"requestedBy\": \"curator\", \"reason\": \"Конфликт\"}");
        complete(task(request), "director", Map.of(MentorReplacementSteps.REPLACEMENT_DECISION.name(),
                ReplacementDecision.APPROVE.value()));
        complete(task(request), "curator", Map.of(MentorReplacementSteps.PICK_DECISION.name(),
                PickDecision.NONE.value(),
                "refusalReason", "Все наставники заняты до конца года"));
        assertThat(request).isEnded().hasPassed("Task_NotifyReplacementRefused");
        assertThat(mailTo("curator@school.test", "не удовлетворена"))
                .contains("подходящего свободного наставника сейчас нет", "Все наставники заняты");
        assertThat(pairs.get(annaWithPetr.id()).mentor().fullName()).isEqualTo(school.petr);
    }

    @Test
    void requestsAreRefusedClearly() throws Exception {
        String path = "/api/pairs/" + annaWithPetr.id() + "/replacement-requests";
        HttpResponse<String> noReason = curator.post(path, "{\"requestedBy\": \"mentee\", \"menteeId\": "
                + school.id(school.anna) + "}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Укажите причину");
        HttpResponse<String> stranger = curator.post(path, "{\"requestedBy\": \"mentee\", \"menteeId\": "
                + school.id(school.oleg) + ", \"reason\": \"x\"}");
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("не входит в пару");
        assertThat(RestClient.as(port, "coordinator", PASSWORD).post(path, "{\"requestedBy\": \"curator\", "
                + "\"reason\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(curator.post("/api/pairs/987654321/replacement-requests", "{\"requestedBy\": \"curator\", "
                + "\"reason\": \"x\"}").statusCode()).isEqualTo(404);

        request(annaWithPetr.id(), "{\"requestedBy\": \"curator\", \"reason\": \"Первая просьба\"}");
        HttpResponse<String> second = curator.post(path, "{\"requestedBy\": \"curator\", \"reason\": \"Вторая\"}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(second.body()).get("message").asText()).contains("уже есть нерассмотренная просьба");

        // An ended pair takes no request, and its open request goes with it.
        assertThat(curator.post("/api/pairs/" + annaWithPetr.id() + "/end", "{\"reason\": \"Переезд\"}")
                .statusCode()).isEqualTo(200);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(MentorReplacement.PROCESS_ID)
                .variableValueEquals("pairId", annaWithPetr.id()).count()).isZero();
        HttpResponse<String> ended = curator.post(path, "{\"requestedBy\": \"curator\", \"reason\": \"Третья\"}");
        assertThat(ended.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(ended.body()).get("message").asText()).contains("уже закрыта", "Переезд");
    }

    @Test
    void theCuratorCanStartARequestFromTasklistWithTheStartForm() {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(MentorReplacement.PROCESS_ID).latestVersion().singleResult().getId();
        loginAs("curator");
        ProcessInstance started;
        try {
            assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition, Map.of("pairId", 987654321L,
                    "requestedBy", "curator", "replacementReason", "Конфликт")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("не найдена");
            started = engine.getFormService().submitStartForm(definition, Map.of(
                    "pairId", annaWithPetr.id(), "requestedBy", "curator", "replacementReason", "Конфликт"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(started).isWaitingAt("Task_DecideMentorReplacement");
        assertThat(engine.getRuntimeService().getVariable(started.getId(), "initiator")).isEqualTo("curator");
        assertThat(engine.getRuntimeService().getVariable(started.getId(), "programmeId"))
                .isEqualTo(school.programme);
    }

    private void assertRefusedPick(Task pick, String mentor, String... message) {
        assertThatThrownBy(() -> complete(pick, "curator", Map.of(MentorReplacementSteps.PICK_DECISION.name(),
                PickDecision.ASSIGN.value(), "newMentorId",
                String.valueOf(school.id(mentor))))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(message));
    }

    private ProcessInstance request(long pairId, String body) {
        HttpResponse<String> created = curator.post("/api/pairs/" + pairId + "/replacement-requests", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        try {
            JsonNode answer = JSON.readTree(created.body());
            return engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(answer.get("processInstanceId").asText()).singleResult();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Task task(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** The mentor's open task of the pair, in the pair's process or a meeting it called (same business key). */
    /** The due dates of the open meeting's three timers, by timer. */
    private Map<String, Date> meetingTimers(Pair pair) {
        Map<String, Date> dates = new TreeMap<>();
        for (String timer : List.of(PairProcess.TIMER_REMIND_BEFORE_DUE, PairProcess.TIMER_ESCALATE_AFTER_DUE,
                PairProcess.TIMER_ESCALATE_TO_CURATOR)) {
            dates.put(timer, engine.getManagementService().createJobQuery().processInstanceId(pair.processInstanceId())
                    .activityId(timer).singleResult().getDuedate());
        }
        return dates;
    }

    private Task mentorTask(Pair pair) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(PairProcess.businessKey(pair.programmeId(), pair.id())).singleResult();
    }

    /** Executes the request process's due timers (the job executor is off in tests). */
    private void runDueJobs(ProcessInstance instance) {
        engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list()
                .forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }

    private List<String> subjectsTo(String address) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage message : receivedMail()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString()
                    .equals(address))) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    private static Date at(LocalDateTime schoolTime) {
        return java.util.Date.from(schoolTime.atZone(SCHOOL_ZONE).toInstant());
    }

    private String mailTo(String address, String subjectPart) throws Exception {
        for (MimeMessage message : receivedMail()) {
            boolean to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address));
            if (to && message.getSubject().contains(subjectPart)) {
                return text(message);
            }
        }
        throw new AssertionError("No mail to " + address + " with «" + subjectPart + "»");
    }
}
