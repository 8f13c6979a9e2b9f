package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;
import ru.nastavnik.programme.RoadmapItemProcess;
import ru.nastavnik.programme.RoadmapService;

/**
 * The branches and timers of stage 6 (pair work) with its delegates mocked and roadmap-item stubbed (the story:
 * PairWorkStageTest).
 */
@Deployment(resources = "bpmn/programme-stage-6-pair-work.bpmn")
class PairWorkStageBranchTest extends ProcessBranchTest {

    private static final Date PAIRS_END = at(2027, 5, 20, 18);
    private static final String FINAL_MEETING = "Task_GroupFinalMeeting";
    private static final String SURVEY = "Task_SatisfactionSurvey";

    private final int[] openPairs = {2};
    private JavaDelegate check;
    private JavaDelegate escalateOpenPairs;
    private JavaDelegate prepareFinalMeeting;
    private JavaDelegate sendSurvey;
    private JavaDelegate remind;
    private JavaDelegate escalate;

    @BeforeEach
    void mockDelegatesAndStubRoadmapItems() {
        stubCalledProcess(RoadmapItemProcess.PROCESS_ID);
        RoadmapService roadmap = expressionBean("roadmap", mock(RoadmapService.class));
        when(roadmap.itemCodes(1L, 6)).thenReturn(List.of("6.1"));
        check = delegate("checkOpenPairs", execution -> execution.setVariable("openPairs", (long) openPairs[0]));
        escalateOpenPairs = delegate("escalateOpenPairs");
        prepareFinalMeeting = delegateSetting("prepareGroupFinalMeeting", deadline(at(2027, 5, 28, 18)));
        sendSurvey = delegateSetting("sendSatisfactionSurvey", deadline(at(2027, 6, 4, 18)));
        remind = delegate("sendDueReminder");
        escalate = delegate("escalateOverdueTask");
    }

    @Test
    void theStageWaitsForEveryPairThenHoldsTheFinalMeetingAndTheSurvey() {
        ProcessInstance stage = start();
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", "Gateway_WaitForPairs");

        openPairs[0] = 1;
        closePair();
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", "Gateway_WaitForPairs");
        openPairs[0] = 0;
        closePair();
        assertThat(activitiesOf(check)).hasSize(3);
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", FINAL_MEETING);
        assertThat(activitiesOf(prepareFinalMeeting)).containsExactly("Task_PrepareGroupFinalMeeting");

        complete(stage, FINAL_MEETING, Map.of());
        assertThat(activitiesOf(sendSurvey)).containsExactly("Task_SendSatisfactionSurvey");
        complete(stage, SURVEY, Map.of());
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems");

        finishCalledStubs(stage);
        assertThat(stage).isEnded().hasPassed("EndEvent_StageCompleted").hasNotPassed("Task_EscalateOpenPairs");
        verifyNoInteractions(escalateOpenPairs, remind, escalate);
    }

    @Test
    void noOpenPairGoesStraightToTheFinalMeeting() {
        openPairs[0] = 0;
        ProcessInstance stage = start();

        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", FINAL_MEETING)
                .hasNotPassed("Gateway_WaitForPairs");
    }

    @Test
    void pairsStillOpenOnTheEndDateAreEscalatedAndTheStageGoesOn() {
        ProcessInstance stage = start();

        assertThat(fire(stage, "Timer_PairsEndDate")).isEqualTo(PAIRS_END);
        assertThat(activitiesOf(escalateOpenPairs)).containsExactly("Task_EscalateOpenPairs");
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", FINAL_MEETING);
        assertThat(runtime().createEventSubscriptionQuery().processInstanceId(stage.getId())
                .eventName(PairWorkStage.MESSAGE_PAIR_CLOSED).count()).isZero();
    }

    @Test
    void theFinalMeetingAndTheSurveyAreRemindedThenEscalated() {
        ProcessInstance stage = runtime().createProcessInstanceByKey(PairWorkStage.PROCESS_ID)
                .setVariables(variables()).setVariables(deadline(at(2027, 5, 28, 18)))
                .startBeforeActivity(FINAL_MEETING).startBeforeActivity(SURVEY).execute();

        fire(stage, "Timer_RemindBeforeGroupFinalMeetingDue");
        fire(stage, "Timer_RemindBeforeSatisfactionSurveyDue");
        assertThat(activitiesOf(remind))
                .containsExactly("Task_SendGroupFinalMeetingReminder", "Task_SendSatisfactionSurveyReminder");
        fire(stage, "Timer_EscalateAfterGroupFinalMeetingDue");
        fire(stage, "Timer_EscalateAfterSatisfactionSurveyDue");
        assertThat(activitiesOf(escalate))
                .containsExactly("Task_EscalateGroupFinalMeeting", "Task_EscalateSatisfactionSurvey");
        assertThat(stage).isWaitingAt(FINAL_MEETING, SURVEY);
    }

    private ProcessInstance start() {
        return runtime().startProcessInstanceByKey(PairWorkStage.PROCESS_ID, "programme-1", variables());
    }

    private void closePair() {
        runtime().createMessageCorrelation(PairWorkStage.MESSAGE_PAIR_CLOSED).processInstanceBusinessKey("programme-1")
                .correlate();
    }

    private static Map<String, Object> variables() {
        return Map.of("programmeId", 1L, "curatorId", "curator", "pairsEndAt", PAIRS_END);
    }
}
