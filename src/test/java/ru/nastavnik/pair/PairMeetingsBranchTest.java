package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;
import ru.nastavnik.shared.ValidationException;

/**
 * The branches and timers of pair-meeting with its delegates mocked (the stories: MentorshipPairProcessTest,
 * MeetingScheduleTest).
 */
@Deployment(resources = "bpmn/pair-meeting.bpmn")
class PairMeetingsBranchTest extends ProcessBranchTest {

    private static final Date DUE = at(2026, 10, 8, 18);
    private static final Date MOVED_DUE = at(2026, 10, 15, 18);

    private JavaDelegate plan;
    private JavaDelegate move;
    private JavaDelegate record;
    private JavaDelegate remind;
    private JavaDelegate remindUnreported;
    private JavaDelegate escalate;

    @BeforeEach
    void mockDelegates() {
        plan = delegateSetting("planPairMeeting", meetingDeadline(DUE));
        move = delegate("movePairMeeting", execution -> {
            execution.setVariables(meetingDeadline(MOVED_DUE));
            execution.removeVariables(List.of(MovePairMeeting.VAR_OUTCOME.name(), MovePairMeeting.VAR_NEW_DATE.name()));
        });
        record = delegate("recordPairMeeting");
        remind = delegate("sendMeetingReminder");
        remindUnreported = delegate("remindUnreportedMeeting");
        escalate = delegate("escalateOverdueTask");
    }

    @Test
    void theMentorReportsTheMeetingAndItIsRecorded() {
        ProcessInstance meeting = open();
        assertThat(activitiesOf(plan)).containsExactly("Task_PlanPairMeeting");
        Task report = taskAt(meeting, PairMeetings.TASK_REPORT_MEETING);
        assertThat(report.getAssignee()).isEqualTo("mentor1");
        assertThat(report.getDueDate()).isEqualTo(DUE);

        complete(meeting, PairMeetings.TASK_REPORT_MEETING, Map.of(MovePairMeeting.VAR_OUTCOME.name(), "held"));
        assertThat(meeting).isEnded().hasPassed("EndEvent_MeetingReported").hasNotPassed("Task_MovePairMeeting");
        assertThat(calls(record)).singleElement().satisfies(call -> assertThat(call.variables())
                .containsEntry(PairMeetings.VAR_MEETING_KIND.name(), "regular").containsEntry("pairId", 3L));
        verifyNoInteractions(move, remind, remindUnreported, escalate);
    }

    @Test
    void aMovedMeetingOpensTheReportAgainWithTheNewDateAndTimers() {
        ProcessInstance meeting = open();
        complete(meeting, PairMeetings.TASK_REPORT_MEETING,
                Map.of(MovePairMeeting.VAR_OUTCOME.name(), "moved", MovePairMeeting.VAR_NEW_DATE.name(), "2026-10-15"));

        assertThat(activitiesOf(move)).containsExactly("Task_MovePairMeeting");
        assertThat(meeting).isWaitingAt(PairMeetings.TASK_REPORT_MEETING);
        assertThat(taskAt(meeting, PairMeetings.TASK_REPORT_MEETING).getDueDate()).isEqualTo(MOVED_DUE);
        assertThat(timer(meeting, PairMeetings.TIMER_REMIND_BEFORE_DUE).getDuedate())
                .isEqualTo(meetingDeadline(MOVED_DUE).get("reminderAt"));
        verifyNoInteractions(record);

        complete(meeting, PairMeetings.TASK_REPORT_MEETING, Map.of());
        assertThat(meeting).isEnded();
        assertThat(activitiesOf(record)).containsExactly("Task_RecordPairMeeting");
    }

    @Test
    void aRefusedMoveLeavesTheReportAsItWas() {
        delegate("movePairMeeting", execution -> {
            throw new ValidationException(MovePairMeeting.VAR_NEW_DATE.name(), "Дата позже конца работы пары");
        });
        ProcessInstance meeting = open();
        Task report = taskAt(meeting, PairMeetings.TASK_REPORT_MEETING);

        assertThatThrownBy(() -> tasks().complete(report.getId(), Map.of(MovePairMeeting.VAR_OUTCOME.name(), "moved")))
                .isInstanceOf(ValidationException.class);
        assertThat(taskAt(meeting, PairMeetings.TASK_REPORT_MEETING).getId()).isEqualTo(report.getId());
        assertThat(runtime().getVariable(meeting.getId(), MovePairMeeting.VAR_OUTCOME.name())).isNull();
        verifyNoInteractions(record);
    }

    @Test
    void theMentorIsRemindedBeforeAndAfterTheDayThenTheCuratorIsTold() {
        ProcessInstance meeting = runtime().createProcessInstanceByKey(PairMeetings.PROCESS_ID)
                .setVariables(variables()).setVariables(meetingDeadline(DUE))
                .startBeforeActivity(PairMeetings.TASK_REPORT_MEETING).execute();

        fire(meeting, PairMeetings.TIMER_REMIND_BEFORE_DUE);
        assertThat(activitiesOf(remind)).containsExactly("Task_SendMeetingReminder");
        fire(meeting, PairMeetings.TIMER_ESCALATE_AFTER_DUE);
        assertThat(activitiesOf(remindUnreported)).containsExactly("Task_RemindUnreportedMeeting");
        verifyNoInteractions(escalate);
        assertThat(fire(meeting, PairMeetings.TIMER_ESCALATE_TO_CURATOR)).isEqualTo(at(2026, 10, 13, 18));
        assertThat(activitiesOf(escalate)).containsExactly("Task_EscalateOverdueTask");

        assertThat(meeting).isWaitingAt(PairMeetings.TASK_REPORT_MEETING);
        assertThat(management().createJobQuery().processInstanceId(meeting.getId()).count()).isZero();
    }

    private ProcessInstance open() {
        return runtime().startProcessInstanceByKey(PairMeetings.PROCESS_ID, "programme-1", variables());
    }

    private static Map<String, Object> variables() {
        return Map.of("programmeId", 1L, "curatorId", "curator", PairProcess.VAR_PAIR_ID.name(), 3L,
                PairProcess.VAR_MENTOR_USER_ID.name(), "mentor1", PairMeetings.VAR_MEETING_KIND.name(), "regular");
    }

    /** A meeting's dates: the curator hears of an unreported meeting five days after it. */
    private static Map<String, Object> meetingDeadline(Date due) {
        Map<String, Object> variables = new HashMap<>(deadline(due));
        variables.put(PairMeetings.VAR_CURATOR_ESCALATION_AT.name(), new Date(due.getTime() + 5 * 24 * 3600_000L));
        return variables;
    }
}
