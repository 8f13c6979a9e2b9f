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
        String code = (String) execution.getVariable(ProgrammeProcess.VAR_ITEM_CODE);
        RoadmapResult result = new RoadmapResult(
                ProcessVariables.date(execution.getVariable("doneOn")).orElseGet(roadmap::today),
                ProcessVariables.string(execution.getVariable("result")),
                ProcessVariables.string(execution.getVariable("comment")),
                ProcessVariables.string(execution.getVariable("attachments")));
        roadmap.complete(programmeId, code, result);
    }
}
