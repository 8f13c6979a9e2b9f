package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.actor;
import static ru.nastavnik.pair.PairMeetingSteps.pairId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ProcessVariables;

/** Task_RecordMentorFeedback: stores the mentor's questionnaire. */
@Component("recordMentorFeedback")
class RecordMentorFeedback implements JavaDelegate {
    private final PairMeetings meetings;
    private final CurrentUser currentUser;

    RecordMentorFeedback(PairMeetings meetings, CurrentUser currentUser) {
        this.meetings = meetings;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        meetings.recordFeedback(pairId(execution), new PairMeetings.MentorFeedback(
                Integer.parseInt(ProcessVariables.string(execution.getVariable(PairProcess.FEEDBACK_SATISFACTION.name()))),
                Integer.parseInt(ProcessVariables.string(execution.getVariable(PairProcess.FEEDBACK_PROGRESS.name()))),
                ProcessVariables.string(execution.getVariable(PairProcess.FEEDBACK_WORKED.name())),
                ProcessVariables.string(execution.getVariable(PairProcess.FEEDBACK_DIFFICULTIES.name())),
                ProcessVariables.string(execution.getVariable(PairProcess.FEEDBACK_SUGGESTIONS.name()))), actor(currentUser));
    }
}
