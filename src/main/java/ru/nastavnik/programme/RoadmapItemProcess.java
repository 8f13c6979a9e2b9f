package ru.nastavnik.programme;

import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.shared.ProcessModel;

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

    private RoadmapItemProcess() {
    }
}
