package ru.nastavnik.shared;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What an engine plugin adds to every user task of every deployed diagram, after the engine has parsed it: the one
 * place that registers such a parse listener, for the plugins of several features.
 */
public final class UserTaskParsing {

    /** A step on one parsed user task: its XML element, its activity and its task definition. */
    public interface Step {
        void parsed(Element element, ActivityImpl activity, TaskDefinition definition);
    }

    private UserTaskParsing() {
    }

    /** Registers {@code step} for every user task; call from a plugin's {@code preInit}. */
    public static void onEveryUserTask(ProcessEngineConfigurationImpl configuration, Step step) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                step.parsed(element, activity,
                        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
