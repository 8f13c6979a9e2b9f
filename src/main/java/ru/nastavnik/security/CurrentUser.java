package ru.nastavnik.security;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.ApiException;

/** The user of the current request or engine command, as authenticated by the engine. */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The user id, or null when nobody is authenticated (job executor, start-up). */
    public String id() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }

    public List<String> groups() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    }

    public boolean inAnyGroup(Collection<String> groups) {
        return groups().stream().anyMatch(groups::contains);
    }

    public void requireAnyGroup(Collection<String> groups, String refusal) {
        if (!inAnyGroup(groups)) {
            throw ApiException.forbidden(refusal);
        }
    }
}
