package ru.nastavnik.pair;

/**
 * What the process steps of stage 6 share. The steps beside the roadmap items, each a bean of its own: wait for the
 * pairs to close or the date of their final meetings (item 6.6, {@link CheckOpenPairs}), escalate the pairs still
 * open then ({@link EscalateOpenPairs}), the group final meeting (6.7) and, in {@code feedback}, the satisfaction
 * survey (6.8).
 */
public final class PairWorkStage {

    public static final String PROCESS_ID = "programme-stage-6-pair-work";
    /** Item 6.6, the pairs' final meetings: the stage waits for the pairs until the morning after its due date. */
    static final String PAIRS_END_ITEM = "6.6";

    private PairWorkStage() {
    }
}
