package ru.nastavnik.training;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.StageSchedule;

/** Task_PrepareInterviews: the interviews' deadline variables, from the items {@code deadlineItems}. */
@Component("prepareInterviews")
class PrepareInterviews implements JavaDelegate {
    private final StageSchedule schedule;

    PrepareInterviews(StageSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        schedule.apply(execution);
    }
}
