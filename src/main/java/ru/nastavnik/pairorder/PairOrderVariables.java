package ru.nastavnik.pairorder;

/** The process variables of stage 5 (bpmn/programme-stage-5-pairs.bpmn) about the order of pairs. */
public final class PairOrderVariables {

    /** The draft the director decides on; after the approval, the order the pairs are fixed by. */
    public static final String ORDER_ID = "pairOrderId";
    /** The director who completed Task_ApprovePairOrder. */
    public static final String DECIDED_BY = "pairOrderDecidedBy";

    private PairOrderVariables() {
    }
}
