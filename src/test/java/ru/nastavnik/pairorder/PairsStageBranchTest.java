package ru.nastavnik.pairorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItemProcess;
import ru.nastavnik.programme.RoadmapService;

/**
 * The branches and timers of stage 5 (group meeting, preferences, proposal, order) with its delegates mocked and
 * roadmap-item stubbed (the stories: PairsStageProcessTest, PairOrderApprovalTest).
 */
@Deployment(resources = "bpmn/programme-stage-5-pairs.bpmn")
class PairsStageBranchTest extends ProcessBranchTest {

    private static final String GROUP_MEETING = "Task_RecordGroupMeeting";
    private static final String PREFERENCES = "Task_EnterPreferences";
    private static final String REVIEW = "Task_ReviewPairProposal";
    private static final String APPROVE = PairOrderVariables.TASK_APPROVE_PAIR_ORDER;
    private static final String ANNOUNCE = "Task_AnnouncePairs";

    private JavaDelegate saveGroupMeeting;
    private JavaDelegate savePreferences;
    private JavaDelegate propose;
    private JavaDelegate draft;
    private TaskListener recordDecider;
    private JavaDelegate recordApproval;
    private JavaDelegate fix;
    private JavaDelegate announce;
    private JavaDelegate closeWithoutOrder;
    private JavaDelegate remind;
    private JavaDelegate escalate;

    @BeforeEach
    void mockDelegatesAndStubRoadmapItems() {
        stubCalledProcess(RoadmapItemProcess.PROCESS_ID);
        RoadmapService roadmap = expressionBean("roadmap", mock(RoadmapService.class));
        when(roadmap.itemCodes(1L, 5)).thenReturn(List.of("5.1"));
        delegateSetting("prepareGroupMeeting", deadline(at(2026, 12, 10, 18)));
        saveGroupMeeting = delegate("saveGroupMeeting");
        delegateSetting("preparePreferences", deadline(at(2026, 12, 17, 18)));
        savePreferences = delegate("savePreferences");
        Map<String, Object> proposal = new HashMap<>(deadline(at(2026, 12, 20, 18)));
        proposal.put("pairReviewer", "curator");
        propose = delegateSetting("proposePairs", proposal);
        draft = delegateSetting("draftPairOrder", deadline(at(2026, 12, 24, 18)));
        recordDecider = taskListener("recordPairOrderDecider");
        recordApproval = delegate("recordOrderApproval");
        fix = delegate("fixPairs");
        announce = delegate("announcePairs");
        closeWithoutOrder = delegate("closePairsWithoutOrder");
        remind = delegate("sendDueReminder");
        escalate = delegate("escalateOverdueTask");
    }

    @Test
    void groupMeetingPreferencesProposalApprovedOrderAndAnnouncedPairs() {
        ProcessInstance stage = runtime().startProcessInstanceByKey(PairOrderVariables.PROCESS_ID, "programme-1",
                variables());
        complete(stage, GROUP_MEETING, Map.of());
        assertThat(activitiesOf(saveGroupMeeting)).containsExactly("Task_SaveGroupMeeting");
        complete(stage, PREFERENCES, Map.of("preferencesDecision", "done"));
        assertThat(activitiesOf(propose)).containsExactly("Task_ProposePairs");
        assertThat(taskAt(stage, REVIEW).getAssignee()).isEqualTo("curator");
        complete(stage, REVIEW, Map.of("pairReviewDecision", "send"));
        assertThat(activitiesOf(draft)).containsExactly("Task_DraftPairOrder");

        complete(stage, APPROVE, Map.of(PairOrderVariables.PAIR_ORDER_DECISION.name(), PairOrderDecision.APPROVE.value()));
        verify(recordDecider).notify(any());
        assertThat(activitiesOf(recordApproval)).containsExactly("Task_RecordOrderApproval");
        assertThat(activitiesOf(fix)).containsExactly("Task_FixPairs");
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", ANNOUNCE);
        verifyNoInteractions(announce);

        management().executeJob(announceJob(stage).getId());
        assertThat(activitiesOf(announce)).containsExactly(ANNOUNCE);
        finishCalledStubs(stage);
        assertThat(stage).isEnded().hasPassed("EndEvent_StageCompleted").hasNotPassed("Task_ClosePairsWithoutOrder");
        verifyNoInteractions(closeWithoutOrder, remind, escalate);
    }

    @Test
    void moreQuestionnairesOpenThePreferencesAgain() {
        ProcessInstance stage = startBefore(PREFERENCES);
        complete(stage, PREFERENCES, Map.of("preferencesDecision", "more"));
        assertThat(stage).isWaitingAt(PREFERENCES);
        complete(stage, PREFERENCES, Map.of("preferencesDecision", "done"));

        assertThat(activitiesOf(savePreferences)).hasSize(2);
        assertThat(activitiesOf(propose)).containsExactly("Task_ProposePairs");
        assertThat(stage).isWaitingAt(REVIEW);
    }

