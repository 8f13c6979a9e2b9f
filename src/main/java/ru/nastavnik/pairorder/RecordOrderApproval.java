package ru.nastavnik.pairorder;

import static ru.nastavnik.pairorder.PairOrderVariables.DECIDED_BY;
import static ru.nastavnik.pairorder.PairOrderVariables.ORDER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.shared.AuditLog;

/** Task_RecordOrderApproval: the order gets the programme's next number and today's date. */
@Component("recordOrderApproval")
class RecordOrderApproval implements JavaDelegate {
    private final PairOrders orders;
    private final AuditLog audit;

    RecordOrderApproval(PairOrders orders, AuditLog audit) {
        this.orders = orders;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        String director = (String) execution.getVariable(DECIDED_BY.name());
        PairOrder order = orders.approve(programmeId, ((Number) execution.getVariable(ORDER_ID.name())).longValue(),
                director);
        audit.record(director, "order.approved", programmeId, null, "order=" + order.id() + " number="
                + order.number());
    }
}
