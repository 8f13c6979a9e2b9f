package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.pairId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PlanMentorFeedback: the dates of the mentor's feedback (item 6.5) and of the mentees' links. */
@Component("planMentorFeedback")
class PlanMentorFeedback implements JavaDelegate {
    private final PairMeetings meetings;

    PlanMentorFeedback(PairMeetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(meetings.feedbackVariables(pairId(execution)));
    }
}
