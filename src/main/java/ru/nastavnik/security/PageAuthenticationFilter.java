package ru.nastavnik.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The product's own HTML pages behind the Tasklist login ({@link #PATHS}): one session for both, so a user logged into
 * Tasklist is logged in here, and anyone else is sent to Tasklist's (Russian) login page. The page runs as that
 * user on the engine, as /api does, so {@link CurrentUser}, the services' group checks and the engine's
 * authorizations see them.
 */
class PageAuthenticationFilter extends OncePerRequestFilter {

    /** Tasklist shows its login form here when nobody is logged in. */
    static final String LOGIN = "/camunda/app/tasklist/default/#/login";

    /**
     * The start page, everything under /programmes/ (the overview, its downloads, the pairs' pages) and the
     * coordinator's district table ({@code /district}, {@code /district.xlsx}).
     */
    static boolean page(String path) {
        return path.equals("/") || path.startsWith("/programmes/") || path.startsWith("/district");
    }

    private final TasklistSession tasklist;
    private final IdentityService identity;

    PageAuthenticationFilter(TasklistSession tasklist, IdentityService identity) {
        this.tasklist = tasklist;
        this.identity = identity;
    }

    /**
     * The path as the container resolved it (decoded, without path parameters, slashes merged), as Spring MVC matches
     * it: a spelling like {@code /programmes;x/1} or {@code //programmes/1} does not go around the login.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !page(path.replaceAll("/+", "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TasklistSession.User> user = tasklist.user(request);
        if (user.isEmpty()) {
            response.sendRedirect(request.getContextPath() + LOGIN);
            return;
        }
        List<String> groups = user.get().groups();
        identity.setAuthentication(user.get().id(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
