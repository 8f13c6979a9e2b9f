package ru.nastavnik.programme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.shared.ProcessVariables;

/** Task_SummariseRoadmap: what the director approves and the curator revises, as the forms show it. */
@Component("summariseRoadmap")
class SummariseRoadmap implements JavaDelegate {

    private final RoadmapService roadmap;
    private final Deadlines deadlines;

    SummariseRoadmap(RoadmapService roadmap, Deadlines deadlines) {
        this.roadmap = roadmap;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        execution.setVariable(PrepareStage.ROADMAP_SUMMARY.name(),
                ProcessVariables.longText(roadmap.summary(programmeId)));
        PrepareStage.ROADMAP_ITEM_OPTIONS.set(execution, roadmap.openItemOptions(programmeId));
        PrepareStage.ROADMAP_APPROVAL_DUE.set(execution, deadlines.dueAt(roadmap.stageEnd(programmeId,
                1)));
    }
}
