package ru.nastavnik.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.nastavnik.shared.InputText;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the admin webapp's first-run setup for good (CVE-2026-77226: in 7.24.0 CE it creates an administrator
 * without any login whenever the group camunda-admin has no direct member). The first administrator comes from
 * configuration ({@code camunda.bpm.admin-user}). The path is the one the servlet container resolved (decoded,
 * without path parameters, slashes merged), the same one the webapp's REST resources are matched against.
 */
class AdminSetupClosed extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminSetupClosed.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.toLowerCase(Locale.ROOT).replaceAll("/+", "/").contains("/api/admin/setup")) {
            log.warn("Refused admin setup request {} {} from {}", request.getMethod(),
                    InputText.forLog(request.getRequestURI()), request.getRemoteAddr());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"Первичная настройка администратора "
                    + "отключена: администратор задаётся в настройках\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
