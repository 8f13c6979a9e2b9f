package ru.nastavnik.security;

import java.time.Duration;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.nastavnik.shared.InputText;

/**
 * Every password check of the engine (Tasklist's login, HTTP Basic on /engine-rest and /api) passes the
 * {@link LoginThrottle}. It runs before the engine opens a transaction, so a delayed answer holds no database
 * connection.
 */
class ThrottledPasswordCheck extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ThrottledPasswordCheck.class);
    private static final CommandField<String> USER_ID = CommandField.of(CheckPassword.class, "userId", String.class);

    private final LoginThrottle throttle;

    ThrottledPasswordCheck(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        if (!(command instanceof CheckPassword check) || Context.getCommandContext() != null) {
            return next.execute(command);
        }
        String account = InputText.forLog(USER_ID.read(check));
        String address = ClientAddress.current().orElse("internal");
        try (LoginThrottle.Permit permit = throttle.enter(address)) {
            if (permit == null) {
                log.warn("Login for account '{}' from {} refused unchecked: too many attempts under way",
                        account, address);
                return (T) Boolean.FALSE;
            }
            T matched = next.execute(command);
            if (!Boolean.TRUE.equals(matched)) {
                Duration wait = throttle.failed(account, address);
                log.warn("Wrong password for account '{}' from {} ({} recent failures from this address, {} on "
                        + "this account; answered after {} ms)", account, address, throttle.recentFailuresFrom(address),
                        throttle.recentFailuresOf(account), wait.toMillis());
                pause(wait);
            }
            return matched;
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
