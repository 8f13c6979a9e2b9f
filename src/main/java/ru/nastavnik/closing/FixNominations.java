package ru.nastavnik.closing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/** Task_FixNominations: the director confirmed the nominations and set the ceremony's date and place. */
@Component("fixNominations")
class FixNominations implements JavaDelegate {

    private final Nominations nominations;
    private final ClosingRecords records;
    private final CurrentUser currentUser;

    FixNominations(Nominations nominations, ClosingRecords records, CurrentUser currentUser) {
        this.nominations = nominations;
        this.records = records;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<FieldError> errors = new ArrayList<>();
        var date = ProcessVariables.date(execution.getVariable(ClosingForms.CEREMONY_DATE.name()));
        if (date.isEmpty()) {
            errors.add(new FieldError(ClosingForms.CEREMONY_DATE.name(), "Укажите дату торжественного мероприятия"));
        }
        String place = ClosingForms.text(execution, ClosingForms.CEREMONY_PLACE.name(), "Место проведения", 300, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        nominations.confirm(programmeId, ProgrammeProcess.actor(currentUser, execution));
        records.planCeremony(programmeId, date.get(), place);
    }
}
