package ru.nastavnik.programme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CompleteProgramme: the seventh stage is over. */
@Component("completeProgramme")
class CompleteProgramme implements JavaDelegate {

    private final ProgrammeService programmes;

    CompleteProgramme(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        programmes.complete(ProgrammeProcess.programmeId(execution));
    }
}
