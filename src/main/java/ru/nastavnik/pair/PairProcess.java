package ru.nastavnik.pair;

import java.util.Date;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.shared.ProcessModel;
import ru.nastavnik.shared.ProcessVariable;

/**
 * What Java relies on in bpmn/mentorship-pair.bpmn, and the names its delegates share. The meetings are one embedded
 * sub-process run in a loop; its element ids are those of the called process pair-meeting it replaced, which pairs
 * started before still run.
 */
@ProcessModel
public final class PairProcess {

    public static final String PROCESS_ID = "mentorship-pair";
    /** The called process the meetings were before {@link #SUB_PROCESS_PAIR_MEETING}; pairs started before call it. */
    public static final String LEGACY_MEETING_PROCESS_ID = "pair-meeting";
    public static final String SUB_PROCESS_PAIR_MEETING = "SubProcess_PairMeeting";
    public static final String GATEWAY_NEXT_PAIR_STEP = "Gateway_NextPairStep";
    public static final String TASK_REPORT_MEETING = "Task_ReportPairMeeting";
    public static final String TIMER_ESCALATE_TO_CURATOR = "Timer_EscalateToCurator";
    /** Moved with the report's task by {@link Deadlines#move} when the meeting is moved. */
    public static final String TIMER_REMIND_BEFORE_DUE = Deadlines.TIMER_REMIND;
    public static final String TIMER_ESCALATE_AFTER_DUE = Deadlines.TIMER_ESCALATE;
    public static final ProcessVariable<Long> VAR_PAIR_ID = ProcessVariable.of("pairId", Long.class);
    public static final ProcessVariable<String> VAR_MENTOR_USER_ID = ProcessVariable.text("mentorUserId");

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<String> FEEDBACK_DIFFICULTIES = ProcessVariable.text("feedbackDifficulties");
    public static final ProcessVariable<String> FEEDBACK_PROGRESS = ProcessVariable.text("feedbackProgress");
    public static final ProcessVariable<String> FEEDBACK_SATISFACTION = ProcessVariable.text("feedbackSatisfaction");
    public static final ProcessVariable<Date> FEEDBACK_STARTS_AT = ProcessVariable.of("feedbackStartsAt", Date.class);
    public static final ProcessVariable<String> FEEDBACK_SUGGESTIONS = ProcessVariable.text("feedbackSuggestions");
    public static final ProcessVariable<String> FEEDBACK_TASK_NAME = ProcessVariable.text("feedbackTaskName");
    public static final ProcessVariable<String> FEEDBACK_WORKED = ProcessVariable.text("feedbackWorked");

    private PairProcess() {
    }

    public static String businessKey(long programmeId, long pairId) {
        return "programme-" + programmeId + "-pair-" + pairId;
    }
}
