package ru.nastavnik.programme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.Deadlines;

/** Task_SummariseRoadmap: what the director approves and the curator revises, as the forms show it. */
@Component("summariseRoadmap")
class SummariseRoadmapDelegate implements JavaDelegate {

    private final RoadmapService roadmap;
    private final Deadlines deadlines;

    SummariseRoadmapDelegate(RoadmapService roadmap, Deadlines deadlines) {
        this.roadmap = roadmap;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        // Longer than the 4000 characters of a String variable: stored as a JSON-serialized value, which
        // Tasklist hands to the form as a plain string.
        execution.setVariable("roadmapSummary", Variables.objectValue(roadmap.summary(programmeId))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable("roadmapItemOptions", roadmap.openItemOptions(programmeId));
        execution.setVariable("roadmapApprovalDue", deadlines.dueAt(roadmap.stageEnd(programmeId, 1)));
    }
}
