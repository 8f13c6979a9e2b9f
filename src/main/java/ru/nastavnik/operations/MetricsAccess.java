package ru.nastavnik.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /actuator/prometheus is for the operator's Prometheus only: the user the API filter authenticated (HTTP Basic,
 * see security/SecurityConfiguration) must be a Camunda administrator; others get 403. /actuator/health stays open
 * for the load balancer.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    static final String PATH = "/actuator/prometheus";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> metricsAdministratorsOnly(IdentityService identity) {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Authentication user = identity.getCurrentAuthentication();
                if (user == null || user.getGroupIds() == null
                        || !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        bean.addUrlPatterns(PATH);
        // After the authentication of SecurityConfiguration (HIGHEST_PRECEDENCE + 200).
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 300);
        return bean;
    }
}
