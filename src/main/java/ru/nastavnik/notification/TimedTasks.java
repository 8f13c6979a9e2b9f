package ru.nastavnik.notification;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * Finds the user task a reminder or escalation is about: the delegate runs on the path that leaves a boundary
 * timer, so the task is the activity that timer is attached to. Any process can reuse the two delegates by
 * drawing that shape.
 */
@Component
class TimedTasks {

    private final TaskService taskService;

    TimedTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    List<Task> openTasksOf(DelegateExecution execution) {
        FlowNode current = (FlowNode) execution.getBpmnModelElementInstance();
        for (SequenceFlow incoming : current.getIncoming()) {
            if (incoming.getSource() instanceof BoundaryEvent timer) {
                return taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                        .taskDefinitionKey(timer.getAttachedTo().getId()).list();
            }
        }
        throw new IllegalStateException("Activity " + current.getId()
                + " must follow a boundary timer directly to know which task it is about");
    }
}
