package ru.nastavnik.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

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
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        TaskListener cancel = this::cancelMail;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, cancel);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, cancel);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void cancelMail(DelegateTask task) {
        outbox.cancel(MailAbout.taskRef(task.getId()));
    }
}
