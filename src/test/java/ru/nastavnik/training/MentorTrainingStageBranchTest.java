package ru.nastavnik.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.participant.WithdrawnParticipantTasks;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItemProcess;
import ru.nastavnik.programme.RoadmapService;

/**
 * The branches and timers of stage 4 (interviews and training) with its delegates mocked and roadmap-item stubbed
 * (the stories: WholeYearTest, ParticipantCorrectionTest).
 */
@Deployment(resources = "bpmn/programme-stage-4-mentor-training.bpmn")
class MentorTrainingStageBranchTest extends ProcessBranchTest {

    private static final String INTERVIEW = MentorTrainingStage.TASK_INTERVIEW_MENTOR_CANDIDATE;
    private static final String TRAINING = MentorTrainingStage.TASK_MENTOR_TRAINING;

    private MentorSelection selection;
    private JavaDelegate prepareInterviews;
    private TaskListener recordInterview;
    private JavaDelegate prepareTraining;
    private JavaDelegate appoint;
    private JavaDelegate remind;
    private JavaDelegate escalate;

    @BeforeEach
    void mockDelegatesAndStubRoadmapItems() {
        stubCalledProcess(RoadmapItemProcess.PROCESS_ID);
        RoadmapService roadmap = expressionBean("roadmap", mock(RoadmapService.class));
        when(roadmap.itemCodes(1L, 4)).thenReturn(List.of("4.1"));
        selection = expressionBean("mentorSelection", mock(MentorSelection.class));
        when(selection.candidates(1L)).thenReturn(List.of(11L, 12L));
        when(selection.name(1L, 11L)).thenReturn("Петров Пётр");
        when(selection.name(1L, 12L)).thenReturn("Сидорова Мария");
        prepareInterviews = delegateSetting("prepareInterviews", deadline(at(2026, 11, 10, 18)));
        recordInterview = taskListener("recordInterview");
        prepareTraining = delegateSetting("prepareTraining", deadline(at(2026, 11, 30, 18)));
        appoint = delegate("appointMentors");
        remind = delegate("sendDueReminder");
        escalate = delegate("escalateOverdueTask");
    }

    @Test
    void everyCandidateIsInterviewedTheMentorsTrainedAndAppointed() {
        ProcessInstance stage = start();
        assertThat(activitiesOf(prepareInterviews)).containsExactly("Task_PrepareInterviews");
        assertThat(interviews(stage)).extracting(task -> tasks().getVariable(task.getId(), WithdrawnParticipantTasks.VAR_PERSON_ID.name()))
                .containsExactlyInAnyOrder(11L, 12L);

        interviews(stage).forEach(task -> tasks().complete(task.getId(), Map.of("interviewDecision", "accept")));
        verify(recordInterview, times(2)).notify(any());
        assertThat(activitiesOf(prepareTraining)).containsExactly("Task_PrepareTraining");

        complete(stage, TRAINING, Map.of());
        assertThat(activitiesOf(appoint)).containsExactly("Task_AppointMentors");
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems");
        finishCalledStubs(stage);
        assertThat(stage).isEnded().hasPassed("EndEvent_StageCompleted");
        verifyNoInteractions(remind, escalate);
    }

    @Test
    void aCandidateWhoWithdrawsLeavesTheInterviewsWithoutADecision() {
        ProcessInstance stage = start();

        runtime().createMessageCorrelation(MentorTrainingStage.MESSAGE_PARTICIPANT_WITHDRAWN)
                .processInstanceVariableEquals(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L)
                .localVariableEquals(WithdrawnParticipantTasks.VAR_PERSON_ID.name(), 11L).correlateAll();

        assertThat(interviews(stage)).singleElement()
                .satisfies(task -> assertThat(tasks().getVariable(task.getId(), WithdrawnParticipantTasks.VAR_PERSON_ID.name())).isEqualTo(12L));
        assertThat(stage).hasPassed("EndEvent_CandidateWithdrawn");
        verify(recordInterview, never()).notify(any());
        tasks().complete(interviews(stage).get(0).getId());
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", TRAINING);
    }

    @Test
    void noCandidateGoesStraightToTheTraining() {
        when(selection.candidates(1L)).thenReturn(List.of());
        ProcessInstance stage = start();

        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", TRAINING).hasNotPassed(INTERVIEW);
    }

    @Test
    void theInterviewsAndTheTrainingAreRemindedThenEscalated() {
        ProcessInstance stage = start();
        assertThat(fireEach(stage, "Timer_RemindBeforeInterviewDue")).isEqualTo(2);
        assertThat(fireEach(stage, "Timer_EscalateAfterInterviewDue")).isEqualTo(2);
        assertThat(activitiesOf(remind)).containsExactly("Task_SendInterviewReminder", "Task_SendInterviewReminder");
        assertThat(activitiesOf(escalate)).containsExactly("Task_EscalateInterview", "Task_EscalateInterview");
        assertThat(interviews(stage)).hasSize(2);

        interviews(stage).forEach(task -> tasks().complete(task.getId()));
        fire(stage, "Timer_RemindBeforeTrainingDue");
        fire(stage, "Timer_EscalateAfterTrainingDue");
        assertThat(activitiesOf(remind)).endsWith("Task_SendTrainingReminder");
        assertThat(activitiesOf(escalate)).endsWith("Task_EscalateTraining");
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", TRAINING);
    }

    private ProcessInstance start() {
        return runtime().startProcessInstanceByKey(MentorTrainingStage.PROCESS_ID, "programme-1",
                Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), 1L, TaskPeople.CURATOR_ID.name(), "curator"));
    }

    private static List<Task> interviews(ProcessInstance stage) {
        return tasks().createTaskQuery().processInstanceId(stage.getId()).taskDefinitionKey(INTERVIEW).list();
    }
}
