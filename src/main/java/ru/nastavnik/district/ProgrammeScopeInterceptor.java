package ru.nastavnik.district;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.nastavnik.shared.ApiException;

/**
 * Refuses staff every page and API call of a programme outside their schools or municipalities
 * ({@link ProgrammeScope}): whatever a controller checks besides, any handler mapped under
 * {@code /programmes/{id}} or {@code /api/programmes/{id}} is guarded. It reads the pattern and the id that Spring MVC
 * matched, after the container resolved the path, so no spelling of the URL ({@code ;x}, {@code //}) goes around it.
 * The refusal is answered as the handler's other refusals are (a Russian page, or the API's JSON).
 */
@Configuration(proxyBeanMethods = false)
class ProgrammeScopeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final ProgrammeScope scope;

    ProgrammeScopeInterceptor(ProgrammeScope scope) {
        this.scope = scope;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null || !(pattern.toString().startsWith("/programmes/{id}")
                || pattern.toString().startsWith("/api/programmes/{id}"))) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!scope.restricted()) {
            return true;
        }
        long id;
        try {
            id = Long.parseLong(variables.get("id"));
        } catch (NumberFormatException e) {
            // The handler answers a malformed id itself (404); nothing of a programme is read.
            return true;
        }
        if (!scope.mayRead(id)) {
            throw ApiException.forbidden(ProgrammeScope.REFUSAL);
        }
        return true;
    }
}
