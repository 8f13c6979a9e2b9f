package ru.nastavnik.shared;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command contexts that log a user's refused input ({@link ValidationException}, e.g. a form field left empty) as
 * one INFO line instead of the engine's ERROR with a stack trace (ENGINE-16004); real errors keep their ERROR.
 */
class UserMistakesLogged extends CommandContextFactory {

    private static final Logger log = LoggerFactory.getLogger(UserMistakesLogged.class);

    @Override
    public CommandContext createCommandContext() {
        return new CommandContext(processEngineConfiguration) {
            /** Called once for the exception a command ends with; true sends the engine's own line to DEBUG. */
            @Override
            protected boolean shouldLogFine(Throwable exception) {
                if (exception instanceof ValidationException refused) {
                    log.info("Input refused: {}", InputText.forLog(refused.getMessage()));
                    return true;
                }
                return super.shouldLogFine(exception);
            }
        };
    }
}
