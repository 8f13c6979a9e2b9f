package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

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
 * The branches and timers of a meeting, the embedded sub-process of mentorship-pair, with its delegates mocked and
 * the pair's work ending after it (the stories: MentorshipPairProcessTest, MeetingScheduleTest).
 */
@Deployment(resources = "bpmn/mentorship-pair.bpmn")
class PairMeetingsBranchTest extends ProcessBranchTest {

    private static final Date DUE = at(2026, 10, 8, 18);
    private static final Date MOVED_DUE = at(2026, 10, 15, 18);

    private JavaDelegate plan;
    private JavaDelegate move;
    private JavaDelegate record;
    private JavaDelegate remind;
    private JavaDelegate remindUnreported;
    private JavaDelegate escalate;
    private JavaDelegate finish;
    private PairMeetings meetings;

    @BeforeEach
    void mockDelegates() {
        // As the real step: the meeting's variables local to the sub-process, so that they end with it.
        plan = delegate("planPairMeeting", execution -> {
            execution.setVariablesLocal(meetingDeadline(DUE));
            execution.setVariableLocal(PairMeetings.VAR_MEETING_KIND.name(), "regular");
        });
        move = delegate("movePairMeeting", execution -> {
            execution.setVariables(meetingDeadline(MOVED_DUE));
            execution.removeVariables(List.of(MovePairMeeting.VAR_OUTCOME.name(), MovePairMeeting.VAR_NEW_DATE.name()));
        });
        record = delegate("recordPairMeeting");
        remind = delegate("sendMeetingReminder");
        remindUnreported = delegate("remindUnreportedMeeting");
        escalate = delegate("escalateOverdueTask");
        finish = delegate("finishPair");
        meetings = expressionBean("pairMeetings", mock(PairMeetings.class));
        when(meetings.nextStep(any())).thenReturn(MeetingOrder.NextStep.DONE);
    }

    @Test
    void theMentorReportsTheMeetingAndItIsRecorded() {
        ProcessInstance meeting = open();
        assertThat(activitiesOf(plan)).containsExactly("Task_PlanPairMeeting");
        Task report = taskAt(meeting, PairProcess.TASK_REPORT_MEETING);
        assertThat(report.getAssignee()).isEqualTo("mentor1");
        assertThat(report.getDueDate()).isEqualTo(DUE);

        complete(meeting, PairProcess.TASK_REPORT_MEETING, Map.of(MovePairMeeting.VAR_OUTCOME.name(), "held"));
        assertThat(meeting).isEnded().hasPassed("EndEvent_MeetingReported").hasNotPassed("Task_MovePairMeeting");
        assertThat(calls(record)).singleElement().satisfies(call -> assertThat(call.variables())
                .containsEntry(PairMeetings.VAR_MEETING_KIND.name(), "regular").containsEntry("pairId", 3L));
        assertThat(activitiesOf(finish)).containsExactly("Task_FinishPair");
        verifyNoInteractions(move, remind, remindUnreported, escalate);
    }

    @Test
    void theMeetingsVariablesLiveInItsSubProcessAndEndWithIt() {
        ProcessInstance meeting = open();
        String holder = runtime().createVariableInstanceQuery().processInstanceIdIn(meeting.getId())
                .variableName(PairMeetings.VAR_MEETING_KIND.name()).singleResult().getExecutionId();
        assertThat(holder).isNotEqualTo(meeting.getId());
        assertThat(runtime().getActivityInstance(meeting.getId()).getActivityInstances(
                PairProcess.SUB_PROCESS_PAIR_MEETING)[0].getExecutionIds()).contains(holder);
        assertThat(runtime().getVariablesLocal(meeting.getId())).doesNotContainKeys("itemDueDate", "meetingKind");
        assertThat(taskAt(meeting, PairProcess.TASK_REPORT_MEETING).getDueDate()).isEqualTo(DUE);

        // The pair goes on to its feedback: nothing of the meeting stays on it.
        when(meetings.nextStep(any())).thenReturn(MeetingOrder.NextStep.FEEDBACK);
        delegateSetting("planMentorFeedback", Map.of("feedbackStartsAt", at(2027, 4, 1, 9)));
        complete(meeting, PairProcess.TASK_REPORT_MEETING, Map.of(MovePairMeeting.VAR_OUTCOME.name(), "held"));
        assertThat(meeting).isWaitingAt("Timer_FeedbackPeriod");
        assertThat(runtime().createVariableInstanceQuery().processInstanceIdIn(meeting.getId())
                .variableNameIn("meetingKind", "meetingId", "itemDueDate", "reminderAt", "curatorEscalationAt")
                .count()).isZero();
    }

