package ru.nastavnik.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItemProcess;
import ru.nastavnik.programme.RoadmapService;

/**
 * Stages 2 and 3 share one shape: the questionnaires are collected until the curator is done or the collection
 * closes, then the base is counted and analysed, beside the stage's roadmap items.
 */
abstract class ParticipantBaseStageBranchTest extends ProcessBranchTest {

    private static final String UPLOAD = "Task_UploadQuestionnaires";
    private static final Date COLLECTION_ENDS = at(2026, 10, 20, 18);

    private final String processId;
    private final int stageNumber;
    private final String analyseTask;
    private final String baseRole;
    private final String analysisItems;

    private JavaDelegate plan;
    private JavaDelegate summarise;
    private JavaDelegate remind;
    private JavaDelegate escalate;

    ParticipantBaseStageBranchTest(String processId, int stageNumber, String analyseTask, String baseRole,
                                   String analysisItems) {
        this.processId = processId;
        this.stageNumber = stageNumber;
        this.analyseTask = analyseTask;
        this.baseRole = baseRole;
        this.analysisItems = analysisItems;
    }

    @BeforeEach
    void mockDelegatesAndStubRoadmapItems() {
        stubCalledProcess(RoadmapItemProcess.PROCESS_ID);
        RoadmapService roadmap = expressionBean("roadmap", mock(RoadmapService.class));
        when(roadmap.itemCodes(1L, stageNumber)).thenReturn(List.of(stageNumber + ".1"));
        Map<String, Object> collection = new HashMap<>(deadline(at(2026, 10, 15, 18)));
        collection.put("collectionEndsAt", COLLECTION_ENDS);
        plan = delegateSetting("planQuestionnaireCollection", collection);
        summarise = delegateSetting("summariseParticipantBase", deadline(at(2026, 10, 27, 18)));
        remind = delegate("sendDueReminder");
        escalate = delegate("escalateOverdueTask");
    }

    @Test
    void theCuratorFinishesTheUploadEarlyAnalysesTheBaseAndTheStageEndsWithItsItems() {
        ProcessInstance stage = runtime().startProcessInstanceByKey(processId, "programme-1",
                Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L, TaskPeople.CURATOR_ID.name(), "curator"));
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", UPLOAD);
        assertThat(activitiesOf(plan)).containsExactly("Task_PlanQuestionnaireCollection");

        complete(stage, UPLOAD, Map.of());
        assertThat(calls(summarise)).singleElement().satisfies(call -> assertThat(call.variables())
                .containsEntry("baseRole", baseRole).containsEntry("deadlineItems", analysisItems));
        complete(stage, analyseTask, Map.of());
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems");

        finishCalledStubs(stage);
        assertThat(stage).isEnded().hasPassed("EndEvent_StageCompleted").hasNotPassed("Timer_CollectionClosed");
        verifyNoInteractions(remind, escalate);
    }

    @Test
    void theCollectionClosesOnItsDateAndTheUploadTaskGoes() {
        ProcessInstance stage = startBefore(UPLOAD);

        assertThat(fire(stage, "Timer_CollectionClosed")).isEqualTo(COLLECTION_ENDS);
        assertThat(taskAt(stage, UPLOAD)).isNull();
        assertThat(activitiesOf(summarise)).containsExactly("Task_SummariseParticipantBase");
        assertThat(stage).isWaitingAt(analyseTask);
    }

    @Test
    void theUploadIsRemindedAndTheAnalysisRemindedThenEscalated() {
        ProcessInstance stage = startBefore(UPLOAD);
        fire(stage, "Timer_RemindBeforeUploadDue");
        assertThat(activitiesOf(remind)).containsExactly("Task_SendUploadReminder");
        assertThat(stage).isWaitingAt(UPLOAD);

        complete(stage, UPLOAD, Map.of());
        fire(stage, "Timer_RemindBeforeAnalysisDue");
        fire(stage, "Timer_EscalateAfterAnalysisDue");
        assertThat(activitiesOf(remind)).containsExactly("Task_SendUploadReminder", "Task_SendAnalysisReminder");
        assertThat(activitiesOf(escalate)).containsExactly("Task_EscalateAnalysis");
        assertThat(stage).isWaitingAt(analyseTask);
    }

    private ProcessInstance startBefore(String activityId) {
        Map<String, Object> variables = new HashMap<>(deadline(at(2026, 10, 15, 18)));
        variables.put("collectionEndsAt", COLLECTION_ENDS);
        variables.put(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L);
        variables.put(TaskPeople.CURATOR_ID.name(), "curator");
        return runtime().createProcessInstanceByKey(processId).setVariables(variables)
                .startBeforeActivity(activityId).execute();
    }
}
