package ru.nastavnik.programme;

import java.util.Date;
import java.util.List;
import java.util.Map;
import ru.nastavnik.shared.ProcessModel;
import ru.nastavnik.shared.ProcessVariable;

/** What Java relies on in bpmn/programme-stage-1-prepare.bpmn: the director's approval of the roadmap. */
@ProcessModel
public final class PrepareStage {

    public static final String PROCESS_ID = "programme-stage-1-prepare";
    public static final String TASK_APPROVE_ROADMAP = "Task_ApproveRoadmap";
    public static final String TASK_REVISE_ROADMAP = "Task_ReviseRoadmap";

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<String> REVISION_DUE_DATE = ProcessVariable.text("revisionDueDate");
    public static final ProcessVariable<String> REVISION_ITEM_CODE = ProcessVariable.text("revisionItemCode");
    public static final ProcessVariable<String> REVISION_START_DATE = ProcessVariable.text("revisionStartDate");
    public static final ProcessVariable<Date> ROADMAP_APPROVAL_DUE =
            ProcessVariable.of("roadmapApprovalDue", Date.class);
    public static final ProcessVariable<String> ROADMAP_COMMENT = ProcessVariable.text("roadmapComment");
    public static final ProcessVariable<RoadmapDecision> ROADMAP_DECISION =
            ProcessVariable.of("roadmapDecision", RoadmapDecision.class);
    public static final ProcessVariable<List<Map<String, String>>> ROADMAP_ITEM_OPTIONS =
            ProcessVariable.options("roadmapItemOptions");
    public static final ProcessVariable<String> ROADMAP_SUMMARY = ProcessVariable.text("roadmapSummary");
    public static final ProcessVariable<Boolean> SUBMIT_FOR_APPROVAL =
            ProcessVariable.of("submitForApproval", Boolean.class);

    private PrepareStage() {
    }
}
