package ru.nastavnik.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address of the client whose request this thread serves, for the engine's password checks, which know no
 * request. Behind a reverse proxy it is the address the proxy reports (Tomcat's RemoteIpValve, see
 * {@code server.tomcat.remoteip.internal-proxies}).
 */
class ClientAddress extends OncePerRequestFilter {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CURRENT.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
