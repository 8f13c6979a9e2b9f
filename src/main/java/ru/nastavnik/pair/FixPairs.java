package ru.nastavnik.pair;

import static ru.nastavnik.pairorder.PairOrderVariables.DECIDED_BY;
import static ru.nastavnik.pairorder.PairOrderVariables.ORDER_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrderVariables;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.ProgrammeProcess;

/** Task_FixPairs: one pair (group) per row of the approved order, each with its mentorship-pair process. */
@Component("fixPairs")
class FixPairs implements JavaDelegate {
    private final PairOrders orders;
    private final Pairs pairs;

    FixPairs(PairOrders orders, Pairs pairs) {
        this.orders = orders;
        this.pairs = pairs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PairOrder order = orders.get(ProgrammeProcess.programmeId(execution),
                ((Number) execution.getVariable(ORDER_ID.name())).longValue());
        List<Pair> fixed = pairs.fix(order, (String) execution.getVariable(TaskPeople.CURATOR_ID.name()),
                (String) execution.getVariable(DECIDED_BY.name()));
        PairOrderVariables.FIXED_PAIR_COUNT.set(execution, (long) fixed.size());
    }
}
