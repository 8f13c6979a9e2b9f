package ru.nastavnik.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the system, after the product has checked the user's right itself (e.g. the curator
 * moving a date moves timers of tasks that belong to the deputy director). The engine checks authorizations
 * only while a user is authenticated, so the user's authentication is set aside for the call and restored.
 */
@Component
public class SystemAuthentication {

    private final IdentityService identityService;

    public SystemAuthentication(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
