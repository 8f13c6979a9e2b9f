package ru.nastavnik.programme;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Ids of the programme's processes and elements that Java refers to. */
public final class ProgrammeProcess {

    public static final String PROCESS_ID = "mentorship-programme";
    public static final String ROADMAP_ITEM_PROCESS_ID = "roadmap-item";
    public static final String TASK_COMPLETE_ROADMAP_ITEM = "Task_CompleteRoadmapItem";
    public static final String TASK_APPROVE_ROADMAP = "Task_ApproveRoadmap";
    public static final String TASK_REVISE_ROADMAP = "Task_ReviseRoadmap";

    public static final String VAR_PROGRAMME_ID = "programmeId";
    /** On every task of a programme, a local variable: «school, year» (see ProgrammeOnTasks). */
    public static final String VAR_PROGRAMME_TITLE = "programmeTitle";
    public static final String VAR_CURATOR_ID = "curatorId";
    public static final String VAR_ITEM_CODE = "itemCode";
    /** Ends an item's checklist task when the work the item describes is done elsewhere. */
    public static final String MESSAGE_ROADMAP_ITEM_DONE = "RoadmapItemDone";
    /** Set by Task_ActivateRoadmapItem: false when the item was opened by another process or is done already. */
    public static final String VAR_ITEM_TASK_NEEDED = "itemTaskNeeded";

    private ProgrammeProcess() {
    }

    /** The programme a process (or a process it called) runs for. */
    public static long programmeId(VariableScope execution) {
        return ((Number) execution.getVariable(VAR_PROGRAMME_ID)).longValue();
    }

    public static String businessKey(long programmeId) {
        return "programme-" + programmeId;
    }

    /** The stage (1–7) that a call activity of the main process runs, from ids like CallActivity_Stage3MentorBase. */
    public static int stageOf(String callActivityId) {
        String prefix = "CallActivity_Stage";
        if (callActivityId == null || !callActivityId.startsWith(prefix)) {
            return 0;
        }
        return Character.getNumericValue(callActivityId.charAt(prefix.length()));
    }
}
