package ru.nastavnik.participant;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ProcessVariable;

/**
 * Ends the open tasks about a person who withdrew the consent. The convention for every process: a task about one
 * person has the local variable {@code personId} (an input parameter of the user task) and an interrupting
 * boundary message event {@value #MESSAGE} that leads past the work; the message carries the recorded reason as
 * the local variable {@code withdrawalReason}. Only executions of the same programme are touched.
 */
@Component
public class WithdrawnParticipantTasks {

    public static final String MESSAGE = "ParticipantWithdrawn";
    public static final ProcessVariable<Long> VAR_PERSON_ID = ProcessVariable.of("personId", Long.class);
    public static final ProcessVariable<String> VAR_REASON = ProcessVariable.text("withdrawalReason");

    private static final Logger log = LoggerFactory.getLogger(WithdrawnParticipantTasks.class);

    private final RuntimeService runtime;
    private final SystemAuthentication system;

    WithdrawnParticipantTasks(RuntimeService runtime, SystemAuthentication system) {
        this.runtime = runtime;
        this.system = system;
    }

    @EventListener
    public void withdrawn(ParticipantWithdrawn event) {
        List<MessageCorrelationResult> ended = system.call(() -> runtime.createMessageCorrelation(MESSAGE)
                .processInstanceVariableEquals(ProgrammeProcess.VAR_PROGRAMME_ID.name(), event.programmeId())
                .localVariableEquals(VAR_PERSON_ID.name(), event.personId())
                .setVariableLocal(VAR_REASON.name(), "Согласие отозвано: " + event.reason())
                .correlateAllWithResult());
        log.info("Withdrawal of person {} in programme {} ended {} open task(s)", event.personId(),
                event.programmeId(), ended.size());
    }
}
