package ru.nastavnik.pair;

import static ru.nastavnik.pairorder.PairOrderVariables.ORDER_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;

/** Task_AnnouncePairs (asynchronous: a failed mail is retried): the participants learn their pairs. */
@Component("announcePairs")
class AnnouncePairs implements JavaDelegate {
    private final PairOrders orders;
    private final Pairs pairs;
    private final ProgrammeService programmes;
    private final PairAnnouncements announcements;

    AnnouncePairs(PairOrders orders, Pairs pairs, ProgrammeService programmes, PairAnnouncements announcements) {
        this.orders = orders;
        this.pairs = pairs;
        this.programmes = programmes;
        this.announcements = announcements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        PairOrder order = orders.get(programmeId, ((Number) execution.getVariable(ORDER_ID.name())).longValue());
        List<Pair> fixed = pairs.list(programmeId).stream().filter(p -> p.orderId() == order.id()).toList();
        announcements.announce(order, fixed, programmes.get(programmeId).schoolName(),
                orders.document(order).curator());
    }
}
