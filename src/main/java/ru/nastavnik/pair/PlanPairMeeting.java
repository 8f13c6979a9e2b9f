package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.pairId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PlanPairMeeting: the pair's next meeting gets its kind, date, row and its task's variables, local to the
 * meeting's scope (the embedded sub-process of mentorship-pair), so that they end with it.
 */
@Component("planPairMeeting")
class PlanPairMeeting implements JavaDelegate {
    private final PairMeetings meetings;

    PlanPairMeeting(PairMeetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariablesLocal(meetings.open(pairId(execution), execution.getProcessInstanceId()));
    }
}
