package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.pairId;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Task_PlanPairMeeting: the pair's next meeting gets its kind, date, row and its task's variables, local to the
 * meeting's scope (the embedded sub-process of mentorship-pair), so that they end with it. The mentees' options,
 * the same for meeting after meeting, stay on the pair's instance: set when it has none, never read back (one more
 * select per report, of the stored list's bytes), and set anew by {@link Pairs#leave}.
 */
@Component("planPairMeeting")
class PlanPairMeeting implements JavaDelegate {
    private final PairMeetings meetings;

    PlanPairMeeting(PairMeetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> variables = new HashMap<>(meetings.open(pairId(execution),
                execution.getProcessInstanceId()));
        String options = PairMeetingSteps.MENTEE_OPTIONS.name();
        Object mentees = variables.remove(options);
        VariableScope pair = execution.getProcessInstance();
        if (!pair.hasVariableLocal(options)) {
            pair.setVariableLocal(options, mentees);
        }
        PairMeetingSteps.setMeetingVariables(execution, variables);
    }
}
