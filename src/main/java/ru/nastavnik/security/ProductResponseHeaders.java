package ru.nastavnik.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The product's own answers (/api and its HTML pages, the start page among them) hold personal data and documents: never cached, never
 * sniffed into another type, never framed. Set before anything else runs, so that refusals (401 from the API
 * filter, 400, 500 through the error page) carry them as well; Camunda's webapps keep their own headers.
 */
class ProductResponseHeaders extends OncePerRequestFilter {

    static final List<String> PATHS = List.of("/api/", "/account/", "/feedback/", "/monitoring/",
            "/participants/import", "/preferences/import", "/programmes/");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (product(request)) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            if (response.getHeader("Content-Security-Policy") == null) {
                response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
            }
        }
        chain.doFilter(request, response);
    }

    /** Also the error dispatch of a failed product request, which runs under /error. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static boolean product(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        return path.equals("/") || PATHS.stream().anyMatch(path::startsWith);
    }
}
