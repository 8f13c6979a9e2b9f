package ru.nastavnik.pair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationInstantiationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.SystemAuthentication;

/**
 * The running {@code mentorship-pair} process of a pair, whatever its shape: its own instance and the instances it
 * called. Works for any pair process whose mentor tasks are user tasks assigned to {@code ${mentorUserId}}.
 */
@Component
class PairTasks {

    private final RuntimeService runtime;
    private final TaskService taskService;
    private final SystemAuthentication system;
    private final PairMeetings meetings;

    PairTasks(RuntimeService runtime, TaskService taskService, SystemAuthentication system, PairMeetings meetings) {
        this.runtime = runtime;
        this.taskService = taskService;
        this.system = system;
        this.meetings = meetings;
    }

    /**
     * Sets {@code mentorUserId} to the new mentor and starts every open task of the old one again in its place
     * (process instance modification: start before, then cancel), so the assignee, due date, input parameters and
     * boundary timers are evaluated anew and the pair goes on at the step it had reached. Returns how many tasks.
     */
    int handOver(String processInstanceId, String oldUserId, String newUserId) {
        return system.call(() -> {
            int moved = 0;
            for (String instanceId : hierarchy(processInstanceId)) {
                runtime.setVariable(instanceId, PairProcess.VAR_MENTOR_USER_ID.name(), newUserId);
                List<Task> open = taskService.createTaskQuery().processInstanceId(instanceId).taskAssignee(oldUserId)
                        .list();
                if (open.isEmpty()) {
                    continue;
                }
                ActivityInstance tree = runtime.getActivityInstance(instanceId);
                ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(instanceId);
                for (Task task : open) {
                    ActivityInstance[] found = find(tree, null, task);
                    if (found == null) {
                        throw new IllegalStateException("No activity instance of task " + task.getId());
                    }
                    ProcessInstanceModificationInstantiationBuilder start =
                            modification.startBeforeActivity(task.getTaskDefinitionKey(), found[1].getId());
                    // A task's own scope (e.g. a multi-instance element variable) goes with it; a task that runs in
                    // the process instance's execution has no scope of its own.
                    Map<String, Object> local = new HashMap<>();
                    if (!task.getExecutionId().equals(instanceId)) {
                        local.putAll(runtime.getVariablesLocal(task.getExecutionId()));
                        local.remove(PairProcess.VAR_MENTOR_USER_ID.name());
                    }
                    // A meeting's report task read its dates and name only when it was created (PairMeetingSteps).
                    if (PairProcess.TASK_REPORT_MEETING.equals(task.getTaskDefinitionKey())) {
                        long meetingId = ((Number) runtime.getVariable(task.getExecutionId(),
                                PairMeetings.VAR_MEETING_ID.name())).longValue();
                        local.putAll(PairMeetingSteps.transientAtCreation(meetings.taskCreationVariables(meetingId),
                                name -> false));
                    }
                    start.setVariablesLocal(local);
                    modification = start.cancelActivityInstance(found[0].getId());
                    moved++;
                }
                modification.execute();
            }
            return moved;
        });
    }

    /** Deletes the pair's process (and what it called) with the reason; its history stays. */
    void delete(String processInstanceId, String reason) {
        system.run(() -> {
            if (processInstanceId != null
                    && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
                runtime.deleteProcessInstance(processInstanceId, reason);
            }
        });
    }

    /** The instance and those it called: a pair started before its meetings became a sub-process calls them. */
    private List<String> hierarchy(String processInstanceId) {
        List<String> all = new ArrayList<>();
        all.add(processInstanceId);
        for (int i = 0; i < all.size(); i++) {
            runtime.createProcessInstanceQuery().superProcessInstanceId(all.get(i)).list()
                    .forEach(p -> all.add(p.getId()));
        }
        return all;
    }

    /** The task's activity instance and its parent. */
    private static ActivityInstance[] find(ActivityInstance node, ActivityInstance parent, Task task) {
        if (parent != null && task.getTaskDefinitionKey().equals(node.getActivityId())
                && List.of(node.getExecutionIds()).contains(task.getExecutionId())) {
            return new ActivityInstance[] {node, parent};
        }
        for (ActivityInstance child : node.getChildActivityInstances()) {
            ActivityInstance[] found = find(child, node, task);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
