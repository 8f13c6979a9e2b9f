package ru.nastavnik.pair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;

/**
 * What the steps of the {@value MentorReplacement#PROCESS_ID} process share: variable names and reading the pair and
 * the mentee. Each step is a bean of its own; the rules live in {@link MentorReplacement}.
 */
final class MentorReplacementSteps {

    static final String VAR_PAIR_SUMMARY = "pairSummary";
    static final String VAR_DECIDED_BY = "replacementDecidedBy";
    static final String VAR_REFUSAL = "refusalReason";

    private MentorReplacementSteps() {
    }

    static long pairId(DelegateExecution execution) {
        Object value = ProcessVariables.plain(execution.getVariable(PairProcess.VAR_PAIR_ID));
        if (!(value instanceof Number n) || n.doubleValue() != n.longValue()) {
            throw new ValidationException(PairProcess.VAR_PAIR_ID, "Укажите номер пары (группы)");
        }
        return n.longValue();
    }

    static Long menteeId(DelegateExecution execution) {
        Object value = ProcessVariables.plain(execution.getVariable(MentorReplacement.VAR_MENTEE_ID));
        return value instanceof Number n ? n.longValue() : null;
    }

    static String string(DelegateExecution execution, String name) {
        return ProcessVariables.string(execution.getVariable(name));
    }
}
