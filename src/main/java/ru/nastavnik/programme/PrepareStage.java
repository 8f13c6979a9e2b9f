package ru.nastavnik.programme;

import ru.nastavnik.shared.ProcessModel;

/** What Java relies on in bpmn/programme-stage-1-prepare.bpmn: the director's approval of the roadmap. */
@ProcessModel
public final class PrepareStage {

    public static final String PROCESS_ID = "programme-stage-1-prepare";
    public static final String TASK_APPROVE_ROADMAP = "Task_ApproveRoadmap";
    public static final String TASK_REVISE_ROADMAP = "Task_ReviseRoadmap";

    private PrepareStage() {
    }
}
