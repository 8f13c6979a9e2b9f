package ru.nastavnik.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.UserTaskParsing;

/**
 * A task that is completed or cancelled (its process moved on or ended) takes its waiting reminders and
 * escalations with it: in the same transaction, so a reminder never arrives for a task that is already gone.
 */
@Component
class TaskEndCancelsMail extends AbstractProcessEnginePlugin {

    private final MailOutbox outbox;

    // Lazy: the plugin is made before the engine, the outbox's transaction manager is not needed until a task ends.
    TaskEndCancelsMail(@Lazy MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener cancel = this::cancelMail;
        UserTaskParsing.onEveryUserTask(configuration, (element, activity, definition) -> {
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, cancel);
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, cancel);
        });
    }

    private void cancelMail(DelegateTask task) {
        outbox.cancel(MailAbout.taskRef(task.getId()));
    }
}
