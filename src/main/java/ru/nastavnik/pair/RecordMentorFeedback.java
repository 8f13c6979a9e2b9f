package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.actor;
import static ru.nastavnik.pair.PairMeetingSteps.pairId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.CurrentUser;

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
                Integer.parseInt(PairProcess.FEEDBACK_SATISFACTION.get(execution)),
                Integer.parseInt(PairProcess.FEEDBACK_PROGRESS.get(execution)),
                PairProcess.FEEDBACK_WORKED.get(execution),
                PairProcess.FEEDBACK_DIFFICULTIES.get(execution),
                PairProcess.FEEDBACK_SUGGESTIONS.get(execution)),
                        actor(currentUser));
    }
}