    @Test
    void aMovedMeetingOpensTheReportAgainWithTheNewDateAndTimers() {
        ProcessInstance meeting = open();
        complete(meeting, PairProcess.TASK_REPORT_MEETING,
                Map.of(MovePairMeeting.VAR_OUTCOME.name(), "moved", MovePairMeeting.VAR_NEW_DATE.name(), "2026-10-15"));

        assertThat(activitiesOf(move)).containsExactly("Task_MovePairMeeting");
        assertThat(meeting).isWaitingAt(PairProcess.TASK_REPORT_MEETING);
        assertThat(taskAt(meeting, PairProcess.TASK_REPORT_MEETING).getDueDate()).isEqualTo(MOVED_DUE);
        assertThat(timer(meeting, PairProcess.TIMER_REMIND_BEFORE_DUE).getDuedate())
                .isEqualTo(meetingDeadline(MOVED_DUE).get("reminderAt"));
        verifyNoInteractions(record);

        complete(meeting, PairProcess.TASK_REPORT_MEETING, Map.of());
        assertThat(meeting).hasPassed("EndEvent_MeetingReported");
        assertThat(activitiesOf(record)).containsExactly("Task_RecordPairMeeting");
    }

    @Test
    void aRefusedMoveLeavesTheReportAsItWas() {
        delegate("movePairMeeting", execution -> {
            throw new ValidationException(MovePairMeeting.VAR_NEW_DATE.name(), "Дата позже конца работы пары");
        });
        ProcessInstance meeting = open();
        Task report = taskAt(meeting, PairProcess.TASK_REPORT_MEETING);

        assertThatThrownBy(() -> tasks().complete(report.getId(), Map.of(MovePairMeeting.VAR_OUTCOME.name(), "moved")))
                .isInstanceOf(ValidationException.class);
        assertThat(taskAt(meeting, PairProcess.TASK_REPORT_MEETING).getId()).isEqualTo(report.getId());
        assertThat(runtime().getVariable(meeting.getId(), MovePairMeeting.VAR_OUTCOME.name())).isNull();
        verifyNoInteractions(record);
    }

    @Test
    void theMentorIsRemindedBeforeAndAfterTheDayThenTheCuratorIsTold() {
        ProcessInstance meeting = runtime().createProcessInstanceByKey(PairProcess.PROCESS_ID)
                .setVariables(variables()).setVariables(meetingDeadline(DUE))
                .startBeforeActivity(PairProcess.TASK_REPORT_MEETING).execute();

        fire(meeting, PairProcess.TIMER_REMIND_BEFORE_DUE);
        assertThat(activitiesOf(remind)).containsExactly("Task_SendMeetingReminder");
        fire(meeting, PairProcess.TIMER_ESCALATE_AFTER_DUE);
        assertThat(activitiesOf(remindUnreported)).containsExactly("Task_RemindUnreportedMeeting");
        verifyNoInteractions(escalate);
        assertThat(fire(meeting, PairProcess.TIMER_ESCALATE_TO_CURATOR)).isEqualTo(at(2026, 10, 13, 18));
        assertThat(activitiesOf(escalate)).containsExactly("Task_EscalateOverdueTask");

        assertThat(meeting).isWaitingAt(PairProcess.TASK_REPORT_MEETING);
        assertThat(management().createJobQuery().processInstanceId(meeting.getId()).count()).isZero();
    }

    /** A pair's process at the start of a meeting. */
    private ProcessInstance open() {
        return runtime().createProcessInstanceByKey(PairProcess.PROCESS_ID).businessKey("programme-1")
                .setVariables(variables()).startBeforeActivity(PairProcess.SUB_PROCESS_PAIR_MEETING).execute();
    }

    private static Map<String, Object> variables() {
        return Map.of("programmeId", 1L, "curatorId", "curator", PairProcess.VAR_PAIR_ID.name(), 3L,
                PairProcess.VAR_MENTOR_USER_ID.name(), "mentor1");
    }

    /** A meeting's dates: the curator hears of an unreported meeting five days after it. */
    private static Map<String, Object> meetingDeadline(Date due) {
        Map<String, Object> variables = new HashMap<>(deadline(due));
        variables.put(PairMeetings.VAR_CURATOR_ESCALATION_AT.name(), new Date(due.getTime() + 5 * 24 * 3600_000L));
        return variables;
    }
}
