package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;

/**
 * The branches and timers of mentorship-pair with its delegates mocked and pair-meeting stubbed (the story:
 * MentorshipPairProcessTest).
 */
@Deployment(resources = "bpmn/mentorship-pair.bpmn")
class PairProcessBranchTest extends ProcessBranchTest {

    private static final Date FEEDBACK_STARTS = at(2027, 4, 1, 9);
    private static final String MENTOR_FEEDBACK = "Task_MentorFeedback";

    private PairMeetings meetings;
    private JavaDelegate planFeedback;
    private JavaDelegate recordFeedback;
    private JavaDelegate sendLinks;
    private JavaDelegate finish;
    private JavaDelegate remind;
    private JavaDelegate escalate;

    @BeforeEach
    void mockDelegatesAndStubMeetings() {
        stubCalledProcess(PairMeetings.PROCESS_ID);
        meetings = expressionBean("pairMeetings", mock(PairMeetings.class));
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
    void thePairMeetsGivesFeedbackAndFinishes() {
        when(meetings.moreRegularMeetings(any())).thenReturn(true, true, false);
        ProcessInstance pair = runtime().startProcessInstanceByKey(PairProcess.PROCESS_ID, "programme-1", variables());
        List<String> kinds = new ArrayList<>();
        for (int meeting = 0; meeting < 5; meeting++) {
            kinds.add(meetingKindCalled(pair));
            finishCalledStubs(pair);
        }
        assertThat(kinds).containsExactly("acquaintance", "trial", "planning", "regular", "regular");
        assertThat(activitiesOf(planFeedback)).containsExactly("Task_PlanMentorFeedback");
        assertThat(pair).isWaitingAt("Timer_FeedbackPeriod");
        verifyNoInteractions(sendLinks);

        assertThat(fire(pair, "Timer_FeedbackPeriod")).isEqualTo(FEEDBACK_STARTS);
        assertThat(activitiesOf(sendLinks)).containsExactly("Task_SendMenteeFeedbackLinks");
        assertThat(taskAt(pair, MENTOR_FEEDBACK).getAssignee()).isEqualTo("mentor1");
        assertThat(pair).isWaitingAt(MENTOR_FEEDBACK);

        complete(pair, MENTOR_FEEDBACK, Map.of());
        assertThat(activitiesOf(recordFeedback)).containsExactly("Task_RecordMentorFeedback");
        assertThat(meetingKindCalled(pair)).isEqualTo("final");
        verifyNoInteractions(finish);
        finishCalledStubs(pair);

        assertThat(pair).isEnded().hasPassed("EndEvent_PairFinished");
        assertThat(activitiesOf(finish)).containsExactly("Task_FinishPair");
        verifyNoInteractions(remind, escalate);
    }

    @Test
    void aPairWithNoRegularMeetingLeftGoesStraightToFeedback() {
        when(meetings.moreRegularMeetings(3L)).thenReturn(false);
        ProcessInstance pair = runtime().createProcessInstanceByKey(PairProcess.PROCESS_ID)
                .setVariables(variables()).startBeforeActivity("Gateway_MoreRegularMeetings").execute();

        assertThat(pair).isWaitingAt("Timer_FeedbackPeriod").hasNotPassed("CallActivity_RegularMeeting");
        assertThat(calledBy(pair)).isEmpty();
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

    /** The meeting kind the pair's one open pair-meeting was called with. */
    private static String meetingKindCalled(ProcessInstance pair) {
        List<ProcessInstance> called = calledBy(pair);
        assertThat(called).hasSize(1);
        assertThat(called.get(0).getBusinessKey()).isEqualTo("programme-1");
        return (String) runtime().getVariable(called.get(0).getId(), PairMeetings.VAR_MEETING_KIND.name());
    }

    private static Map<String, Object> variables() {
        return Map.of("programmeId", 1L, "curatorId", "curator", PairProcess.VAR_PAIR_ID.name(), 3L,
                PairProcess.VAR_MENTOR_USER_ID.name(), "mentor1");
    }
}
