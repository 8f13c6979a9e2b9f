package ru.nastavnik.pair;

import java.util.Date;
import ru.nastavnik.shared.ProcessModel;
import ru.nastavnik.shared.ProcessVariable;

/** What Java relies on in bpmn/mentorship-pair.bpmn, and the names its delegates share. */
@ProcessModel
public final class PairProcess {

    public static final String PROCESS_ID = "mentorship-pair";
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
