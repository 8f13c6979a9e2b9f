package ru.nastavnik.programme;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;

/**
 * Task_RegisterProgramme: a programme started from the Tasklist start form is checked and stored here; one
 * started through the API arrives registered already (programmeId is set).
 */
@Component("registerProgramme")
class RegisterProgramme implements JavaDelegate {

    private final ProgrammeService programmes;

    RegisterProgramme(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(ProgrammeProcess.VAR_PROGRAMME_ID.name()) != null) {
            return;
        }
        ProgrammeRequest request = new ProgrammeRequest(
                ProgrammeProcess.SCHOOL_NAME.get(execution),
                ProgrammeProcess.SCHOOL_YEAR.get(execution),
                ProgrammeProcess.FORMS.get(execution),
                TaskPeople.CURATOR_ID.get(execution),
                List.of(),
                ProcessVariables.date(execution.getVariable(ProgrammeProcess.START_DATE.name())).orElse(null),
                null,
                previousProgrammeId(execution.getVariable(ProgrammeProcess.PREVIOUS_PROGRAMME_ID.name())),
                ProgrammeProcess.DEPUTY_DIRECTOR_ID.get(execution),
                ProgrammeProcess.DIRECTOR_ID.get(execution));
        long id;
        try {
            id = programmes.register(request);
        } catch (ApiException refusal) {
            throw ValidationException.of("schoolName", refusal);
        }
        programmes.linkProcess(id, execution.getProcessInstanceId());
        ProgrammeProcess.VAR_PROGRAMME_ID.set(execution, id);
        TaskPeople.CURATOR_ID.set(execution, request.curatorId().trim());
        execution.setProcessBusinessKey(ProgrammeProcess.businessKey(id));
    }

    /** The start form's optional «номер программы прошлого года»: a number field, or nothing. */
    private static Long previousProgrammeId(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
