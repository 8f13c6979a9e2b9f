package ru.nastavnik.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.nastavnik.shared.InputText;

/**
 * Authenticates calls to the product's /api: HTTP Basic with a Camunda user, or the session of a user logged
 * into Tasklist (for changes only with Tasklist's CSRF header, so another site cannot act in their name).
 * The user is set on the engine for the request, so the engine's authorization checks apply as well.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiAuthenticationFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityService identityService;
    private final String engineName;

    ApiAuthenticationFilter(IdentityService identityService, String engineName) {
        this.identityService = identityService;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = fromBasic(request);
        List<String> groups = null;
        if (user == null) {
            UserAuthentication session = fromSession(request);
            if (session != null) {
                user = session.getIdentityId();
                groups = session.getGroupIds();
            }
        }
        if (user == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Nastavnik\", charset=\"UTF-8\"");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":401,\"message\":\"Требуется вход: логин и пароль пользователя "
                    + "(HTTP Basic) или вход в Tasklist\",\"errors\":[]}");
            return;
        }
        if (groups == null) {
            groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        }
        identityService.setAuthentication(user, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String fromBasic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        if (identityService.checkPassword(user, decoded.substring(colon + 1))) {
            return user;
        }
        log.info("API login refused for user '{}'", InputText.forLog(user));
        return null;
    }

    private UserAuthentication fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        if (!SAFE_METHODS.contains(request.getMethod())) {
            Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
            if (token == null || !token.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME))) {
                return null;
            }
        }
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        return auths != null && auths.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
                ? user : null;
    }
}
