package ru.nastavnik.pair;

import java.util.Date;
import ru.nastavnik.shared.ProcessModel;
import ru.nastavnik.shared.ProcessVariable;

/**
 * What Java relies on in bpmn/programme-stage-6-pair-work.bpmn, and what its process steps share. The steps beside the roadmap items, each a bean of its own: wait for the
 * pairs to close or the date of their final meetings (item 6.6, {@link CheckOpenPairs}), escalate the pairs still
 * open then ({@link EscalateOpenPairs}), the group final meeting (6.7) and, in {@code feedback}, the satisfaction
 * survey (6.8).
 */
@ProcessModel
public final class PairWorkStage {

    public static final String PROCESS_ID = "programme-stage-6-pair-work";
    /** Correlated to the programme's stage 6 when a pair finishes or ends: it counts the open pairs again. */
    public static final String MESSAGE_PAIR_CLOSED = "PairClosed";
    /** Item 6.6, the pairs' final meetings: the stage waits for the pairs until the morning after its due date. */
    static final String PAIRS_END_ITEM = "6.6";

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<Long> FINAL_MEETING_ATTENDANCE =
            ProcessVariable.of("finalMeetingAttendance", Long.class);
    public static final ProcessVariable<String> FINAL_MEETING_DATE = ProcessVariable.text("finalMeetingDate");
    public static final ProcessVariable<String> FINAL_MEETING_SUMMARY = ProcessVariable.text("finalMeetingSummary");
    public static final ProcessVariable<Long> OPEN_PAIRS = ProcessVariable.of("openPairs", Long.class);
    public static final ProcessVariable<Date> PAIRS_END_AT = ProcessVariable.of("pairsEndAt", Date.class);
    public static final ProcessVariable<String> PAIRS_SUMMARY = ProcessVariable.text("pairsSummary");

    // Set by Java for the record: the tests and Cockpit read them.
    public static final ProcessVariable<Long> PAIRS_OPEN_AT_END = ProcessVariable.of("pairsOpenAtEnd", Long.class);

    private PairWorkStage() {
    }
}
