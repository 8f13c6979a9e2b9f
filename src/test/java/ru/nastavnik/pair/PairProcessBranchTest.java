package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;
import ru.nastavnik.pair.MeetingOrder.NextStep;

/**
 * The branches and timers of mentorship-pair with its delegates mocked; what follows a meeting is stubbed (the
 * order itself: MeetingOrderTest; the story: MentorshipPairProcessTest).
 */
@Deployment(resources = "bpmn/mentorship-pair.bpmn")
class PairProcessBranchTest extends ProcessBranchTest {

    private static final Date FEEDBACK_STARTS = at(2027, 4, 1, 9);
    private static final String MENTOR_FEEDBACK = "Task_MentorFeedback";

    private PairMeetings meetings;
    private JavaDelegate planMeeting;
    private JavaDelegate recordMeeting;
    private JavaDelegate planFeedback;
    private JavaDelegate recordFeedback;
    private JavaDelegate sendLinks;
    private JavaDelegate finish;
    private JavaDelegate remind;
    private JavaDelegate escalate;

    @BeforeEach
    void mockDelegates() {
        meetings = expressionBean("pairMeetings", mock(PairMeetings.class));
        Map<String, Object> meeting = new HashMap<>(deadline(at(2026, 10, 8, 18)));
        meeting.put(PairMeetings.VAR_CURATOR_ESCALATION_AT.name(), at(2026, 10, 13, 18));
        planMeeting = delegate("planPairMeeting", execution -> execution.setVariablesLocal(meeting));
        recordMeeting = delegate("recordPairMeeting");
        Map<String, Object> feedback = new HashMap<>(deadline(at(2027, 4, 10, 18)));
        feedback.put("feedbackStartsAt", FEEDBACK_STARTS);
        planFeedback = delegateSetting("planMentorFeedback", feedback);
        recordFeedback = delegate("recordMentorFeedback");
        sendLinks = delegate("sendMenteeFeedbackLinks");
        finish = delegate("finishPair");
        remind = delegate("sendDueReminder");
        escalate = delegate("escalateOverdueTask");
    }

    @Test
    void thePairMeetsGivesFeedbackMeetsOnceMoreAndFinishes() {
        // Five meetings, then the feedback, then the final meeting (the sixth report), then the end.
        when(meetings.nextStep(any())).thenAnswer(call -> switch (calls(recordMeeting).size()) {
            case 5 -> NextStep.FEEDBACK;
            case 6 -> NextStep.DONE;
            default -> NextStep.MEETING;
        });
        ProcessInstance pair = runtime().startProcessInstanceByKey(PairProcess.PROCESS_ID, "programme-1", variables());
        for (int meeting = 0; meeting < 5; meeting++) {
            assertThat(taskAt(pair, PairProcess.TASK_REPORT_MEETING).getAssignee()).isEqualTo("mentor1");
            reportMeeting(pair);
        }
        assertThat(activitiesOf(planMeeting)).hasSize(5);
        assertThat(activitiesOf(planFeedback)).containsExactly("Task_PlanMentorFeedback");
        assertThat(pair).isWaitingAt("Timer_FeedbackPeriod");
        verifyNoInteractions(sendLinks);

        assertThat(fire(pair, "Timer_FeedbackPeriod")).isEqualTo(FEEDBACK_STARTS);
        assertThat(activitiesOf(sendLinks)).containsExactly("Task_SendMenteeFeedbackLinks");
        assertThat(taskAt(pair, MENTOR_FEEDBACK).getAssignee()).isEqualTo("mentor1");
        assertThat(pair).isWaitingAt(MENTOR_FEEDBACK);

        complete(pair, MENTOR_FEEDBACK, Map.of());
        assertThat(activitiesOf(recordFeedback)).containsExactly("Task_RecordMentorFeedback");
        assertThat(pair).isWaitingAt(PairProcess.TASK_REPORT_MEETING);
        assertThat(activitiesOf(planMeeting)).hasSize(6);
        verifyNoInteractions(finish);
        reportMeeting(pair);

        assertThat(pair).isEnded().hasPassed("EndEvent_PairFinished");
        assertThat(activitiesOf(finish)).containsExactly("Task_FinishPair");
        verifyNoInteractions(remind, escalate);
    }

    @Test
    void anotherMeetingFollows() {
        when(meetings.nextStep(3L)).thenReturn(NextStep.MEETING);
        ProcessInstance pair = atNextPairStep();

        assertThat(pair).isWaitingAt(PairProcess.TASK_REPORT_MEETING).hasNotPassed("Task_PlanMentorFeedback");
        assertThat(activitiesOf(planMeeting)).containsExactly("Task_PlanPairMeeting");
    }

    @Test
    void theFeedbackFollowsWhenNoRegularMeetingIsLeft() {
        when(meetings.nextStep(3L)).thenReturn(NextStep.FEEDBACK);
        ProcessInstance pair = atNextPairStep();

        assertThat(pair).isWaitingAt("Timer_FeedbackPeriod").hasNotPassed(PairProcess.SUB_PROCESS_PAIR_MEETING);
        verifyNoInteractions(planMeeting);
    }

    @Test
    void thePairFinishesAfterItsFinalMeeting() {
        when(meetings.nextStep(3L)).thenReturn(NextStep.DONE);
        ProcessInstance pair = atNextPairStep();

        assertThat(pair).isEnded().hasPassed("Task_FinishPair").hasNotPassed(PairProcess.SUB_PROCESS_PAIR_MEETING);
        verifyNoInteractions(planMeeting, planFeedback);
    }

    @Test
    void theMentorIsRemindedThenEscalatedAndTheFeedbackStaysOpen() {
        ProcessInstance pair = runtime().createProcessInstanceByKey(PairProcess.PROCESS_ID)
                .setVariables(variables()).setVariables(deadline(at(2027, 4, 10, 18)))
                .startBeforeActivity(MENTOR_FEEDBACK).execute();

        fire(pair, "Timer_RemindBeforeFeedbackDue");
        assertThat(activitiesOf(remind)).containsExactly("Task_SendFeedbackReminder");
        fire(pair, "Timer_EscalateAfterFeedbackDue");
        assertThat(activitiesOf(escalate)).containsExactly("Task_EscalateFeedback");
        assertThat(pair).isWaitingAt(MENTOR_FEEDBACK);
    }

    private static ProcessInstance atNextPairStep() {
        return runtime().createProcessInstanceByKey(PairProcess.PROCESS_ID).businessKey("programme-1")
                .setVariables(variables()).startBeforeActivity(PairProcess.GATEWAY_NEXT_PAIR_STEP).execute();
    }

    /** The mentor reports the open meeting as held. */
    private static void reportMeeting(ProcessInstance pair) {
        complete(pair, PairProcess.TASK_REPORT_MEETING, Map.of(MovePairMeeting.VAR_OUTCOME.name(), "held"));
    }

    private static Map<String, Object> variables() {
        return Map.of("programmeId", 1L, "curatorId", "curator", PairProcess.VAR_PAIR_ID.name(), 3L,
                PairProcess.VAR_MENTOR_USER_ID.name(), "mentor1");
    }
}
