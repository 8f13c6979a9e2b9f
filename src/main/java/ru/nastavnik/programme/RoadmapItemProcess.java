package ru.nastavnik.programme;

import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.shared.ProcessModel;
import ru.nastavnik.shared.ProcessVariable;

/**
 * What Java relies on in bpmn/roadmap-item.bpmn, one process per roadmap item: its task, and the timers that
 * {@link Deadlines#move} moves with it when the roadmap's dates change.
 */
@ProcessModel
public final class RoadmapItemProcess {

    public static final String PROCESS_ID = "roadmap-item";
    public static final String TASK_COMPLETE_ROADMAP_ITEM = "Task_CompleteRoadmapItem";
    public static final String TIMER_REMIND_BEFORE_DUE = Deadlines.TIMER_REMIND;
    public static final String TIMER_ESCALATE_AFTER_DUE = Deadlines.TIMER_ESCALATE;
    /** Ends an item's checklist task when the work the item describes is done elsewhere (RoadmapService#closeByWork). */
    public static final String MESSAGE_ROADMAP_ITEM_DONE = "RoadmapItemDone";

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<String> ATTACHMENTS = ProcessVariable.text("attachments");
    public static final ProcessVariable<String> COMMENT = ProcessVariable.text("comment");
    public static final ProcessVariable<String> DONE_ON = ProcessVariable.text("doneOn");
    public static final ProcessVariable<String> ITEM_CANDIDATE_USERS = ProcessVariable.text("itemCandidateUsers");
    public static final ProcessVariable<String> ITEM_GROUP = ProcessVariable.text("itemGroup");
    public static final ProcessVariable<String> ITEM_HEADING = ProcessVariable.text("itemHeading");
    public static final ProcessVariable<String> ITEM_TASK_NAME = ProcessVariable.text("itemTaskName");
    public static final ProcessVariable<String> RESULT = ProcessVariable.text("result");

    // Set by Java for the record: the tests and Cockpit read them.
    public static final ProcessVariable<String> ITEM_TITLE = ProcessVariable.text("itemTitle");
    /** Set by Task_ActivateRoadmapItem: false when the item was opened by another process or is done already. */
    public static final ProcessVariable<Boolean> ITEM_TASK_NEEDED = ProcessVariable.of("itemTaskNeeded", Boolean.class);

    private RoadmapItemProcess() {
    }
}
