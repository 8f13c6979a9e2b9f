package ru.nastavnik.notification;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * Finds the user task a reminder or escalation is about: the delegate runs on the path that leaves a boundary
 * timer, so the task is the activity that timer is attached to. Any process can reuse the two delegates by
 * drawing that shape. Inside a multi-instance subprocess (one task per candidate) only the task of the timer's
 * own instance is meant, not its siblings.
 */
@Component
public class TimedTasks {

    private final TaskService taskService;

    TimedTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    public List<Task> openTasksOf(DelegateExecution execution) {
        FlowNode current = (FlowNode) execution.getBpmnModelElementInstance();
        for (SequenceFlow incoming : current.getIncoming()) {
            if (incoming.getSource() instanceof BoundaryEvent timer) {
                List<Task> tasks = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                        .taskDefinitionKey(timer.getAttachedTo().getId()).list();
                ExecutionEntity scope = scopeOf((ExecutionEntity) execution);
                return scope == null || scope.isProcessInstanceExecution() ? tasks : tasks.stream()
                        .filter(t -> t instanceof TaskEntity e && descends(e.getExecution(), scope)).toList();
            }
        }
        throw new IllegalStateException("Activity " + current.getId()
                + " must follow a boundary timer directly to know which task it is about");
    }

    /** The nearest scope execution: the process instance, or one instance of a (multi-instance) subprocess. */
    private static ExecutionEntity scopeOf(ExecutionEntity execution) {
        ExecutionEntity e = execution;
        while (e != null && !e.isScope()) {
            e = e.getParent();
        }
        return e;
    }

    private static boolean descends(ExecutionEntity execution, ExecutionEntity ancestor) {
        for (ExecutionEntity e = execution; e != null; e = e.getParent()) {
            if (e.getId().equals(ancestor.getId())) {
                return true;
            }
        }
        return false;
    }
}
