package ru.nastavnik.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.stereotype.Component;

/**
 * The webapp session of a user logged into Tasklist, for the product's own pages outside /api (e.g. the
 * questionnaire upload page): who is logged in, and Tasklist's CSRF token of that session, which a page puts into
 * its forms and checks on submit, as {@code ApiAuthenticationFilter} checks Tasklist's {@code X-XSRF-TOKEN} header.
 */
@Component
public class TasklistSession {

    /** The logged-in Tasklist user and their groups. */
    public record User(String id, List<String> groups) {
    }

    private final String engineName;

    public TasklistSession(ProcessEngine engine) {
        this.engineName = engine.getName();
    }

    /** The Tasklist user of this request's session, if any. */
    public Optional<User> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        return auths != null && auths.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication u
                ? Optional.of(new User(u.getIdentityId(), u.getGroupIds() == null ? List.of() : u.getGroupIds()))
                : Optional.empty();
    }

    /** Tasklist's CSRF token of the session (the value of its XSRF-TOKEN cookie), or null. */
    public String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return token instanceof String s && !s.isEmpty() ? s : null;
    }

    /**
     * Whether a change request carries the session's CSRF token: in the form field {@code submitted} or in
     * Tasklist's {@code X-XSRF-TOKEN} header.
     */
    public boolean csrfValid(HttpServletRequest request, String submitted) {
        String token = csrfToken(request);
        if (token == null) {
            return false;
        }
        String given = submitted != null && !submitted.isEmpty() ? submitted
                : request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return given != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
