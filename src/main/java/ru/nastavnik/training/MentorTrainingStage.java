package ru.nastavnik.training;

import ru.nastavnik.participant.WithdrawnParticipantTasks;
import ru.nastavnik.shared.ProcessModel;

/**
 * What Java relies on in bpmn/programme-stage-4-mentor-training.bpmn: the interviews and the training (the demo walks
 * them), and the message that ends a candidate's interview when the consent is withdrawn.
 */
@ProcessModel
public final class MentorTrainingStage {

    public static final String PROCESS_ID = "programme-stage-4-mentor-training";
    public static final String TASK_INTERVIEW_MENTOR_CANDIDATE = "Task_InterviewMentorCandidate";
    public static final String TASK_MENTOR_TRAINING = "Task_MentorTraining";
    public static final String MESSAGE_PARTICIPANT_WITHDRAWN = WithdrawnParticipantTasks.MESSAGE;

    private MentorTrainingStage() {
    }
}
