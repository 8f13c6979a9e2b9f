package ru.nastavnik.pairorder;

import ru.nastavnik.shared.ProcessModel;
import ru.nastavnik.shared.ProcessVariable;

/**
 * What Java relies on in stage 5 (bpmn/programme-stage-5-pairs.bpmn) about the order of pairs: the director's
 * task and the variables its form and the stage's steps share. The proposal's variables are in
 * {@code matching.PairsStageSteps}.
 */
@ProcessModel
public final class PairOrderVariables {

    public static final String PROCESS_ID = "programme-stage-5-pairs";
    /** The director's decision; the REST approval completes it too (one door, {@link PairOrderApproval}). */
    public static final String TASK_APPROVE_PAIR_ORDER = "Task_ApprovePairOrder";

    /** The draft the director decides on; after the approval, the order the pairs are fixed by. */
    public static final ProcessVariable<Long> ORDER_ID = ProcessVariable.of("pairOrderId", Long.class);
    /** The director who completed Task_ApprovePairOrder. */
    public static final ProcessVariable<String> DECIDED_BY = ProcessVariable.text("pairOrderDecidedBy");

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<String> ORDER_RETURN_COMMENT = ProcessVariable.text("orderReturnComment");
    public static final ProcessVariable<PairOrderDecision> PAIR_ORDER_DECISION =
            ProcessVariable.of("pairOrderDecision", PairOrderDecision.class);
    public static final ProcessVariable<String> PAIR_ORDER_DOCX_URL = ProcessVariable.text("pairOrderDocxUrl");
    public static final ProcessVariable<String> PAIR_ORDER_PDF_URL = ProcessVariable.text("pairOrderPdfUrl");
    public static final ProcessVariable<String> PAIR_ORDER_TABLE = ProcessVariable.text("pairOrderTable");

    // Set by Java for the record: the tests and Cockpit read them.
    public static final ProcessVariable<Long> FIXED_PAIR_COUNT = ProcessVariable.of("fixedPairCount", Long.class);

    private PairOrderVariables() {
    }
}
