package ru.nastavnik.notification;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;

/**
 * The reminder and escalation emails about a task. A programme's task names its school already
 * ({@code programme/ProgrammeOnTasks}), so the subject names it through the task.
 */
@Component
class TaskMails {

    private final MailTemplates templates;
    private final PublicUrl publicUrl;
    private final SchoolClock clock;

    TaskMails(MailTemplates templates, PublicUrl publicUrl, SchoolClock clock) {
        this.templates = templates;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    MailContent reminder(Task task) {
        return templates.render("task-reminder", model(task));
    }

    MailContent escalation(Task task, boolean toDirector) {
        Map<String, Object> model = model(task);
        model.put("toDirector", toDirector);
        return templates.render("task-escalation", model);
    }

    private Map<String, Object> model(Task task) {
        String due = task.getDueDate() == null ? "—"
                : LocalDate.ofInstant(task.getDueDate().toInstant(), clock.zone()).format(SchoolClock.RUSSIAN_DATE);
        return new java.util.HashMap<>(Map.of("task", task.getName(), "due", due, "link",
                publicUrl.task(task.getId())));
    }
}
