package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;
import ru.nastavnik.shared.ValidationException;

/** The branches and timers of mentor-replacement with its delegates mocked (the story: MentorReplacementTest). */
@Deployment(resources = "bpmn/mentor-replacement.bpmn")
class MentorReplacementBranchTest extends ProcessBranchTest {

    private static final String DECIDE = "Task_DecideMentorReplacement";
    private static final String PICK = "Task_PickNewMentor";

    private JavaDelegate register;
    private TaskListener recordDecision;
    private JavaDelegate suggest;
    private JavaDelegate replace;
    private JavaDelegate refuse;
    private JavaDelegate remind;
    private JavaDelegate escalate;

    @BeforeEach
    void mockDelegates() {
        register = delegateSetting("registerReplacementRequest", deadline(at(2026, 10, 6, 18)));
        recordDecision = taskListener("recordReplacementDecision");
        suggest = delegateSetting("suggestNewMentors", deadline(at(2026, 10, 13, 18)));
        replace = delegate("replaceMentor");
        refuse = delegate("notifyReplacementRefused");
        remind = delegate("sendDueReminder");
        escalate = delegate("escalateOverdueTask");
    }

    @Test
    void directorSaysYesCuratorPicksAMentorAndTheMentorIsReplaced() {
        ProcessInstance request = request();
        assertThat(request).isWaitingAt(DECIDE);
        assertThat(activitiesOf(register)).containsExactly("Task_RegisterReplacementRequest");

        complete(request, DECIDE, Map.of("replacementDecision", "approve"));
        verify(recordDecision).notify(any());
        assertThat(request).isWaitingAt(PICK);
        assertThat(taskAt(request, PICK).getAssignee()).isEqualTo("curator");
        assertThat(taskAt(request, PICK).getDueDate()).isEqualTo(at(2026, 10, 13, 18));

        complete(request, PICK, Map.of("pickDecision", "assign"));
        assertThat(request).isEnded().hasPassed("Task_ReplaceMentor").hasNotPassed("Task_NotifyReplacementRefused");
        assertThat(activitiesOf(replace)).containsExactly("Task_ReplaceMentor");
        assertThat(calls(replace).get(0).variables()).containsEntry("pickDecision", "assign")
                .containsEntry(MentorReplacement.VAR_MENTEE_ID.name(), 7L);
        verifyNoInteractions(refuse, remind, escalate);
    }

    @Test
    void directorSaysNoAndTheRequesterIsToldWhy() {
        ProcessInstance request = request();
        complete(request, DECIDE, Map.of("replacementDecision", "reject"));

        assertThat(request).isEnded().hasPassed("EndEvent_RequestRefused").hasNotPassed("Task_SuggestNewMentors");
        assertThat(calls(refuse)).singleElement()
                .satisfies(call -> assertThat(call.variables()).containsEntry("replacementDecision", "reject"));
        verifyNoInteractions(suggest, replace);
    }

    @Test
    void noSuitableMentorEndsInARefusal() {
        ProcessInstance request = startBefore(PICK);
        complete(request, PICK, Map.of("pickDecision", "none"));

        assertThat(request).isEnded().hasPassed("EndEvent_RequestRefused").hasNotPassed("Task_ReplaceMentor");
        assertThat(activitiesOf(refuse)).containsExactly("Task_NotifyReplacementRefused");
        verifyNoInteractions(replace);
    }

    @Test
    void theDirectorIsRemindedThenEscalatedAndTheDecisionStaysOpen() {
        ProcessInstance request = startBefore(DECIDE);

        assertThat(fire(request, "Timer_RemindDecision")).isEqualTo(at(2026, 10, 5, 18));
        assertThat(activitiesOf(remind)).containsExactly("Task_RemindDecision");
        assertThat(request).isWaitingAt(DECIDE);

        assertThat(fire(request, "Timer_EscalateDecision")).isEqualTo(at(2026, 10, 8, 18));
        assertThat(activitiesOf(escalate)).containsExactly("Task_EscalateDecision");
        assertThat(request).isWaitingAt(DECIDE);

        complete(request, DECIDE, Map.of("replacementDecision", "approve"));
        assertThat(request).isWaitingAt(PICK);
        assertThat(management().createJobQuery().activityId("Timer_RemindDecision").count()).isZero();
    }

    @Test
    void theCuratorIsRemindedThenEscalatedAndThePickStaysOpen() {
        ProcessInstance request = startBefore(PICK);

        fire(request, "Timer_RemindPick");
        assertThat(activitiesOf(remind)).containsExactly("Task_RemindPick");
        fire(request, "Timer_EscalatePick");
        assertThat(activitiesOf(escalate)).containsExactly("Task_EscalatePick");
        assertThat(request).isWaitingAt(PICK);
    }

    @Test
    void aRequestTheCheckRefusesLeavesNoProcess() {
        delegate("registerReplacementRequest", execution -> {
            throw new ValidationException("menteeId", "Наставляемый не в этой паре");
        });

        assertThatThrownBy(this::request).isInstanceOf(ValidationException.class);
        assertThat(runtime().createProcessInstanceQuery().processDefinitionKey(MentorReplacement.PROCESS_ID).count())
                .isZero();
    }

    private ProcessInstance request() {
        return runtime().startProcessInstanceByKey(MentorReplacement.PROCESS_ID, "programme-1-pair-3-replacement",
                variables());
    }

    private ProcessInstance startBefore(String activityId) {
        Map<String, Object> variables = variables();
        variables.putAll(deadline(at(2026, 10, 6, 18)));
        return runtime().createProcessInstanceByKey(MentorReplacement.PROCESS_ID).setVariables(variables)
                .startBeforeActivity(activityId).execute();
    }

    private static Map<String, Object> variables() {
        return new HashMap<>(Map.of("programmeId", 1L, "curatorId", "curator", "pairId", 3L,
                MentorReplacement.VAR_MENTEE_ID.name(), 7L, MentorReplacement.VAR_REQUESTED_BY.name(), "representative"));
    }
}
