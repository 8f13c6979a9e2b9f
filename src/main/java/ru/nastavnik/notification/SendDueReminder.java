package ru.nastavnik.notification;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.SchoolClock;

/**
 * Task_SendDueReminder: tells the owners of a task that its deadline is near, at once or, for those who read the
 * daily digest, in it.
 */
@Component("sendDueReminder")
class SendDueReminder implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendDueReminder.class);

    private final TimedTasks tasks;
    private final TaskPeople people;
    private final MailNotifier mail;
    private final TaskMails texts;
    private final SchoolClock clock;
    private final MailDigest digest;
    private final MailSchools schools;

    SendDueReminder(TimedTasks tasks, TaskPeople people, MailNotifier mail, TaskMails texts,
                            SchoolClock clock, MailDigest digest, MailSchools schools) {
        this.tasks = tasks;
        this.people = people;
        this.mail = mail;
        this.texts = texts;
        this.clock = clock;
        this.digest = digest;
        this.schools = schools;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : tasks.openTasksOf(execution)) {
            // A task opened after its deadline gets the escalation, not a "deadline is near" reminder.
            if (task.getDueDate() != null && task.getDueDate().toInstant().isBefore(clock.now())) {
                log.info("No reminder for task {}: already past its due date", task.getId());
                continue;
            }
            MailContent m = texts.reminder(task);
            MailAbout about = schools.inProgrammeOf(MailAbout.task(task.getId(), "reminder"), execution);
            Map<Boolean, List<String>> byDigest = people.ownerIds(task).stream()
                    .collect(Collectors.partitioningBy(digest::wants));
            if (!byDigest.get(false).isEmpty() || byDigest.get(true).isEmpty()) {
                mail.send(about, people.emails(byDigest.get(false)), List.of(), m);
            }
            people.emails(byDigest.get(true)).forEach(address -> mail.hold(about, address, m));
        }
    }
}
