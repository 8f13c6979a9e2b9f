package ru.nastavnik.pairorder;

import ru.nastavnik.shared.ProcessModel;

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
    public static final String ORDER_ID = "pairOrderId";
    /** The director who completed Task_ApprovePairOrder. */
    public static final String DECIDED_BY = "pairOrderDecidedBy";
    /** The director's decision field of approve-pair-order.form and its approving value. */
    public static final String DECISION = "pairOrderDecision";
    public static final String APPROVE = "approve";

    private PairOrderVariables() {
    }
}
