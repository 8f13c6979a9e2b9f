package ru.nastavnik.participant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.StageSchedule;

/**
 * Task_PlanQuestionnaireCollection: the questionnaires are collected until the due date of the roadmap items
 * {@code deadlineItems} (e.g. «2.1,2.2»): sets the task's deadline variables and {@code collectionEndsAt}.
 */
@Component("planQuestionnaireCollection")
class PlanQuestionnaireCollection implements JavaDelegate {
    private final StageSchedule schedule;

    PlanQuestionnaireCollection(StageSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BaseStages.COLLECTION_ENDS_AT.set(execution, schedule.apply(execution));
        long programmeId = ProgrammeProcess.programmeId(execution);
        BaseStages.IMPORT_URL.set(execution, "/api/programmes/" + programmeId + "/participants/import");
        BaseStages.TEMPLATE_URL.set(execution, "/api/templates/participants.xlsx");
    }
}
