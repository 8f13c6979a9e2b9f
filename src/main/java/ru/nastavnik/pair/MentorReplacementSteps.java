package ru.nastavnik.pair;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import ru.nastavnik.shared.ProcessVariable;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;

/**
 * What the steps of the {@value MentorReplacement#PROCESS_ID} process share: variable names and reading the pair and
 * the mentee. Each step is a bean of its own; the rules live in {@link MentorReplacement}.
 */
final class MentorReplacementSteps {

    static final ProcessVariable<String> VAR_PAIR_SUMMARY = ProcessVariable.text("pairSummary");
    static final ProcessVariable<String> VAR_DECIDED_BY = ProcessVariable.text("replacementDecidedBy");
    static final ProcessVariable<String> VAR_REFUSAL = ProcessVariable.text("refusalReason");

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<String> MENTOR_CANDIDATES_TEXT = ProcessVariable.text("mentorCandidatesText");
    public static final ProcessVariable<List<Map<String, String>>> MENTOR_OPTIONS =
            ProcessVariable.options("mentorOptions");
    public static final ProcessVariable<String> NEW_MENTOR_ID = ProcessVariable.text("newMentorId");
    public static final ProcessVariable<PickDecision> PICK_DECISION =
            ProcessVariable.of("pickDecision", PickDecision.class);
    public static final ProcessVariable<ReplacementDecision> REPLACEMENT_DECISION =
            ProcessVariable.of("replacementDecision", ReplacementDecision.class);

    private MentorReplacementSteps() {
    }

    static long pairId(DelegateExecution execution) {
        Object value = ProcessVariables.plain(execution.getVariable(PairProcess.VAR_PAIR_ID.name()));
        if (!(value instanceof Number n) || n.doubleValue() != n.longValue()) {
            throw new ValidationException(PairProcess.VAR_PAIR_ID.name(), "Укажите номер пары (группы)");
        }
        return n.longValue();
    }

    static Long menteeId(DelegateExecution execution) {
        Object value = ProcessVariables.plain(execution.getVariable(MentorReplacement.VAR_MENTEE_ID.name()));
        return value instanceof Number n ? n.longValue() : null;
    }

    static String string(DelegateExecution execution, String name) {
        return ProcessVariables.string(execution.getVariable(name));
    }
}
