package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;
import ru.nastavnik.notification.TaskPeople;

/**
 * The branches of stage 1 (the roadmap: approve, return, revise) with its delegates mocked and roadmap-item stubbed
 * (the story: ProgrammeProcessTest).
 */
@Deployment(resources = "bpmn/programme-stage-1-prepare.bpmn")
class PrepareStageBranchTest extends ProcessBranchTest {

    private static final String APPROVE = PrepareStage.TASK_APPROVE_ROADMAP;
    private static final String REVISE = PrepareStage.TASK_REVISE_ROADMAP;

    private JavaDelegate summarise;
    private JavaDelegate fix;
    private JavaDelegate applyRevision;

    @BeforeEach
    void mockDelegatesAndStubRoadmapItems() {
        stubCalledProcess(RoadmapItemProcess.PROCESS_ID);
        RoadmapService roadmap = expressionBean("roadmap", mock(RoadmapService.class));
        when(roadmap.itemCodes(1L, 1)).thenReturn(List.of("1.1", "1.2"));
        summarise = delegateSetting("summariseRoadmap", Map.of("roadmapApprovalDue", at(2026, 9, 10, 18)));
        fix = delegate("fixRoadmap");
        applyRevision = delegate("applyRoadmapRevision");
    }

    @Test
    void theItemsAreDoneTheDirectorApprovesAndTheRoadmapIsFixed() {
        ProcessInstance stage = runtime().startProcessInstanceByKey(PrepareStage.PROCESS_ID, "programme-1",
                Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L, TaskPeople.CURATOR_ID.name(), "curator"));
        assertThat(calledBy(stage)).extracting(item -> runtime().getVariable(item.getId(),
                ProgrammeProcess.VAR_ITEM_CODE.name())).containsExactlyInAnyOrder("1.1", "1.2");
        verifyNoInteractions(summarise);
        finishCalledStubs(stage);

        assertThat(activitiesOf(summarise)).containsExactly("Task_SummariseRoadmap");
        assertThat(taskAt(stage, APPROVE).getDueDate()).isEqualTo(at(2026, 9, 10, 18));
        complete(stage, APPROVE, Map.of("roadmapDecision", "approve"));

        assertThat(stage).isEnded().hasPassed("EndEvent_StageCompleted").hasNotPassed(REVISE);
        assertThat(activitiesOf(fix)).containsExactly("Task_FixRoadmap");
    }

    @Test
    void aReturnedRoadmapIsRevisedUntilTheCuratorSubmitsItAgain() {
        ProcessInstance stage = startBefore(APPROVE);
        complete(stage, APPROVE, Map.of("roadmapDecision", "return"));
        assertThat(stage).isWaitingAt(REVISE);

        complete(stage, REVISE, Map.of("submitForApproval", false));
        assertThat(stage).isWaitingAt(REVISE);
        complete(stage, REVISE, Map.of("submitForApproval", true));
        assertThat(activitiesOf(applyRevision)).containsExactly("Task_ApplyRoadmapRevision",
                "Task_ApplyRoadmapRevision");
        assertThat(activitiesOf(summarise)).containsExactly("Task_SummariseRoadmap");
        assertThat(stage).isWaitingAt(APPROVE);
        verifyNoInteractions(fix);

        complete(stage, APPROVE, Map.of("roadmapDecision", "approve"));
        assertThat(stage).isEnded();
    }

    @Test
    void aDecisionThatIsNeitherApproveNorReturnIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance stage = startBefore(APPROVE);
        Task approve = taskAt(stage, APPROVE);

        assertThatThrownBy(() -> tasks().complete(approve.getId(), Map.of("roadmapDecision", "later")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(taskAt(stage, APPROVE).getId()).isEqualTo(approve.getId());
        verifyNoInteractions(fix);
    }

    private ProcessInstance startBefore(String activityId) {
        return runtime().createProcessInstanceByKey(PrepareStage.PROCESS_ID).businessKey("programme-1")
                .setVariables(Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L, TaskPeople.CURATOR_ID.name(),
                        "curator", "roadmapApprovalDue", at(2026, 9, 10, 18)))
                .startBeforeActivity(activityId).execute();
    }
}
