package ru.nastavnik.pairorder;

import static ru.nastavnik.pairorder.PairOrderVariables.DECIDED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.CurrentUser;

/** Task listener on the completion of Task_ApprovePairOrder: who decided, for the order's approval. */
@Component("recordPairOrderDecider")
class RecordPairOrderDecider implements TaskListener {
    private final CurrentUser currentUser;

    RecordPairOrderDecider(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = currentUser.id() != null ? currentUser.id() : task.getAssignee();
        task.getExecution().setVariable(DECIDED_BY.name(), user);
    }
}
