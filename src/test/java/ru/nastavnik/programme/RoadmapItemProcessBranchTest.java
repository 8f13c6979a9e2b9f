package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;

/** The path and timers of roadmap-item with its delegates mocked (the story: ProgrammeProcessTest). */
@Deployment(resources = "bpmn/roadmap-item.bpmn")
class RoadmapItemProcessBranchTest extends ProcessBranchTest {

    private static final String ITEM = RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM;

    private JavaDelegate activate;
    private JavaDelegate record;
    private JavaDelegate remind;
    private JavaDelegate escalate;

    @BeforeEach
    void mockDelegates() {
        Map<String, Object> owners = new HashMap<>(deadline(at(2026, 10, 20, 18)));
        owners.put("itemCandidateUsers", "curator");
        owners.put("itemGroup", "deputy-director");
        owners.put(RoadmapItemProcess.ITEM_TASK_NEEDED.name(), true);
        activate = delegateSetting("activateRoadmapItem", owners);
        record = delegate("recordRoadmapItemResult");
        remind = delegate("sendDueReminder");
        escalate = delegate("escalateOverdueTask");
    }

    @Test
    void theItemIsOpenedForItsOwnersAndItsResultRecorded() {
        ProcessInstance item = runtime().startProcessInstanceByKey(RoadmapItemProcess.PROCESS_ID, "programme-1",
                Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L, ProgrammeProcess.VAR_ITEM_CODE.name(), "2.1"));
        assertThat(calls(activate)).singleElement()
                .satisfies(call -> assertThat(call.variables()).containsEntry(ProgrammeProcess.VAR_ITEM_CODE.name(), "2.1"));
        assertThat(tasks().getIdentityLinksForTask(taskAt(item, ITEM).getId()))
                .extracting(IdentityLink::getUserId, IdentityLink::getGroupId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("curator", null),
                        org.assertj.core.groups.Tuple.tuple(null, "deputy-director"));

        complete(item, ITEM, Map.of());
        assertThat(item).isEnded().hasPassed("EndEvent_RoadmapItemDone");
        assertThat(activitiesOf(record)).containsExactly("Task_RecordRoadmapItemResult");
        verifyNoInteractions(remind, escalate);
    }

    @Test
    void anItemAlreadyOpenedOrDoneGetsNoTask() {
        Mocks.register("activateRoadmapItem", (JavaDelegate) execution ->
                execution.setVariable(RoadmapItemProcess.ITEM_TASK_NEEDED.name(), false));
        ProcessInstance item = runtime().startProcessInstanceByKey(RoadmapItemProcess.PROCESS_ID, "programme-1",
                Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L, ProgrammeProcess.VAR_ITEM_CODE.name(), "5.1"));
        assertThat(item).isEnded().hasPassed("EndEvent_NoTaskNeeded").hasNotPassed(ITEM);
        verifyNoInteractions(record, remind, escalate);
    }

    @Test
    void theItemsTaskEndsWhenItsWorkIsDoneElsewhere() {
        ProcessInstance item = runtime().startProcessInstanceByKey(RoadmapItemProcess.PROCESS_ID, "programme-1",
                Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L, ProgrammeProcess.VAR_ITEM_CODE.name(), "5.1"));
        runtime().createMessageCorrelation(RoadmapItemProcess.MESSAGE_ROADMAP_ITEM_DONE)
                .processInstanceId(item.getId()).correlate();
        assertThat(item).isEnded().hasPassed("EndEvent_ItemDoneByWork");
        verifyNoInteractions(record, remind, escalate);
    }

    @Test
    void theOwnersAreRemindedThenEscalatedAndTheItemStaysOpenUntilDone() {
        ProcessInstance item = runtime().createProcessInstanceByKey(RoadmapItemProcess.PROCESS_ID)
                .setVariables(deadline(at(2026, 10, 20, 18))).setVariable("itemGroup", "curator")
                .setVariable("itemCandidateUsers", "curator").startBeforeActivity(ITEM).execute();

        assertThat(fire(item, RoadmapItemProcess.TIMER_REMIND_BEFORE_DUE)).isEqualTo(at(2026, 10, 19, 18));
        assertThat(activitiesOf(remind)).containsExactly("Task_SendDueReminder");
        assertThat(fire(item, RoadmapItemProcess.TIMER_ESCALATE_AFTER_DUE)).isEqualTo(at(2026, 10, 22, 18));
        assertThat(activitiesOf(escalate)).containsExactly("Task_EscalateOverdueTask");
        assertThat(item).isWaitingAt(ITEM);

        complete(item, ITEM, Map.of());
        assertThat(item).isEnded();
    }
}
