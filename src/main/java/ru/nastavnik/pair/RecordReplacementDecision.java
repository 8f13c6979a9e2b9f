package ru.nastavnik.pair;

import static ru.nastavnik.pair.MentorReplacementSteps.VAR_DECIDED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.CurrentUser;

/** Task_DecideMentorReplacement, on completion: who decided (the new order is approved in their name). */
@Component("recordReplacementDecision")
class RecordReplacementDecision implements TaskListener {
    private final CurrentUser currentUser;

    RecordReplacementDecision(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = currentUser.id() != null ? currentUser.id() : task.getAssignee();
        task.getExecution().setVariable(VAR_DECIDED_BY.name(), user);
    }
}
