package ru.nastavnik.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ProcessVariables;

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
        long personId = ((Number) task.getVariable("personId")).longValue();
        boolean passed = "passed".equals(ProcessVariables.string(task.getVariable("interviewDecision")));
        selection.recordInterview(programmeId, personId, passed,
                ProcessVariables.stringList(task.getVariable("interviewCriteria")),
                ProcessVariables.string(task.getVariable("interviewComment")), currentUser.id());
    }
}
