package ru.nastavnik.programme;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;

/**
 * Task_ApplyRoadmapRevision: moves the dates the curator chose in the revise-roadmap form. A refused move
 * (bad dates) rolls the completion back, so the curator's task stays open with the message.
 */
@Component("applyRoadmapRevision")
class ApplyRoadmapRevision implements JavaDelegate {

    private static final List<String> FORM_FIELDS =
            List.of(PrepareStage.REVISION_ITEM_CODE.name(), PrepareStage.REVISION_START_DATE.name(),
                    PrepareStage.REVISION_DUE_DATE.name());

    private final RoadmapService roadmap;

    ApplyRoadmapRevision(RoadmapService roadmap) {
        this.roadmap = roadmap;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        String code = PrepareStage.REVISION_ITEM_CODE.get(execution);
        if (code != null) {
            try {
                roadmap.moveDates(programmeId, code,
                        ProcessVariables.date(execution.getVariable(PrepareStage.REVISION_START_DATE.name())).orElse(null),
                        ProcessVariables.date(execution.getVariable(PrepareStage.REVISION_DUE_DATE.name())).orElse(null));
            } catch (ApiException refusal) {
                throw ValidationException.of("revisionItemCode", refusal);
            }
        }
        // The next round of the form starts empty rather than showing the move just made.
        execution.removeVariables(FORM_FIELDS);
        if (execution.getVariable(PrepareStage.SUBMIT_FOR_APPROVAL.name()) == null) {
            PrepareStage.SUBMIT_FOR_APPROVAL.set(execution, false);
        }
    }
}
