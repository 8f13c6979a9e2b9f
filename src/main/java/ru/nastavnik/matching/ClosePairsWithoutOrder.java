package ru.nastavnik.matching;

import static ru.nastavnik.programme.ProgrammeProcess.actor;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.ValidationException;

/**
 * Task_ClosePairsWithoutOrder: the curator closes the stage without an order, which is refused while the programme
 * has any mentee with consent: then the pairs must be fixed by the director's order.
 */
@Component("closePairsWithoutOrder")
class ClosePairsWithoutOrder implements JavaDelegate {
    private final PairsStage stage;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    ClosePairsWithoutOrder(PairsStage stage, CurrentUser currentUser, AuditLog audit) {
        this.stage = stage;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        int mentees = stage.mentees(programmeId).size();
        if (mentees > 0) {
            throw new ValidationException("pairReviewDecision", "Закрыть этап без распоряжения можно, только "
                    + "когда в программе нет наставляемых, а их " + mentees + ": отправьте проект распоряжения "
                    + "директору");
        }
        audit.record(actor(currentUser, execution), "pairs.none", programmeId, null, null);
    }
}
