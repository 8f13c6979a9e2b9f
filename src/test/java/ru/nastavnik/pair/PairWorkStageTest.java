package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.shared.ValidationException;

/**
 * Stage 6 on its own: it waits for the programme's pairs or the date of their final meetings (item 6.6), escalates
 * the pairs still open then, and gives the curator the group final meeting and the satisfaction survey.
 */
class PairWorkStageTest extends IntegrationTest {

    private static final Map<String, String> FIRST_NAMES = Map.of("m1", "Пётр", "p1", "Анна", "m2", "Олег",
            "p2", "Вера");
    private static final Pattern LINK = Pattern.compile("https?://\\S+(/feedback/[A-Za-z0-9_-]+)");

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;

    private long programme;
    private ProcessInstance stage;

    @BeforeEach
    void programme() {
        // Started in September, so that the roadmap keeps the template's dates; stage 6 is tried in March.
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        programme = startProgrammeOverApi("Школа этапа 6 " + TestParticipants.unique(""), "pupil-pupil");
        clockAt(LocalDateTime.of(2027, 3, 1, 10, 0));
    }

    @AfterEach
    void endStage() {
        if (stage != null && runtimeService.createProcessInstanceQuery().processInstanceId(stage.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(stage.getId(), "test over");
        }
    }

    @Test
    void waitsForEveryPairThenHoldsTheGroupMeetingAndTheSurvey() throws Exception {
        List<Pair> fixed = twoPairs();
        startStage();
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", "Gateway_WaitForPairs");
        assertThat(runtimeService.getVariable(stage.getId(), "openPairs")).isEqualTo(2L);

        // One pair closes: the stage checks again and keeps waiting for the other.
        pairs.close(fixed.get(0).id(), Pair.FINISHED, null, "mentor1");
        assertThat(stage).isWaitingAt("Gateway_WaitForPairs");
        assertThat(runtimeService.getVariable(stage.getId(), "openPairs")).isEqualTo(1L);
        assertThat(single("Task_GroupFinalMeeting")).isNull();

        pairs.close(fixed.get(1).id(), Pair.ENDED, "Переезд в другой город", "curator");
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", "Task_GroupFinalMeeting");
        Task meeting = single("Task_GroupFinalMeeting");
        assertThat(meeting.getDueDate()).isEqualTo(schoolTime(LocalDateTime.of(2027, 4, 30, 18, 0)));
        assertThat((String) taskService.getVariable(meeting.getId(), "pairsSummary"))
                .contains("завершила работу", "закрыта досрочно: Переезд в другой город");
        assertThat(receivedMail()).isEmpty();

        assertThatThrownBy(() -> complete(meeting, "curator", Map.of("finalMeetingDate", "2027-03-01",
                "finalMeetingAttendance", 12))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Итоги встречи");
        complete(meeting, "curator", Map.of("finalMeetingDate", "2027-03-01", "finalMeetingAttendance", 12,
                "finalMeetingSummary", "Пары рассказали о результатах"));

        // The survey goes to the participants of the finished pair only (the other ended early).
        Task survey = single("Task_SatisfactionSurvey");
        assertThat(receivedMail()).hasSize(4);
        assertThat(recipients()).containsExactlyInAnyOrder("m1@pupil.test", "m1-parent@mail.test", "p1@pupil.test",
                "p1-parent@mail.test");
        assertThat((String) taskService.getVariable(survey.getId(), "surveySummary")).contains("| 2 | 0 |");

        // An answer through the link updates the counts the curator sees.
        String path = link(text(receivedMail()[0]));
        HttpResponse<String> answered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("rating=4&continue=yes")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat((String) taskService.getVariable(survey.getId(), "surveySummary")).contains("| 2 | 1 | 4,0 | 1 |");

        complete(survey, "curator", Map.of("surveyConclusion", "Участники довольны"));
        assertThat(stage).hasPassed("Task_SatisfactionSurvey").isWaitingAt("CallActivity_RoadmapItems");
    }

    @Test
    void pairsStillOpenAtTheDateAreEscalatedAndTheStageMovesOn() throws Exception {
        Pair open = twoPairs().get(0);
        startStage();
        Job timer = managementService.createJobQuery().processInstanceId(stage.getId())
                .activityId("Timer_PairsEndDate").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(schoolTime(LocalDateTime.of(2027, 5, 1, 9, 0)));

        clockAt(LocalDateTime.of(2027, 5, 1, 9, 1));
        managementService.executeJob(timer.getId());

        assertThat(stage).hasPassed("Task_EscalateOpenPairs").isWaitingAt("CallActivity_RoadmapItems",
                "Task_GroupFinalMeeting");
        MimeMessage escalation = receivedMail()[0];
        assertThat(escalation.getSubject()).startsWith("Пары не завершили работу к сроку");
        assertThat(Arrays.stream(escalation.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly("curator@school.test");
        assertThat(Arrays.stream(escalation.getRecipients(Message.RecipientType.CC)).map(Object::toString))
                .contains("director@school.test");
        assertThat(text(escalation)).contains("30.04.2027", open.mentor().fullName(),
                open.mentees().get(0).fullName(), "(2)");
        assertThat(pairs.get(open.id()).active()).isTrue();
        assertThat(runtimeService.getVariable(stage.getId(), "pairsOpenAtEnd")).isEqualTo(2L);
    }

    @Test
    void withoutPairsTheStageGoesStraightToTheGroupMeeting() {
        startStage();
        assertThat(stage).hasPassed("Task_CheckOpenPairs").isWaitingAt("CallActivity_RoadmapItems",
                "Task_GroupFinalMeeting");
        complete(single("Task_GroupFinalMeeting"), "curator", Map.of("finalMeetingDate", "2027-03-01",
                "finalMeetingAttendance", 0, "finalMeetingSummary", "Пар не было"));
        Task survey = single("Task_SatisfactionSurvey");
        assertThat((String) taskService.getVariable(survey.getId(), "surveySummary")).contains("не рассылались");
        assertThat(receivedMail()).isEmpty();
    }

    /** Two pairs of minor pupils: mentor m1 with p1, mentor m2 with p2; the mentors' account emails dropped. */
    private List<Pair> twoPairs() {
        Map<String, String> emails = new LinkedHashMap<>();
        for (String who : List.of("m1", "p1", "m2", "p2")) {
            emails.put(TestParticipants.unique(who.startsWith("m") ? "Наставников" : "Учеников") + " "
                    + FIRST_NAMES.get(who), who);
        }
        Map<String, Long> ids = TestParticipants.importRows(port, programme, emails.entrySet().stream()
                .map(e -> TestPairs.pupil(e.getKey(), e.getValue().startsWith("m"), e.getValue() + "@pupil.test",
                        e.getValue() + "-parent@mail.test")).toList());
        List<String> names = List.copyOf(emails.keySet());
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        groups.put(ids.get(names.get(0)), List.of(ids.get(names.get(1))));
        groups.put(ids.get(names.get(2)), List.of(ids.get(names.get(3))));
        List<Pair> fixed = TestPairs.fix(orders, pairs, programme, groups);
        forgetMail();
        return fixed;
    }

    private void startStage() {
        stage = runtimeService.startProcessInstanceByKey(PairWorkStage.PROCESS_ID, "programme-" + programme,
                Map.of("programmeId", programme, "curatorId", "curator"));
    }

    private Task single(String key) {
        return taskService.createTaskQuery().processInstanceId(stage.getId()).taskDefinitionKey(key).singleResult();
    }

    private List<String> recipients() throws Exception {
        List<String> all = new java.util.ArrayList<>();
        for (MimeMessage m : receivedMail()) {
            Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).forEach(all::add);
        }
        return all.stream().distinct().toList();
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static Date schoolTime(LocalDateTime time) {
        return Date.from(time.atZone(SCHOOL_ZONE).toInstant());
    }
}
