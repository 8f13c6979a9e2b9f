package ru.nastavnik.notification;

import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.Groups;

/**
 * Task_EscalateOverdueTask: the deadline has passed. The programme's curator is told (the director, when the
 * late task is the curator's own), with the owners in copy; the task's priority is raised.
 */
@Component("escalateOverdueTask")
class EscalateOverdueTask implements JavaDelegate {

    /** Raised priority marks an escalated task in Tasklist (and in lists sorted by priority). */
    static final int ESCALATED_PRIORITY = 100;

    private final TimedTasks tasks;
    private final TaskPeople people;
    private final MailNotifier mail;
    private final TaskMails texts;
    private final TaskService taskService;
    private final MailSchools schools;

    EscalateOverdueTask(TimedTasks tasks, TaskPeople people, MailNotifier mail, TaskMails texts,
                                TaskService taskService, MailSchools schools) {
        this.tasks = tasks;
        this.people = people;
        this.mail = mail;
        this.texts = texts;
        this.taskService = taskService;
        this.schools = schools;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String curator = (String) execution.getVariable(TaskPeople.CURATOR_ID.name());
        for (Task task : tasks.openTasksOf(execution)) {
            Set<String> owners = people.ownerIds(task);
            boolean curatorsOwn = people.candidateGroups(task).stream().map(Groups::roleOf)
                    .anyMatch(Groups.CURATOR::equals) || (curator != null && curator.equals(task.getAssignee()));
            Set<String> escalateTo = curatorsOwn || curator == null
                    ? people.colleagues(task, curatorsOwn ? Groups.DIRECTOR : Groups.CURATOR)
                    : Set.of(curator);
            MailContent m = texts.escalation(task, curatorsOwn);
            Set<String> copy = new java.util.LinkedHashSet<>(owners);
            copy.removeAll(escalateTo);
            mail.send(schools.inProgrammeOf(MailAbout.task(task.getId(), "escalation"), execution),
                    people.emails(escalateTo), people.emails(copy), m);
            taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
        }
    }
}
