package ru.nastavnik.form;

import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.UserTaskParsing;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * Checks every user task's submitted values against the rules of its Camunda Form when the task completes.
 * A refusal throws inside the completion, so the engine rolls back and the process does not move; REST
 * answers 400 with the Russian message (see {@link ValidationException}).
 */
@Component
class FormValidationPlugin extends AbstractProcessEnginePlugin {

    private final FormSchemas schemas;
    private final SchoolClock clock;

    FormValidationPlugin(FormSchemas schemas, SchoolClock clock) {
        this.schemas = schemas;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskParsing.onEveryUserTask(configuration, (element, activity, definition) -> {
            String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
            if (formRef == null || formRef.startsWith("${")) {
                return;
            }
            // An execution listener, not a task listener: the engine wraps task listener exceptions into a
            // generic one (REST 500), but passes this one on, so REST answers 400 with the message.
            activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                if (!execution.isCanceled()) {
                    check(formRef, execution::getVariable);
                }
            });
        });
    }

    private void check(String formId, Function<String, Object> values) {
        schemas.rules(formId).ifPresent(rules -> {
            List<FieldError> errors = rules.check(values, clock.today());
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        });
    }
}
