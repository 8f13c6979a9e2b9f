package ru.nastavnik.notification;

import java.time.LocalDate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;

/** The Russian texts of reminder and escalation emails about a task. */
@Component
class TaskMails {

    record Mail(String subject, String body) {
    }

    private final PublicUrl publicUrl;
    private final SchoolClock clock;

    TaskMails(PublicUrl publicUrl, SchoolClock clock) {
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    Mail reminder(Task task) {
        String due = dueText(task);
        return new Mail("Напоминание: срок задачи истекает " + due + " — " + task.getName(),
                "Здравствуйте!\n\n"
                        + "Напоминаем, что " + due + " истекает срок задачи программы наставничества:\n\n"
                        + "  " + task.getName() + "\n\n"
                        + "Отметьте выполнение в списке задач: " + link(task));
    }

    Mail escalation(Task task, boolean toDirector) {
        String due = dueText(task);
        return new Mail("Просрочено: " + task.getName(),
                "Здравствуйте!\n\n"
                        + (toDirector
                        ? "Задача куратора программы наставничества не выполнена в срок (" + due + "):\n\n"
                        : "Задача программы наставничества не выполнена в срок (" + due + "):\n\n")
                        + "  " + task.getName() + "\n\n"
                        + "Ответственные получили копию этого письма. Задача: " + link(task));
    }

    private String dueText(Task task) {
        return task.getDueDate() == null ? "—"
                : LocalDate.ofInstant(task.getDueDate().toInstant(), clock.zone()).format(SchoolClock.RUSSIAN_DATE);
    }

    private String link(Task task) {
        return publicUrl.task(task.getId());
    }
}
