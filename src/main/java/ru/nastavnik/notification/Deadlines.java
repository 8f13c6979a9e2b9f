package ru.nastavnik.notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ProcessVariable;
import ru.nastavnik.shared.SchoolClock;

/**
 * The schedule around a dated user task: its due and follow-up dates, the reminder before the deadline and the
 * escalation after it. A process draws the two as non-interrupting boundary timers with these ids, reading
 * the dates from the variables set here; moving a deadline moves the task and its pending timers together.
 */
@Component
public class Deadlines {

    public static final String TIMER_REMIND = "Timer_RemindBeforeDue";
    public static final String TIMER_ESCALATE = "Timer_EscalateAfterDue";

    public static final ProcessVariable<Date> VAR_DUE = ProcessVariable.of("itemDueDate", Date.class);
    public static final ProcessVariable<Date> VAR_FOLLOW_UP = ProcessVariable.of("itemFollowUpDate", Date.class);
    public static final ProcessVariable<String> VAR_DUE_TEXT = ProcessVariable.text("itemDueDateText");
    public static final ProcessVariable<Date> VAR_REMINDER_AT = ProcessVariable.of("reminderAt", Date.class);
    public static final ProcessVariable<Date> VAR_ESCALATION_AT = ProcessVariable.of("escalationAt", Date.class);

    private final SchoolClock clock;
    private final int reminderDaysBefore;
    private final LocalTime notifyTime;
    private final LocalTime dueTime;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final SystemAuthentication system;

    public Deadlines(SchoolClock clock, DeadlineSettings settings, TaskService taskService,
            ManagementService managementService, RuntimeService runtimeService,
                     SystemAuthentication system) {
        this.clock = clock;
        this.reminderDaysBefore = settings.reminderDaysBefore();
        this.notifyTime = settings.notifyTime();
        this.dueTime = settings.dueTime();
        this.taskService = taskService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.system = system;
    }

    /** The variables a dated task and its timers read, for a task planned from {@code start} to {@code due}. */
    public Map<String, Object> variables(LocalDate start, LocalDate due) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(VAR_DUE.name(), dueAt(due));
        vars.put(VAR_FOLLOW_UP.name(), clock.at(start, notifyTime));
        vars.put(VAR_DUE_TEXT.name(), due.format(SchoolClock.RUSSIAN_DATE));
        vars.put(VAR_REMINDER_AT.name(), clock.at(due.minusDays(reminderDaysBefore), notifyTime));
        vars.put(VAR_ESCALATION_AT.name(), clock.at(due.plusDays(1), notifyTime));
        return vars;
    }

    public Date dueAt(LocalDate due) {
        return clock.at(due, dueTime);
    }

    /**
     * Moves the open task {@code taskKey} of a process instance, and the timers still pending on it, to new
     * dates. A timer that has already fired stays fired.
     */
    public void move(String processInstanceId, String taskKey, LocalDate start, LocalDate due) {
        move(processInstanceId, taskKey, start, due, Map.of());
    }

    /**
     * {@link #move(String, String, LocalDate, LocalDate)}, with more variables the task's own timers read. The dates
     * are set through the task's execution, so that they reach the scope that holds them (e.g. an embedded
     * sub-process's, which a restarted task reads), not a new copy on the process instance; those no scope holds
     * (a task that read them as transient variables when it was created) are not set.
     */
    public void move(String processInstanceId, String taskKey, LocalDate start, LocalDate due,
                     Map<String, Object> more) {
        Map<String, Object> vars = variables(start, due);
        vars.putAll(more);
        system.run(() -> {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(taskKey).list();
            if (tasks.isEmpty()) {   // not open yet: the task will read them when it is
                runtimeService.setVariables(processInstanceId, vars);
            }
            for (Task task : tasks) {
                Set<String> held = runtimeService.getVariables(task.getExecutionId(), vars.keySet()).keySet();
                Map<String, Object> update = new HashMap<>(vars);
                update.keySet().retainAll(held);
                runtimeService.setVariables(task.getExecutionId(), update);
                task.setDueDate((Date) vars.get(VAR_DUE.name()));
                task.setFollowUpDate((Date) vars.get(VAR_FOLLOW_UP.name()));
                taskService.saveTask(task);
            }
            moveTimer(processInstanceId, TIMER_REMIND, (Date) vars.get(VAR_REMINDER_AT.name()));
            moveTimer(processInstanceId, TIMER_ESCALATE, (Date) vars.get(VAR_ESCALATION_AT.name()));
        });
    }

    private void moveTimer(String processInstanceId, String timerId, Date at) {
        for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(timerId).timers().list()) {
            managementService.setJobDuedate(job.getId(), at);
        }
    }
}
