package ru.nastavnik.shared;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a user's claim or completion of a task again when it lost a race with another transaction on the same
 * process. Items of one stage are a parallel multi-instance call activity: each completion ends its item's
 * process and updates the engine's own counters of the stage (nrOfActiveInstances, nrOfCompletedInstances), so
 * two items completed at once collide there, whatever the product stores. The loser was rolled back entirely,
 * so running the same command in a fresh transaction is what the user asked for; it then sees the winner's
 * counters (or, for a claim, the winner's assignee and gets the ordinary "already claimed" answer).
 * Only outermost commands are retried: inside a caller's transaction the rollback is the caller's.
 */
class ConflictRetry extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);
    private static final Set<Class<?>> RETRIED = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class,
            ClaimTaskCmd.class);
    static final int ATTEMPTS = 6;

    @Override
    public <T> T execute(Command<T> command) {
        if (!RETRIED.contains(command.getClass()) || Context.getCommandContext() != null
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return next.execute(command);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return next.execute(command);
            } catch (OptimisticLockingException e) {
                if (attempt == ATTEMPTS) {
                    log.warn("{} lost {} races with concurrent transactions; giving up: {}",
                            command.getClass().getSimpleName(), ATTEMPTS, e.getMessage());
                    throw e;
                }
                log.info("{} collided with a concurrent transaction (attempt {} of {}); running it again",
                        command.getClass().getSimpleName(), attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /** A short random wait, longer with each attempt, so that the colliding transactions do not meet again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
