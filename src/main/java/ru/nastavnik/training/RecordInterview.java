package ru.nastavnik.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nastavnik.participant.WithdrawnParticipantTasks;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.CurrentUser;

/**
 * Task listener on the completion of Task_InterviewMentorCandidate: stores one candidate's interview. The form's
 * values are local to the task (input parameters), so parallel interviews do not share them.
 */
@Component("recordInterview")
class RecordInterview implements TaskListener {
    private final MentorSelection selection;
    private final CurrentUser currentUser;

    RecordInterview(MentorSelection selection, CurrentUser currentUser) {
        this.selection = selection;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        long programmeId = ProgrammeProcess.programmeId(task);
        long personId = ((Number) task.getVariable(WithdrawnParticipantTasks.VAR_PERSON_ID.name())).longValue();
        boolean passed = MentorTrainingStage.INTERVIEW_DECISION.get(task) == InterviewDecision.PASSED;
        selection.recordInterview(programmeId, personId, passed,
                MentorTrainingStage.INTERVIEW_CRITERIA.get(task),
                MentorTrainingStage.INTERVIEW_COMMENT.get(task),
                        currentUser.id());
    }
}
