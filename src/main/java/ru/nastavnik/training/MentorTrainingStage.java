package ru.nastavnik.training;

import java.util.List;
import java.util.Map;
import ru.nastavnik.participant.WithdrawnParticipantTasks;
import ru.nastavnik.shared.ProcessModel;
import ru.nastavnik.shared.ProcessVariable;

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

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<Long> CANDIDATE_ID = ProcessVariable.of("candidateId", Long.class);
    public static final ProcessVariable<String> CANDIDATE_NAME = ProcessVariable.text("candidateName");
    public static final ProcessVariable<String> INTERVIEW_COMMENT = ProcessVariable.text("interviewComment");
    public static final ProcessVariable<List<String>> INTERVIEW_CRITERIA = ProcessVariable.list("interviewCriteria");
    public static final ProcessVariable<InterviewDecision> INTERVIEW_DECISION =
            ProcessVariable.of("interviewDecision", InterviewDecision.class);
    public static final ProcessVariable<List<String>> TRAINING_ATTENDED = ProcessVariable.list("trainingAttended");
    public static final ProcessVariable<String> TRAINING_CANDIDATES_TEXT =
            ProcessVariable.text("trainingCandidatesText");
    public static final ProcessVariable<String> TRAINING_NOTE = ProcessVariable.text("trainingNote");
    public static final ProcessVariable<List<Map<String, String>>> TRAINING_OPTIONS =
            ProcessVariable.options("trainingOptions");

    // Set by Java for the record: the tests and Cockpit read them.
    public static final ProcessVariable<Long> APPOINTED_MENTORS = ProcessVariable.of("appointedMentors", Long.class);

    private MentorTrainingStage() {
    }
}
