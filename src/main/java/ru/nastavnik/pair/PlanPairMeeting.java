package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.pairId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Task_PlanPairMeeting: the pair's next meeting gets its kind, date, row and its task's variables, local to the
 * meeting's scope (the embedded sub-process of mentorship-pair), so that they end with it. The mentees' options,
 * the same for meeting after meeting, stay on the pair's instance: set when it has none, never read back (one more
 * select per report, of the stored list's bytes), and set anew when a mentee leaves or is renamed ({@link Pairs}).
 */
@Component("planPairMeeting")
class PlanPairMeeting implements JavaDelegate {
    private final PairMeetings meetings;
    private final Pairs pairs;

    PlanPairMeeting(PairMeetings meetings, Pairs pairs) {
        this.meetings = meetings;
        this.pairs = pairs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long pairId = pairId(execution);
        PairMeetingSteps.setMeetingVariables(execution, meetings.open(pairId, execution.getProcessInstanceId()));
        String options = PairMeetingSteps.MENTEE_OPTIONS.name();
        VariableScope pair = execution.getProcessInstance();
        if (!pair.hasVariableLocal(options)) {
            // The pair as open() read it in this transaction (Pairs' cache): no query.
            pair.setVariableLocal(options, PairMeetingSteps.menteeOptions(pairs.get(pairId)));
        }
    }
}
