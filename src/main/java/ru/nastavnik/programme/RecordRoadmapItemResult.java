package ru.nastavnik.programme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.ProcessVariables;

/** Task_RecordRoadmapItemResult: stores what the roadmap-item form reported (checked already by its rules). */
@Component("recordRoadmapItemResult")
class RecordRoadmapItemResult implements JavaDelegate {

    private final RoadmapService roadmap;

    RecordRoadmapItemResult(RoadmapService roadmap) {
        this.roadmap = roadmap;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        String code = (String) execution.getVariable(ProgrammeProcess.VAR_ITEM_CODE.name());
        RoadmapResult result = new RoadmapResult(
                ProcessVariables.date(execution.getVariable(RoadmapItemProcess.DONE_ON.name())).orElseGet(roadmap::today),
                RoadmapItemProcess.RESULT.get(execution),
                RoadmapItemProcess.COMMENT.get(execution),
                RoadmapItemProcess.ATTACHMENTS.get(execution));
        roadmap.complete(programmeId, code, result);
    }
}
