package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Address;
import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.TestPairs;
import ru.nastavnik.matching.MatchingProposal;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.shared.ValidationException;

/**
 * The {@code mentorship-pair} process of one pair or group through the school year 2026/2027 (roadmap: 6.1–6.3 in
 * December, regular meetings December–March, feedback and final meeting in April), with the clock moved and the
 * due timers of the pair's processes executed by hand.
 */
class MentorshipPairProcessTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Pairs pairs;
    @Autowired
    PairOrders orders;
    @Autowired
    PairMeetings meetings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RoadmapService roadmap;

    private long programme;
    /** Every subject names it. */
    private String school;
    private final List<Long> fixedPairs = new ArrayList<>();
    private String tag;

    @BeforeEach
    void programme() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        school = "Лицей " + TestParticipants.unique("пар");
        programme = startProgrammeOverApi(school, "pupil-pupil");
        tag = java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** Pair processes are not children of the programme's: ends them so their tasks do not reach later tests. */
    @AfterEach
    void endPairProcesses() {
        RuntimeService runtime = engine.getRuntimeService();
        for (long id : fixedPairs) {
            String pi = pairs.get(id).processInstanceId();
            if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
                runtime.deleteProcessInstance(pi, "test over");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void onePairGoesThroughTheWholeYearAndFinishes() throws Exception {
        Pair pair = fixPair(1, LocalDateTime.of(2026, 12, 1, 10, 0));
        ProcessInstance process = pairProcess(pair);
        assertThat(process).isWaitingAt(PairProcess.TASK_REPORT_MEETING);
        String mentorMail = pair.mentor().email();
        String parentMail = pair.mentees().get(0).representativeEmail();

        Task acquaintance = meetingTask(pair);
        assertThat(acquaintance.getName()).startsWith("Встреча-знакомство: ").contains(pair.mentees().get(0).fullName());
        assertThat(acquaintance.getAssignee()).isEqualTo(pair.mentorUserId());
        assertThat(acquaintance.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 12, 8, 18, 0)));

        // The reminder comes three days before, at 9:00: to the mentor and to the minor's representative.
        clockAt(LocalDateTime.of(2026, 12, 5, 8, 59));
        runDueJobs(pair);
        assertThat(subjects(mentorMail)).noneMatch(s -> s.startsWith("Напоминание"));
        clockAt(LocalDateTime.of(2026, 12, 5, 9, 1));
        runDueJobs(pair);
        assertThat(subjects(mentorMail)).contains("Напоминание: Встреча-знакомство 08.12.2026" + " — " + school);
        assertThat(subjects(parentMail)).contains("Напоминание: Встреча-знакомство 08.12.2026" + " — " + school);
        // The timer's step inside the meeting's sub-process finds the task it is about, for the mentor's link.
        assertThat(mailText(mentorMail, "Напоминание: Встреча-знакомство")).contains(acquaintance.getId());

        report(pair, LocalDateTime.of(2026, 12, 8, 17, 0), LocalDate.of(2026, 12, 8), all(pair), null);
        assertThat(meetingTask(pair).getName()).startsWith("Пробная рабочая встреча");
        // The report is in the pair's tables; the engine keeps no history of its answers.
        assertThat(meetings.meetings(pair.id()).get(0).heldOn()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(answersHistory(process.getId())).isZero();
        // One sub-process turn per meeting: the next form starts empty, and nothing of a meeting stays on the pair.
        assertThat(engine.getTaskService().getVariables(meetingTask(pair).getId()))
                .containsEntry(PairMeetings.VAR_MEETING_KIND.name(), "trial")
                .doesNotContainKeys(PairMeetingSteps.REPORT_ANSWERS.toArray(String[]::new));
        assertThat(engine.getRuntimeService().getVariablesLocal(process.getId()))
                .doesNotContainKeys(PairMeetings.VAR_MEETING_ID.name(), PairMeetings.VAR_MEETING_KIND.name(),
                        "itemDueDate", PairMeetingSteps.HELD_ON.name());
        assertThat(meetingTask(pair).getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 12, 15, 18, 0)));
        // The task and its timers read their dates once, as transient variables: none is stored. The mentees'
        // options stay on the pair's instance, written once for both meetings.
        assertThat(timer(process.getId(), "Timer_RemindBeforeDue")).isEqualTo(at(LocalDateTime.of(2026, 12, 12, 9, 0)));
        assertThat(timer(process.getId(), "Timer_EscalateToCurator"))
                .isEqualTo(at(LocalDateTime.of(2026, 12, 22, 9, 0)));
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(process.getId())
                .variableNameIn(PairMeetingSteps.TASK_CREATION_VARIABLES.toArray(String[]::new)).count()).isZero();
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(process.getId())
                .variableName(PairMeetingSteps.MENTEE_OPTIONS.name()).singleResult().getExecutionId())
                .isEqualTo(process.getId());
        // Nor does the engine keep a history of the meeting's copies of its row or of the task's programme title.
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableNameIn(PairMeetings.VAR_MEETING_ID.name(), PairMeetings.VAR_MEETING_KIND.name(),
                        Deadlines.VAR_DUE_TEXT.name(), PairMeetingSteps.MENTEE_OPTIONS.name(),
                        ProgrammeProcess.VAR_PROGRAMME_TITLE.name()).includeDeleted().count()).isZero();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName(PairProcess.VAR_PAIR_ID.name()).count()).as("the pair's own variables").isOne();
        report(pair, LocalDateTime.of(2026, 12, 15, 16, 0), LocalDate.of(2026, 12, 15), all(pair), null);

        Task planning = meetingTask(pair);
        assertThat(planning.getName()).startsWith("Встреча-планирование");
        assertThat(planning.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 12, 22, 18, 0)));
        // The plan's goals are tied to the mentee's requests, offered as choices.
        @SuppressWarnings("unchecked")
        List<Map<String, String>> requests = (List<Map<String, String>>) engine.getTaskService()
                .getVariable(planning.getId(), "requestOptions");
        assertThat(requests).extracting(r -> r.get("label")).contains("Успеваемость");
        report(pair, LocalDateTime.of(2026, 12, 22, 15, 0), LocalDate.of(2026, 12, 22), all(pair),
                plan("monthly", requests.get(0).get("value")));

        // Monthly regular meetings until the end of March: 22 January, 22 February, 22 March.
        for (LocalDate day : List.of(LocalDate.of(2027, 1, 22), LocalDate.of(2027, 2, 22), LocalDate.of(2027, 3, 22))) {
            Task regular = meetingTask(pair);
            assertThat(regular.getName()).startsWith("Регулярная встреча № ");
            assertThat(engine.getTaskService().getVariables(regular.getId()))
                    .doesNotContainKeys(PairMeetingSteps.REPORT_ANSWERS.toArray(String[]::new));
            assertThat(regular.getDueDate()).isEqualTo(at(day.atTime(18, 0)));
            clockAt(day.minusDays(3).atTime(9, 1));
            runDueJobs(pair);
            assertThat(subjects(parentMail)).contains("Напоминание: " + regular.getName().replaceAll(":.*", "") + " "
                    + String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()) + " — " + school);
            if (day.getMonthValue() == 1) {
                JsonNode listed = pairList().get(0);
                assertThat(listed.get("currentStep").asText()).isEqualTo("regular");
                assertThat(listed.get("plannedOn").asText()).isEqualTo("2027-01-22");
                assertThat(listed.get("meetingsHeld").asInt()).isEqualTo(3);
            }
            report(pair, day.atTime(17, 0), day, all(pair), null);
            // Item 6.4 waits for the pair's last regular meeting: each report after the first asks again.
            RoadmapItem regularItem = roadmap.get(pair.programmeId(), MeetingKind.REGULAR.roadmapItem());
            if (day.getMonthValue() < 3) {
                assertThat(regularItem.completedAt()).isNull();
            } else {
                assertThat(regularItem.completedAt()).isNotNull();
                assertThat(regularItem.result()).startsWith("Все пары и группы (1) отметили: ");
            }
        }

        // After the regular period: the feedback waits for item 6.5 (1 April), then the mentor's questionnaire.
        assertThat(process).isWaitingAt("Timer_FeedbackPeriod");
        assertThat(pairList().get(0).get("currentStep").asText()).isEqualTo("feedback");
        clockAt(LocalDateTime.of(2027, 4, 1, 9, 1));
        runDueJobs(pair);
        assertThat(process).isWaitingAt("Task_MentorFeedback").hasPassed("Task_SendMenteeFeedbackLinks");
        Task feedback = meetingTask(pair);
        assertThat(feedback.getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 4, 30, 18, 0)));
        complete(feedback, pair.mentorUserId(), Map.of("feedbackSatisfaction", "5", "feedbackProgress", "4",
                "feedbackWorked", "Регулярность встреч"));
        assertThat(jdbc.sql("select satisfaction from pair_mentor_feedback where pair_id = :p").param("p", pair.id())
                .query(Integer.class).single()).isEqualTo(5);

        Task finalMeeting = meetingTask(pair);
        assertThat(finalMeeting.getName()).startsWith("Итоговая встреча");
        assertThat(finalMeeting.getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 4, 30, 18, 0)));
        report(pair, LocalDateTime.of(2027, 4, 28, 16, 0), LocalDate.of(2027, 4, 28), all(pair), null);

        assertThat(process).isEnded().hasPassed("Task_FinishPair");
        assertThat(pairs.get(pair.id()).status()).isEqualTo(Pair.FINISHED);
        assertThat(meetings.meetings(pair.id())).extracting(PairMeetings.Meeting::kind).containsExactly(
                "acquaintance", "trial", "planning", "regular", "regular", "regular", "final");
        assertThat(meetings.plan(pair.id()).orElseThrow().frequency()).isEqualTo("monthly");
        JsonNode listed = pairList().get(0);
        assertThat(listed.get("status").asText()).isEqualTo("finished");
        assertThat(listed.get("meetingsHeld").asInt()).isEqualTo(7);
        assertThat(listed.get("missedMeetings").asInt()).isZero();
        assertThat(subjects(mentorMail)).noneMatch(s -> s.startsWith("Встреча не отмечена"));
    }

    @Test
    void aMentorWhoStopsReportingInJanuaryIsRemindedThenTheCuratorIsTold() throws Exception {
        Pair pair = fixPair(1, LocalDateTime.of(2026, 12, 1, 10, 0));
        report(pair, LocalDateTime.of(2026, 12, 8, 17, 0), LocalDate.of(2026, 12, 8), all(pair), null);
        report(pair, LocalDateTime.of(2026, 12, 15, 17, 0), LocalDate.of(2026, 12, 15), all(pair), null);
        Task planning = meetingTask(pair);
        report(pair, LocalDateTime.of(2026, 12, 22, 17, 0), LocalDate.of(2026, 12, 22), all(pair),
                plan("biweekly", requestValues(planning).get(0)));
        report(pair, LocalDateTime.of(2027, 1, 5, 17, 0), LocalDate.of(2027, 1, 5), all(pair), null);

        // Meeting № 2 on 19 January is never reported.
        Task silent = meetingTask(pair);
        assertThat(silent.getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 1, 19, 18, 0)));
        String mentorMail = pair.mentor().email();
        clockAt(LocalDateTime.of(2027, 1, 20, 8, 59));
        runDueJobs(pair);
        assertThat(subjects(mentorMail)).noneMatch(s -> s.startsWith("Встреча не отмечена"));
        clockAt(LocalDateTime.of(2027, 1, 20, 9, 1));
        runDueJobs(pair);
        assertThat(subjects(mentorMail)).containsOnlyOnce("Встреча не отмечена: Регулярная встреча № 2" + " — " + school);
        assertThat(subjects("curator@school.test")).noneMatch(s -> s.startsWith("Просрочено"));
        JsonNode listed = pairList().get(0);
        assertThat(listed.get("missedMeetings").asInt()).isEqualTo(1);
        assertThat(listed.get("plannedOn").asText()).isEqualTo("2027-01-19");

        // A week after the meeting's day: the curator's escalation, the mentor in copy, the task raised.
        clockAt(LocalDateTime.of(2027, 1, 26, 8, 59));
        runDueJobs(pair);
        assertThat(subjects("curator@school.test")).noneMatch(s -> s.startsWith("Просрочено"));
        clockAt(LocalDateTime.of(2027, 1, 26, 9, 1));
        runDueJobs(pair);
        assertThat(subjects("curator@school.test")).contains("Просрочено: " + silent.getName());
        assertThat(engine.getTaskService().createTaskQuery().taskId(silent.getId()).singleResult().getPriority())
                .isEqualTo(100);
        assertThat(pairProcess(pair)).isWaitingAt(PairProcess.TASK_REPORT_MEETING);
    }

    @Test
    void aGroupOfThreeMenteesHasAttendancePerMentee() throws Exception {
        Pair group = fixPair(3, LocalDateTime.of(2026, 12, 1, 10, 0));
        assertThat(group.group()).isTrue();
        clockAt(LocalDateTime.of(2026, 12, 5, 9, 1));
        runDueJobs(group);
        // The mentor and every mentee (by own address, or the representative's) get their own reminder.
        for (Pair.Person mentee : group.mentees()) {
            String to = mentee.email() != null ? mentee.email() : mentee.representativeEmail();
            assertThat(subjects(to)).contains("Напоминание: Встреча-знакомство 08.12.2026" + " — " + school);
        }
        Pair.Person withOwnAddress = group.mentees().stream().filter(m -> m.email() != null).findFirst().orElseThrow();
        MimeMessage copy = Arrays.stream(receivedMail())
                .filter(m -> recipients(m, Message.RecipientType.TO).contains(withOwnAddress.email())).findFirst()
                .orElseThrow();
        assertThat(recipients(copy, Message.RecipientType.CC)).containsExactly(withOwnAddress.representativeEmail());

        Pair.Person absent = group.mentees().get(1);
        List<Long> came = group.mentees().stream().map(Pair.Person::personId)
                .filter(id -> id != absent.personId()).toList();
        report(group, LocalDateTime.of(2026, 12, 8, 17, 0), LocalDate.of(2026, 12, 8), came, null);

        PairMeetings.Meeting first = meetings.meetings(group.id()).get(0);
        assertThat(first.attendance()).hasSize(3);
        assertThat(first.attendance()).filteredOn(PairMeetings.Attendance::attended)
                .extracting(PairMeetings.Attendance::personId).containsExactlyInAnyOrderElementsOf(came);
        assertThat(first.attendance()).filteredOn(a -> !a.attended())
                .extracting(PairMeetings.Attendance::personId).containsExactly(absent.personId());

        HttpResponse<String> details = RestClient.as(port, "curator", PASSWORD)
                .get("/api/programmes/" + programme + "/pairs/" + group.id());
        assertThat(details.statusCode()).as(details.body()).isEqualTo(200);
        JsonNode attendance = JSON.readTree(details.body()).get("meetings").get(0).get("attendance");
        assertThat(attendance).hasSize(3);
        assertThat(details.body()).contains("\"currentStep\":\"trial\"");
        assertThat(RestClient.as(port, "mentor1", PASSWORD).get("/api/programmes/" + programme + "/pairs/"
                + group.id()).statusCode()).isEqualTo(403);
    }

    /**
     * A mentee who leaves a group (the consent withdrawn) is no longer offered by the open report form nor by the next
     * meeting's: the options stay on the pair's instance, and a meeting sets them only when the instance has none.
     */
    @Test
    void aMenteeWhoLeavesAGroupIsNoLongerOfferedInTheReportForm() {
        Pair group = fixPair(3, LocalDateTime.of(2026, 12, 1, 10, 0));
        assertThat(offered(meetingTask(group))).containsExactlyElementsOf(all(group));
        Pair.Person leaving = group.mentees().get(1);
        HttpResponse<String> withdrawn = RestClient.as(port, "curator", PASSWORD).post("/api/programmes/" + programme
                + "/participants/" + leaving.personId() + "/withdrawal", "{\"reason\": \"заявление от 01.12.2026\", "
                + "\"withdrawnBy\": \"representative\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        Pair after = pairs.get(group.id());
        assertThat(after.mentees()).hasSize(2).doesNotContain(leaving);

        assertThat(offered(meetingTask(after))).containsExactlyElementsOf(all(after));
        report(after, LocalDateTime.of(2026, 12, 8, 17, 0), LocalDate.of(2026, 12, 8), all(after), null);
        Task trial = meetingTask(after);
        assertThat(trial.getName()).startsWith("Пробная рабочая встреча");
        assertThat(offered(trial)).containsExactlyElementsOf(all(after));
        assertThat(engine.getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(after.processInstanceId()).variableName(PairMeetingSteps.MENTEE_OPTIONS.name())
                .singleResult().getExecutionId()).isEqualTo(after.processInstanceId());
    }

    /** A mentee's name corrected by staff is what the open report form offers (the options are set once). */
    @Test
    void aMenteesCorrectedNameIsOfferedByTheOpenReportForm() {
        Pair group = fixPair(2, LocalDateTime.of(2026, 12, 1, 10, 0));
        Pair.Person renamed = group.mentees().get(0);
        HttpResponse<String> corrected = RestClient.as(port, "curator", PASSWORD).patch("/api/programmes/" + programme
                + "/participants/" + renamed.personId(), "{\"fullName\": \"Исправленова Мария Петровна\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);

        @SuppressWarnings("unchecked")
        List<Map<String, String>> options = (List<Map<String, String>>) engine.getTaskService()
                .getVariable(meetingTask(group).getId(), PairMeetingSteps.MENTEE_OPTIONS.name());
        assertThat(options).contains(Map.of("value", String.valueOf(renamed.personId()),
                "label", "Исправленова Мария Петровна")).hasSize(2);
    }

    @Test
    void aBadReportIsRefusedAndTheProcessDoesNotMove() {
        Pair pair = fixPair(1, LocalDateTime.of(2026, 12, 1, 10, 0));
        Task task = meetingTask(pair);
        clockAt(LocalDateTime.of(2026, 12, 8, 17, 0));

        assertThatThrownBy(() -> complete(task, pair.mentorUserId(), reportVariables(LocalDate.of(2026, 12, 9),
                all(pair), null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("«Дата встречи»: дата не может быть позже сегодняшней");
        assertThatThrownBy(() -> complete(task, pair.mentorUserId(), reportVariables(LocalDate.of(2026, 11, 30),
                all(pair), null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("раньше, чем закреплена пара (01.12.2026)");
        assertThatThrownBy(() -> complete(task, pair.mentorUserId(), reportVariables(LocalDate.of(2026, 12, 8),
                List.of(999_999_999L), null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("не входит в эту пару");

        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(pairProcess(pair)).isWaitingAt(PairProcess.TASK_REPORT_MEETING);
        assertThat(meetings.meetings(pair.id())).singleElement().satisfies(m -> assertThat(m.reported()).isFalse());
    }

    @Test
    void movingAMeetingMovesItsDueDateAndReminders() throws Exception {
        Pair pair = fixPair(1, LocalDateTime.of(2026, 12, 1, 10, 0));
        long meetingId = meetings.meetings(pair.id()).get(0).id();
        String path = "/api/programmes/" + programme + "/pairs/" + pair.id() + "/meetings/" + meetingId;
        clockAt(LocalDateTime.of(2026, 12, 2, 10, 0));

        assertThat(RestClient.as(port, "mentor1", PASSWORD).patch(path, "{\"plannedOn\": \"2026-12-15\"}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> past = RestClient.as(port, "curator", PASSWORD).patch(path,
                "{\"plannedOn\": \"2026-12-01\"}");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("позже сегодняшней");
        HttpResponse<String> moved = RestClient.as(port, "curator", PASSWORD).patch(path,
                "{\"plannedOn\": \"2026-12-15\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).get("plannedOn").asText()).isEqualTo("2026-12-15");

        assertThat(meetingTask(pair).getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 12, 15, 18, 0)));
        String meetingProcess = meetings.get(meetingId).processInstanceId();
        assertThat(timer(meetingProcess, "Timer_RemindBeforeDue")).isEqualTo(at(LocalDateTime.of(2026, 12, 12, 9, 0)));
        assertThat(timer(meetingProcess, "Timer_EscalateAfterDue")).isEqualTo(at(LocalDateTime.of(2026, 12, 16, 9, 0)));
        assertThat(timer(meetingProcess, "Timer_EscalateToCurator"))
                .isEqualTo(at(LocalDateTime.of(2026, 12, 22, 9, 0)));
        // The task read its dates when it was created: the move does not store them anywhere.
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(meetingProcess)
                .variableNameIn(PairMeetingSteps.TASK_CREATION_VARIABLES.toArray(String[]::new)).count()).isZero();
        assertThat(engine.getTaskService().getVariable(meetingTask(pair).getId(), Deadlines.VAR_DUE_TEXT.name()))
                .isEqualTo("15.12.2026");
        clockAt(LocalDateTime.of(2026, 12, 9, 9, 1));
        runDueJobs(pair);
        assertThat(subjects(pair.mentor().email())).noneMatch(s -> s.startsWith("Напоминание")
                || s.startsWith("Встреча не отмечена"));
    }

    @Test
    void theMentorMovesAMeetingFromTheReportFormAndTheTaskOpensAgainForTheNewDay() throws Exception {
        Pair pair = fixPair(1, LocalDateTime.of(2026, 12, 1, 10, 0));
        long meetingId = meetings.meetings(pair.id()).get(0).id();
        String meetingProcess = meetings.get(meetingId).processInstanceId();
        Task task = meetingTask(pair);
        clockAt(LocalDateTime.of(2026, 12, 7, 10, 0));
        runDueJobs(pair);
        ICalendar first = invitation(pair.mentor().email(), "Напоминание: Встреча-знакомство 08.12.2026", "REQUEST");
        forgetMail();

        // A bad new day or no reason is refused before anything moves; the report fields are not asked for.
        assertThatThrownBy(() -> complete(task, pair.mentorUserId(), moveVariables("2026-12-07", "Болезнь")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("позже сегодняшней");
        assertThatThrownBy(() -> complete(task, pair.mentorUserId(), moveVariables("2027-05-04", "Болезнь")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("не позже срока итоговой встречи (30.04.2027)");
        assertThatThrownBy(() -> complete(task, pair.mentorUserId(), moveVariables("2026-12-15", " ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("«Почему встреча переносится» обязательно");
        assertThat(meetingTask(pair).getId()).isEqualTo(task.getId());
        assertThat(meetings.get(meetingId).plannedOn()).isEqualTo(LocalDate.of(2026, 12, 8));

        complete(task, pair.mentorUserId(), moveVariables("2026-12-15", "Наставляемый заболел"));

        // The same meeting, not reported, with a new task due on the new day and its three timers moved.
        Task moved = meetingTask(pair);
        assertThat(moved.getId()).isNotEqualTo(task.getId());
        assertThat(moved.getName()).isEqualTo(task.getName());
        assertThat(moved.getAssignee()).isEqualTo(pair.mentorUserId());
        assertThat(moved.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 12, 15, 18, 0)));
        assertThat(timer(meetingProcess, "Timer_RemindBeforeDue")).isEqualTo(at(LocalDateTime.of(2026, 12, 12, 9, 0)));
        assertThat(timer(meetingProcess, "Timer_EscalateAfterDue")).isEqualTo(at(LocalDateTime.of(2026, 12, 16, 9, 0)));
        assertThat(timer(meetingProcess, "Timer_EscalateToCurator"))
                .isEqualTo(at(LocalDateTime.of(2026, 12, 22, 9, 0)));
        assertThat(meetings.meetings(pair.id())).singleElement().satisfies(m -> {
            assertThat(m.plannedOn()).isEqualTo(LocalDate.of(2026, 12, 15));
            assertThat(m.reported()).isFalse();
        });
        assertThat(pairProcess(pair)).isWaitingAt(PairProcess.TASK_REPORT_MEETING);
        // The new task's form starts clean: the answer «перенести» is not pre-selected.
        assertThat(engine.getTaskService().getVariables(moved.getId()))
                .doesNotContainKeys("meetingOutcome", "newPlannedOn", "moveReason");
        assertThat(answersHistory(meetingProcess)).as("the move's answers in the engine's history").isZero();
        assertThat(subjects("curator@school.test")).contains("Встреча перенесена: Встреча-знакомство" + " — " + school);
        assertThat(mailText("curator@school.test", "Встреча перенесена"))
                .contains("с 08.12.2026 на 15.12.2026", "Причина: Наставляемый заболел");

        // No reminder for the old day; the reminder comes before the new one, and the report goes on as usual.
        clockAt(LocalDateTime.of(2026, 12, 9, 9, 1));
        runDueJobs(pair);
        assertThat(subjects(pair.mentor().email())).noneMatch(s -> s.startsWith("Встреча не отмечена"));
        clockAt(LocalDateTime.of(2026, 12, 12, 9, 1));
        runDueJobs(pair);
        assertThat(subjects(pair.mentor().email())).contains("Напоминание: Встреча-знакомство 15.12.2026" + " — " + school);
        // The calendar replaces the event: same UID, a higher SEQUENCE, the new day at the usual hour, school time.
        ICalendar again = invitation(pair.mentor().email(), "Встреча-знакомство 15.12.2026", "REQUEST");
        VEvent before = first.getEvents().get(0);
        VEvent after = again.getEvents().get(0);
        assertThat(again.getEvents()).hasSize(1);
        assertThat(before.getUid().getValue()).isEqualTo("meeting-" + meetingId + "@school.local");
        assertThat(after.getUid().getValue()).isEqualTo(before.getUid().getValue());
        assertThat(before.getSequence().getValue()).isZero();
        assertThat(after.getSequence().getValue()).isEqualTo(1);
        assertThat(before.getDateStart().getValue()).isEqualTo(at(LocalDateTime.of(2026, 12, 8, 15, 0)));
        assertThat(after.getDateStart().getValue()).isEqualTo(at(LocalDateTime.of(2026, 12, 15, 15, 0)));
        assertThat(after.getAttendees()).extracting(a -> a.getEmail()).containsExactly(pair.mentor().email());
        report(pair, LocalDateTime.of(2026, 12, 15, 17, 0), LocalDate.of(2026, 12, 15), all(pair), null);
        assertThat(meetingTask(pair).getName()).startsWith("Пробная рабочая встреча");
        assertThat(meetings.get(meetingId).heldOn()).isEqualTo(LocalDate.of(2026, 12, 15));
    }

    /** A meeting opened before its dates were transient stores them in its scope; moving it keeps them stored. */
    @Test
    void aMeetingWhoseScopeStoresItsDatesIsMovedFromTheReportForm() {
        Pair pair = fixPair(1, LocalDateTime.of(2026, 12, 1, 10, 0));
        Task task = meetingTask(pair);
        String meetingScope = engine.getRuntimeService().getActivityInstance(pair.processInstanceId())
                .getActivityInstances(PairProcess.SUB_PROCESS_PAIR_MEETING)[0].getExecutionIds()[0];
        Map<String, Object> stored = new HashMap<>(meetings.taskCreationVariables(meetings.meetings(pair.id()).get(0).id()));
        stored.keySet().retainAll(PairMeetingSteps.TASK_CREATION_VARIABLES);
        engine.getRuntimeService().setVariablesLocal(meetingScope, stored);
        clockAt(LocalDateTime.of(2026, 12, 7, 10, 0));

        complete(task, pair.mentorUserId(), moveVariables("2026-12-15", "Наставляемый заболел"));

        assertThat(meetingTask(pair).getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 12, 15, 18, 0)));
        assertThat(timer(pair.processInstanceId(), "Timer_EscalateToCurator"))
                .isEqualTo(at(LocalDateTime.of(2026, 12, 22, 9, 0)));
        assertThat(engine.getRuntimeService().getVariableLocal(meetingScope, "itemDueDate"))
                .isEqualTo(at(LocalDateTime.of(2026, 12, 15, 18, 0)));
    }

    @Test
    void anEarlyEndCancelsTheCalendarEventThatWasSent() throws Exception {
        Pair pair = fixPair(1, LocalDateTime.of(2026, 12, 1, 10, 0));
        long meetingId = meetings.meetings(pair.id()).get(0).id();
        clockAt(LocalDateTime.of(2026, 12, 7, 10, 0));
        runDueJobs(pair);
        ICalendar sent = invitation(pair.mentor().email(), "Напоминание: Встреча-знакомство 08.12.2026", "REQUEST");
        forgetMail();

        HttpResponse<String> ended = RestClient.as(port, "curator", PASSWORD)
                .post("/api/pairs/" + pair.id() + "/end", "{\"reason\": \"Переезд в другую школу\"}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);

        // The same event, cancelled: the calendar removes it instead of keeping a meeting that will not happen.
        ICalendar cancel = invitation(pair.mentor().email(), "Встреча отменена: Встреча-знакомство", "CANCEL");
        assertThat(cancel.getEvents()).hasSize(1);
        VEvent event = cancel.getEvents().get(0);
        assertThat(event.getUid().getValue()).isEqualTo("meeting-" + meetingId + "@school.local")
                .isEqualTo(sent.getEvents().get(0).getUid().getValue());
        assertThat(event.getSequence().getValue()).isGreaterThan(sent.getEvents().get(0).getSequence().getValue());
    }

    /**
     * A pair started before the meetings became a sub-process keeps its version of mentorship-pair, which calls
     * pair-meeting once per meeting and asks moreRegularMeetings (src/test/resources/legacy, as deployed then): the
     * same beans carry it on, and a staff move reaches its meeting process.
     */
    @Test
    void aPairStartedBeforeTheUpgradeGoesOnWithTheCalledMeetings() {
        RepositoryService repository = engine.getRepositoryService();
        String legacy = repository.createDeployment().name("meetings as a called process")
                .addClasspathResource("legacy/mentorship-pair.bpmn").addClasspathResource("legacy/pair-meeting.bpmn")
                .addClasspathResource("forms/report-pair-meeting.form").addClasspathResource("forms/mentor-feedback.form")
                .deploy().getId();
        try {
            Pair pair = fixPair(1, LocalDateTime.of(2026, 12, 1, 10, 0));
            assertThat(pairProcess(pair)).isWaitingAt("CallActivity_AcquaintanceMeeting");
            String acquaintance = meetingTask(pair).getProcessInstanceId();
            report(pair, LocalDateTime.of(2026, 12, 8, 17, 0), LocalDate.of(2026, 12, 8), all(pair), null);
            assertThat(meetingTask(pair).getName()).startsWith("Пробная рабочая встреча");
            assertThat(meetings.meetings(pair.id()).get(0).heldOn()).isEqualTo(LocalDate.of(2026, 12, 8));
            assertThat(answersHistory(acquaintance)).as("the called meeting's answers in the engine's history")
                    .isZero();
            report(pair, LocalDateTime.of(2026, 12, 15, 16, 0), LocalDate.of(2026, 12, 15), all(pair), null);
            Task planning = meetingTask(pair);
            assertThat(planning.getName()).startsWith("Встреча-планирование");
            report(pair, LocalDateTime.of(2026, 12, 22, 15, 0), LocalDate.of(2026, 12, 22), all(pair),
                    plan("monthly", requestValues(planning).get(0)));

            assertThat(pairProcess(pair)).isWaitingAt("CallActivity_RegularMeeting");
            Task regular = meetingTask(pair);
            assertThat(regular.getName()).startsWith("Регулярная встреча № 1");
            assertThat(regular.getProcessInstanceId()).isNotEqualTo(pair.processInstanceId());
            // Each called meeting is an instance of its own, which gets the mentees' options when it starts.
            assertThat(offered(regular)).containsExactlyElementsOf(all(pair));
            PairMeetings.Meeting meeting = meetings.meetings(pair.id()).get(3);
            meetings.move(programme, pair.id(), meeting.id(), LocalDate.of(2027, 1, 29), "curator");
            assertThat(meetingTask(pair).getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 1, 29, 18, 0)));
            assertThat(timer(regular.getProcessInstanceId(), "Timer_EscalateToCurator"))
                    .isEqualTo(at(LocalDateTime.of(2027, 2, 5, 9, 0)));
        } finally {
            repository.deleteDeployment(legacy, true);
        }
    }

    /**
     * The forms' header (programme's heading and overview link) is written once on the pair's process, not on each
     * meeting's task; the programme's title, which Tasklist's filters select by, stays on each task.
     */
    @Test
    void theFormsHeaderIsWrittenOnceOnThePairsProcess() {
        Pair pair = fixPair(1, LocalDateTime.of(2026, 12, 1, 10, 0));
        report(pair, LocalDateTime.of(2026, 12, 8, 17, 0), LocalDate.of(2026, 12, 8), all(pair), null);
        Task trial = meetingTask(pair);
        assertThat(trial.getName()).startsWith("Пробная рабочая встреча");

        for (String header : List.of("programmeHeading", "programmeOverview")) {
            assertThat(engine.getRuntimeService().createVariableInstanceQuery()
                    .processInstanceIdIn(pair.processInstanceId()).variableName(header).list())
                    .as(header).singleElement()
                    .satisfies(v -> assertThat(v.getExecutionId()).isEqualTo(pair.processInstanceId()))
                    .satisfies(v -> assertThat(v.getTaskId()).isNull());
            assertThat(engine.getTaskService().getVariable(trial.getId(), header)).as(header).isNotNull();
            // What Tasklist gives a Camunda Form (GET /task/{id}/form-variables).
            assertThat(engine.getFormService().getTaskFormVariables(trial.getId()).getValue(header, String.class))
                    .as(header).isNotNull();
        }
        assertThat(engine.getTaskService().getVariableLocal(trial.getId(),
                ProgrammeProcess.VAR_PROGRAMME_TITLE.name())).isNotNull();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A mentor and {@code mentees} mentees (the first a minor without an address), fixed by an approved order. */
    private Pair fixPair(int mentees, LocalDateTime fixedAt) {
        String mentor = TestParticipants.unique("Наставников") + " Пётр";
        String mentorMail = "mentor-" + tag + "@school.test";
        List<String> rows = new ArrayList<>();
        rows.add(mentor + ";01.02.2009;Ученик;11Б;;математика;" + mentorMail + ";;Наставник;Ученик – ученик;;"
                + "Успеваемость;;шахматы;3;;5;;;4,8;Да;01.09.2026;Родитель Мария Ивановна;pm-" + tag + "@mail.test");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < mentees; i++) {
            String name = TestParticipants.unique("Ученикова") + " Анна";
            names.add(name);
            String own = i == 2 ? "pupil" + i + "-" + tag + "@mail.test" : "";
            rows.add(name + ";10.03.2014;Ученик;6А;;математика;" + own + ";;Наставляемый;Ученик – ученик;"
                    + "Успеваемость, Олимпиады и конкурсы;;;шахматы;;3;2;3;4;3,2;Да;01.09.2026;Родителева Мария"
                    + ";parent" + i + "-" + tag + "@mail.test");
        }
        Map<String, Long> ids = TestParticipants.importRows(port, programme, rows);
        clockAt(fixedAt);
        List<MatchingProposal.Member> members = names.stream().map(n -> new MatchingProposal.Member(
                String.valueOf(ids.get(n)), n, 0, false, List.of())).toList();
        MatchingProposal proposal = new MatchingProposal(List.of(new MatchingProposal.Group(
                String.valueOf(ids.get(mentor)), mentor, "pupil-pupil", null, 3, 0, members)), List.of(), null);
        PairOrder draft = orders.create(programme, proposal, null, "curator");
        PairOrder approved = orders.approve(programme, draft.id(), "director");
        Pair pair = pairs.fix(approved, "curator", "director").get(0);
        fixedPairs.add(pair.id());
        return pair;
    }

    /** The pair's running process; camunda-bpm-assert follows it after it ends. */
    private ProcessInstance pairProcess(Pair pair) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pair.processInstanceId())
                .singleResult();
    }

    /** The pair's one open task: a meeting to report or the mentor's feedback. */
    private Task meetingTask(Pair pair) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(PairProcess.businessKey(programme, pair.id())).singleResult();
    }

    private void report(Pair pair, LocalDateTime when, LocalDate heldOn, List<Long> attended,
                        Map<String, Object> plan) {
        clockAt(when);
        runDueJobs(pair);
        complete(meetingTask(pair), pair.mentorUserId(), reportVariables(heldOn, attended, plan));
    }

    private static Map<String, Object> reportVariables(LocalDate heldOn, List<Long> attended,
                                                       Map<String, Object> plan) {
        Map<String, Object> vars = TestPairs.meetingReport(heldOn, attended);
        if (plan != null) {
            vars.putAll(plan);
        }
        return vars;
    }

    /** The engine's history of the report form's answers in the process instance, removed ones included. */
    private long answersHistory(String processInstanceId) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn(PairMeetingSteps.REPORT_ANSWERS.toArray(String[]::new)).includeDeleted().count();
    }

    /** The mentor's «Встреча не состоялась — перенести» in the report form. */
    private static Map<String, Object> moveVariables(String newDay, String reason) {
        return Map.of("meetingOutcome", "moved", "newPlannedOn", newDay, "moveReason", reason);
    }

    private static Map<String, Object> plan(String frequency, String request) {
        return Map.of("planFrequency", frequency, "planGoals", "Подтянуть математику",
                "planItems", "Разбор олимпиадных задач раз в месяц",
                "planRequests", SpinValues.jsonValue("[\"" + request + "\"]").create());
    }

    @SuppressWarnings("unchecked")
    private List<String> requestValues(Task planning) {
        return ((List<Map<String, String>>) engine.getTaskService().getVariable(planning.getId(), "requestOptions"))
                .stream().map(o -> o.get("value")).toList();
    }

    /** The person ids the report form offers among the mentees who came. */
    @SuppressWarnings("unchecked")
    private List<Long> offered(Task report) {
        return ((List<Map<String, String>>) engine.getTaskService().getVariable(report.getId(),
                PairMeetingSteps.MENTEE_OPTIONS.name())).stream().map(o -> Long.valueOf(o.get("value"))).toList();
    }

    private static List<Long> all(Pair pair) {
        return pair.mentees().stream().map(Pair.Person::personId).toList();
    }

    /** Executes the due jobs of the pair's process, until none is due. */
    private void runDueJobs(Pair pair) {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(pair.processInstanceId()).executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
        }
    }

    private Date timer(String processInstanceId, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult().getDuedate();
    }

    private JsonNode pairList() throws Exception {
        HttpResponse<String> list = RestClient.as(port, "curator", PASSWORD).get("/api/programmes/" + programme
                + "/pairs");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JSON.readTree(list.body());
    }

    private List<String> subjects(String address) {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : receivedMail()) {
            if (recipients(message, Message.RecipientType.TO).contains(address)
                    || recipients(message, Message.RecipientType.CC).contains(address)) {
                try {
                    subjects.add(message.getSubject());
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return subjects;
    }

    private String mailText(String address, String subjectPart) throws Exception {
        for (MimeMessage message : receivedMail()) {
            if (recipients(message, Message.RecipientType.TO).contains(address)
                    && message.getSubject().contains(subjectPart)) {
                return text(message);
            }
        }
        throw new AssertionError("No mail to " + address + " with «" + subjectPart + "»");
    }

    /** The invitation of the mail to {@code address} with {@code subjectPart}: its text/calendar part, parsed. */
    private ICalendar invitation(String address, String subjectPart, String method) throws Exception {
        for (MimeMessage message : receivedMail()) {
            if (recipients(message, Message.RecipientType.TO).contains(address)
                    && message.getSubject().contains(subjectPart)) {
                Multipart parts = (Multipart) message.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    if (parts.getBodyPart(i).isMimeType("text/calendar")) {
                        assertThat(parts.getBodyPart(i).getContentType()).contains("method=" + method);
                        String ics = new String(parts.getBodyPart(i).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        assertThat(ics).contains("METHOD:" + method, "DTSTART;TZID=Europe/Moscow:");
                        return Biweekly.parse(ics).first();
                    }
                }
                throw new AssertionError("No invitation in «" + message.getSubject() + "»");
            }
        }
        throw new AssertionError("No mail to " + address + " with «" + subjectPart + "»");
    }

    private static List<String> recipients(MimeMessage message, Message.RecipientType type) {
        try {
            Address[] addresses = message.getRecipients(type);
            return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date at(LocalDateTime schoolTime) {
        return Date.from(schoolTime.atZone(SCHOOL_ZONE).toInstant());
    }
}