    @Test
    void aRerunProposesThePairsAgain() {
        ProcessInstance stage = startBefore(REVIEW);
        complete(stage, REVIEW, Map.of("pairReviewDecision", "rerun"));

        assertThat(calls(propose)).singleElement()
                .satisfies(call -> assertThat(call.variables()).containsEntry("pairReviewDecision", "rerun"));
        assertThat(stage).isWaitingAt(REVIEW);
        verifyNoInteractions(draft);
    }

    @Test
    void nobodyToMatchClosesTheStageWithoutAnOrder() {
        ProcessInstance stage = startBefore(REVIEW, "CallActivity_RoadmapItems");
        complete(stage, REVIEW, Map.of("pairReviewDecision", "close"));

        assertThat(activitiesOf(closeWithoutOrder)).containsExactly("Task_ClosePairsWithoutOrder");
        finishCalledStubs(stage);
        assertThat(stage).isEnded().hasPassed("EndEvent_StageCompleted").hasNotPassed("Task_DraftPairOrder");
        verifyNoInteractions(draft, fix, announce);
    }

    @Test
    void theDirectorReturnsTheOrderAndThePairsAreProposedAgain() {
        ProcessInstance stage = startBefore(APPROVE);
        complete(stage, APPROVE, Map.of(PairOrderVariables.PAIR_ORDER_DECISION.name(), PairOrderDecision.RETURN.value()));

        assertThat(activitiesOf(propose)).containsExactly("Task_ProposePairs");
        assertThat(stage).isWaitingAt(REVIEW);
        verifyNoInteractions(recordApproval, fix);
    }

    @Test
    void aFailedAnnouncementIsRetriedAndTheFixedPairsStay() {
        delegate("announcePairs", execution -> {
            throw new IllegalStateException("SMTP недоступен");
        });
        ProcessInstance stage = startBefore(APPROVE);
        complete(stage, APPROVE, Map.of(PairOrderVariables.PAIR_ORDER_DECISION.name(), PairOrderDecision.APPROVE.value()));

        Job job = announceJob(stage);
        assertThatThrownBy(() -> management().executeJob(job.getId())).hasMessageContaining("SMTP");
        assertThat(announceJob(stage).getRetries()).isEqualTo(job.getRetries() - 1);
        assertThat(activitiesOf(fix)).containsExactly("Task_FixPairs");
        assertThat(stage).isWaitingAt(ANNOUNCE);
    }

    @Test
    void everyDatedTaskIsRemindedThenEscalated() {
        ProcessInstance stage = runtime().createProcessInstanceByKey(PairOrderVariables.PROCESS_ID)
                .setVariables(variables()).setVariables(deadline(at(2026, 12, 20, 18))).setVariable("pairReviewer",
                        "curator")
                .startBeforeActivity(GROUP_MEETING).startBeforeActivity(PREFERENCES).startBeforeActivity(REVIEW)
                .startBeforeActivity(APPROVE).execute();

        for (String timer : List.of("Timer_RemindBeforeGroupMeetingDue", "Timer_RemindBeforePreferencesDue",
                "Timer_RemindBeforeReviewDue", "Timer_RemindBeforeOrderApprovalDue")) {
            fire(stage, timer);
        }
        assertThat(activitiesOf(remind)).containsExactly("Task_SendGroupMeetingReminder",
                "Task_SendPreferencesReminder", "Task_SendReviewReminder", "Task_SendOrderApprovalReminder");
        for (String timer : List.of("Timer_EscalateAfterGroupMeetingDue", "Timer_EscalateAfterPreferencesDue",
                "Timer_EscalateAfterReviewDue", "Timer_EscalateAfterOrderApprovalDue")) {
            fire(stage, timer);
        }
        assertThat(activitiesOf(escalate)).containsExactly("Task_EscalateGroupMeeting", "Task_EscalatePreferences",
                "Task_EscalateReview", "Task_EscalateOrderApproval");
        assertThat(stage).isWaitingAt(GROUP_MEETING, PREFERENCES, REVIEW, APPROVE);
    }

    private ProcessInstance startBefore(String... activityIds) {
        Map<String, Object> variables = new HashMap<>(variables());
        variables.putAll(deadline(at(2026, 12, 20, 18)));
        variables.put("pairReviewer", "curator");
        var instantiation = runtime().createProcessInstanceByKey(PairOrderVariables.PROCESS_ID)
                .businessKey("programme-1").setVariables(variables);
        for (String activityId : activityIds) {
            instantiation.startBeforeActivity(activityId);
        }
        return instantiation.execute();
    }

    private static Job announceJob(ProcessInstance stage) {
        return management().createJobQuery().processInstanceId(stage.getId()).activityId(ANNOUNCE).singleResult();
    }

    private static Map<String, Object> variables() {
        return Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L, TaskPeople.CURATOR_ID.name(), "curator");
    }
}
