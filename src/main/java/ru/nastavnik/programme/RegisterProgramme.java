package ru.nastavnik.programme;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
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
        if (execution.getVariable(ProgrammeProcess.VAR_PROGRAMME_ID) != null) {
            return;
        }
        ProgrammeRequest request = new ProgrammeRequest(
                ProcessVariables.string(execution.getVariable("schoolName")),
                ProcessVariables.string(execution.getVariable("schoolYear")),
                ProcessVariables.stringList(execution.getVariable("forms")),
                ProcessVariables.string(execution.getVariable("curatorId")),
                List.of(),
                ProcessVariables.date(execution.getVariable("startDate")).orElse(null),
                previousProgrammeId(execution.getVariable("previousProgrammeId")));
        long id;
        try {
            id = programmes.register(request);
        } catch (ApiException refusal) {
            throw ValidationException.of("schoolName", refusal);
        }
        programmes.linkProcess(id, execution.getProcessInstanceId());
        execution.setVariable(ProgrammeProcess.VAR_PROGRAMME_ID, id);
        execution.setVariable(ProgrammeProcess.VAR_CURATOR_ID, request.curatorId().trim());
        execution.setProcessBusinessKey(ProgrammeProcess.businessKey(id));
    }

    /** The start form's optional «номер программы прошлого года»: a number field, or nothing. */
    private static Long previousProgrammeId(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
