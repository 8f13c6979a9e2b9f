package ru.nastavnik.programme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_FixRoadmap: the director approved the roadmap; from now on its dates are fixed. */
@Component("fixRoadmap")
class FixRoadmap implements JavaDelegate {

    private final ProgrammeService programmes;

    FixRoadmap(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        programmes.approveRoadmap(ProgrammeProcess.programmeId(execution));
    }
}
