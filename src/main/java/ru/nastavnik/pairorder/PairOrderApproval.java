package ru.nastavnik.pairorder;

import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.shared.ApiException;

import static ru.nastavnik.pairorder.PairOrderVariables.PAIR_ORDER_DECISION;
import static ru.nastavnik.pairorder.PairOrderVariables.ORDER_ID;
import static ru.nastavnik.pairorder.PairOrderVariables.TASK_APPROVE_PAIR_ORDER;

/**
 * The director's decision on an order has one door: the task «Утвердить распоряжение о закреплении пар» of stage 5
 * (bpmn/programme-stage-5-pairs.bpmn). Approving over REST completes that task with the values its form submits, so
 * the process numbers the order, fixes the pairs and tells everyone, exactly as after Tasklist. A draft no process
 * waits for (none is open for it) is refused: numbering it alone would leave the pairs unfixed.
 */
@Service
public class PairOrderApproval {

    private static final Logger log = LoggerFactory.getLogger(PairOrderApproval.class);

    private final PairOrders orders;
    private final TaskService tasks;

    PairOrderApproval(PairOrders orders, TaskService tasks) {
        this.orders = orders;
        this.tasks = tasks;
    }

    /** Completes the open approval task of this draft as the current user; the order as the process left it. */
    public PairOrder approve(long programmeId, long orderId, String userId) {
        PairOrder order = orders.get(programmeId, orderId);
        if (order.approved()) {
            throw PairOrders.alreadyApproved(order);
        }
        Task task = openTask(programmeId, orderId);
        if (task == null) {
            throw ApiException.conflict("Проект распоряжения " + orderId + " утверждается только в задаче директора "
                    + "«Утвердить распоряжение о закреплении пар», а открытой задачи для него нет: он возвращён "
                    + "куратору или заменён новым проектом");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
            throw ApiException.conflict("Задачу «Утвердить распоряжение о закреплении пар» взял в работу "
                    + task.getAssignee() + ": решение принимается в его задаче в Tasklist");
        }
        try {
            tasks.complete(task.getId(), Map.of(PAIR_ORDER_DECISION.name(), PairOrderDecision.APPROVE.value()));
        } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException e) {
            // Decided at the same moment in Tasklist or by a second request: that decision stands.
            log.info("Approval of order {} lost a race with another decision: {}", orderId, e.getMessage());
            PairOrder now = orders.get(programmeId, orderId);
            throw now.approved() ? PairOrders.alreadyApproved(now)
                    : ApiException.conflict("По распоряжению " + orderId + " только что принято другое решение: "
                    + "обновите страницу");
        }
        return orders.get(programmeId, orderId);
    }

    private Task openTask(long programmeId, long orderId) {
        for (Task task : tasks.createTaskQuery().taskDefinitionKey(TASK_APPROVE_PAIR_ORDER).processVariableValueEquals(ORDER_ID.name(), orderId)
                .active().list()) {
            Object programme = tasks.getVariable(task.getId(), ProgrammeProcess.VAR_PROGRAMME_ID.name());
            if (programme instanceof Number n && n.longValue() == programmeId) {
                return task;
            }
        }
        return null;
    }
}
