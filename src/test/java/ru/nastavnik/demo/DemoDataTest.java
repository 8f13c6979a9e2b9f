package ru.nastavnik.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.account.MentorAccounts;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.Groups;

/**
 * The demo's second programme: brought through stages 1–4 by the real services, waiting at stage 5; made once.
 * November's test runs first: a login belongs to one person, and the next school year's pupil mentor (a new
 * person, with another birth date) would otherwise take mentor3 before it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataTest extends IntegrationTest {

    @Autowired
    DemoPairsProgramme demo;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    RoadmapService roadmap;
    @Autowired
    ParticipantDirectory directory;
    @Autowired
    MentorAccounts accounts;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    private Programme programme;

    /** Its open tasks would crowd the Tasklist of later tests, as a finished test programme's would. */
    @AfterEach
    void endDemoProgramme() {
        if (programme == null) {
            return;
        }
        // The stages and items are called by the programme's process and go with it.
        if (runtime.createProcessInstanceQuery().processInstanceId(programme.processInstanceId()).count() > 0) {
            runtime.deleteProcessInstance(programme.processInstanceId(), "test over");
        }
        jdbc.sql("update programme set completed_at = current_timestamp where id = :id").param("id", programme.id())
                .update();
    }

    /** The demo's mentor logins; the teachers are the same persons in both tests' programmes. */
    @BeforeEach
    void demoMentorLogins() {
        ensureUser("mentor2", Groups.MENTOR);
        ensureUser("mentor3", Groups.MENTOR);
    }

    @Test
    @Order(1)
    void inNovemberTheSecondProgrammeWaitsForTheGroupMeetingWithItsParticipantsAndMentorLogins() {
        clockAt(LocalDateTime.of(2026, 11, 20, 10, 0));

        programme = demo.create();
        Programme again = demo.create();

        assertThat(again.id()).isEqualTo(programme.id());
        assertThat(programmes.list()).filteredOn(p -> p.schoolName().equals(DemoPairsProgramme.SCHOOL)
                && p.schoolYear().equals("2026/2027")).hasSize(1);
        assertThat(programme.roadmapApproved()).isTrue();
        assertThat(programmes.currentStage(programme)).isEqualTo(5);
        assertThat(stageProcess()).isWaitingAt("Task_RecordGroupMeeting");

        // Eight mentees, four mentors appointed after the training; all of them offered at the group meeting.
        List<ParticipantDirectory.Named> roster = directory.roster(programme.id());
        assertThat(roster).hasSize(12);
        assertThat(roster).filteredOn(ParticipantDirectory.Named::mentee).hasSize(8);
        assertThat(roster).filteredOn(p -> !p.mentee()).extracting(ParticipantDirectory.Named::role)
                .containsOnly("mentor").hasSize(4);
        Task meeting = taskService.createTaskQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(
                programme.id())).taskDefinitionKey("Task_RecordGroupMeeting").singleResult();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> options = (List<Map<String, String>>) taskService.getVariable(meeting.getId(),
                "groupMeetingOptions");
        assertThat(options).hasSize(12);

        // The three demo mentors have the demo logins; the fourth got an account of their own.
        Map<String, Long> ids = roster.stream().collect(Collectors.toMap(ParticipantDirectory.Named::fullName,
                ParticipantDirectory.Named::personId));
        DemoPairsProgramme.MENTOR_LOGINS.forEach((name, login) ->
                assertThat(accounts.userId(ids.get(name))).as(name).contains(login));
        assertThat(accounts.userId(ids.get("Егоров Илья Романович"))).isPresent()
                .get().isNotIn("mentor1", "mentor2", "mentor3");

        // Stages 1–4 done, each item on its due date or, when that is still ahead (stage 4's, in November), today;
        // stage 5's items are still open.
        LocalDate today = LocalDate.of(2026, 11, 20);
        assertThat(roadmap.roadmap(programme.id())).allSatisfy(item -> {
            if (item.stage() <= 4) {
                assertThat(item.doneOn()).as(item.code())
                        .isEqualTo(item.dueDate().isBefore(today) ? item.dueDate() : today);
            } else {
                assertThat(item.doneOn()).as(item.code()).isNull();
            }
        });
    }

    @Test
    @Order(2)
    void earlyInTheSchoolYearTheItemsAreDoneTodayAndNoDateIsInTheFuture() {
        LocalDate today = LocalDate.of(2027, 9, 3);
        clockAt(today.atTime(9, 0));

        programme = demo.create();

        assertThat(stageProcess()).isWaitingAt("Task_RecordGroupMeeting");
        assertThat(directory.roster(programme.id())).hasSize(12);
        assertThat(roadmap.roadmap(programme.id())).filteredOn(item -> item.stage() <= 4).map(RoadmapItem::doneOn)
                .containsOnly(today);
        assertThat(jdbc.sql("select max(given_on) from consent where programme_id = :id").param("id", programme.id()).query(LocalDate.class).single())
                .isEqualTo(today);
    }

    private ProcessInstance stageProcess() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("programme-stage-5-pairs")
                .processInstanceBusinessKey(ProgrammeProcess.businessKey(programme.id())).singleResult();
    }
}
