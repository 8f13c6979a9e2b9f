package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;
import ru.nastavnik.notification.TaskPeople;

/**
 * The seven stages of mentorship-programme in order, with the stages stubbed and the delegates mocked (the stories:
 * ProgrammeProcessTest, ProgrammeStartMidYearTest, WholeYearTest).
 */
@Deployment(resources = "bpmn/mentorship-programme.bpmn")
class ProgrammeProcessBranchTest extends ProcessBranchTest {

    private JavaDelegate register;
    private JavaDelegate complete;
    private JavaDelegate openOnItsDate;
    private RoadmapService roadmap;

    @BeforeEach
    void mockDelegatesAndStubStages() {
        for (String stage : List.of("programme-stage-1-prepare", "programme-stage-2-mentee-base",
                "programme-stage-3-mentor-base", "programme-stage-4-mentor-training", "programme-stage-5-pairs",
                "programme-stage-6-pair-work", "programme-stage-7-closing")) {
            stubCalledProcess(stage);
        }
        register = delegateSetting("registerProgramme", Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L,
                TaskPeople.CURATOR_ID.name(), "curator"));
        complete = delegate("completeProgramme");
        // No item opens before its stage unless a test says so (2.1 does in the default roadmap).
        roadmap = expressionBean("roadmap", mock(RoadmapService.class));
        openOnItsDate = delegate("openRoadmapItemOnItsDate");
    }

    @Test
    void anItemDatedBeforeItsStageOpensOnItsOwnDate() {
        when(roadmap.calendarItemCodes(1L)).thenReturn(List.of("2.1"));
        when(roadmap.opensAt(1L, "2.1")).thenReturn(at(2026, 9, 7, 8));
        ProcessInstance programme = runtime().startProcessInstanceByKey(ProgrammeProcess.PROCESS_ID,
                ProgrammeProcess.businessKey(1), Map.of("initiator", "curator"));

        assertThat(fire(programme, "Timer_ItemStartDate")).isEqualTo(at(2026, 9, 7, 8));
        assertThat(calls(openOnItsDate)).singleElement().satisfies(call ->
                assertThat(call.variables()).containsEntry(ProgrammeProcess.VAR_ITEM_CODE.name(), "2.1"));
    }

    @Test
    void theProgrammeGoesThroughTheSevenStagesInOrder() {
        ProcessInstance programme = runtime().startProcessInstanceByKey(ProgrammeProcess.PROCESS_ID,
                ProgrammeProcess.businessKey(1), Map.of("initiator", "curator"));
        assertThat(activitiesOf(register)).containsExactly("Task_RegisterProgramme");

        assertThat(stagesRun(programme)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(programme).isEnded().hasPassed("EndEvent_ProgrammeCompleted");
        assertThat(activitiesOf(complete)).containsExactly("Task_CompleteProgramme");
    }

    @Test
    void aProgrammeStartedMidYearBeginsAtItsStage() {
        ProcessInstance programme = runtime().createProcessInstanceByKey(ProgrammeProcess.PROCESS_ID)
                .businessKey(ProgrammeProcess.businessKey(1))
                .setVariables(Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L, TaskPeople.CURATOR_ID.name(), "curator"))
                .startBeforeActivity(ProgrammeProcess.STAGE_ACTIVITIES.get(4))
                // The branch of items dated before their stage has nothing left to open by then.
                .startBeforeActivity("Gateway_ProgrammeJoin").execute();

        assertThat(stagesRun(programme)).containsExactly(5, 6, 7);
        assertThat(programme).isEnded().hasNotPassed("Task_RegisterProgramme", ProgrammeProcess.STAGE_ACTIVITIES.get(3));
        verifyNoInteractions(register);
    }

    @Test
    void aProgrammeTheRegistrationRefusesIsNotStarted() {
        delegate("registerProgramme", execution -> {
            throw new IllegalStateException("Программа этой школы на этот год уже идёт");
        });

        assertThatThrownBy(() -> runtime().startProcessInstanceByKey(ProgrammeProcess.PROCESS_ID,
                Map.of("initiator", "curator"))).hasMessageContaining("уже идёт");
        assertThat(runtime().createProcessInstanceQuery().count()).isZero();
    }

    /** Finishes the stage the programme waits on, one after another; returns their numbers (stageOf). */
    private static List<Integer> stagesRun(ProcessInstance programme) {
        List<Integer> stages = new ArrayList<>();
        while (!calledBy(programme).isEmpty()) {
            ProcessInstance stage = calledBy(programme).get(0);
            assertThat(stage.getBusinessKey()).isEqualTo(ProgrammeProcess.businessKey(1));
            assertThat(runtime().getVariables(stage.getId())).containsEntry(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L)
                    .containsEntry(TaskPeople.CURATOR_ID.name(), "curator");
            String activity = Arrays.stream(runtime().getActivityInstance(programme.getId())
                            .getChildActivityInstances()).map(ActivityInstance::getActivityId)
                    .filter(id -> id.startsWith(ProgrammeProcess.CALL_ACTIVITY_STAGE_PREFIX)).findFirst().orElseThrow();
            stages.add(ProgrammeProcess.stageOf(activity));
            finishCalledStubs(programme);
        }
        return stages;
    }
}
