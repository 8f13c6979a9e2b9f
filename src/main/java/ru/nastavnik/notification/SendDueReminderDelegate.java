package ru.nastavnik.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.SchoolClock;

/** Task_SendDueReminder: tells the owners of a task that its deadline is near. */
@Component("sendDueReminder")
class SendDueReminderDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendDueReminderDelegate.class);

    private final TimedTasks tasks;
    private final TaskPeople people;
    private final MailNotifier mail;
    private final TaskMails texts;
    private final SchoolClock clock;

    SendDueReminderDelegate(TimedTasks tasks, TaskPeople people, MailNotifier mail, TaskMails texts,
                            SchoolClock clock) {
        this.tasks = tasks;
        this.people = people;
        this.mail = mail;
        this.texts = texts;
        this.clock = clock;
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
            mail.send(MailAbout.task(task.getId(), "reminder"), people.emails(people.ownerIds(task)), java.util.List.of(), m);
        }
    }
}
