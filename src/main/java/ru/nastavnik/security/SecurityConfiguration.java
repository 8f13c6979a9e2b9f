package ru.nastavnik.security;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Closes what Camunda leaves open by default: /engine-rest answers only to HTTP Basic with a Camunda user,
 * /api and the product's pages only to an authenticated user, and the admin webapp's setup is closed; the product's own answers carry
 * no-store, nosniff and no-framing headers. The checks that no URL may go around live in the engine
 * ({@link EngineGuards}).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<ProductResponseHeaders> productResponseHeaders() {
        FilterRegistrationBean<ProductResponseHeaders> bean = new FilterRegistrationBean<>(new ProductResponseHeaders());
        bean.addUrlPatterns("/*");
        bean.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        // First, so that every answer of the product carries them, the refusals of the filters below included.
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    @Bean
    FilterRegistrationBean<ClientAddress> clientAddress() {
        FilterRegistrationBean<ClientAddress> bean = new FilterRegistrationBean<>(new ClientAddress());
        bean.addUrlPatterns("/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return bean;
    }

    @Bean
    FilterRegistrationBean<AdminSetupClosed> adminSetupClosed() {
        FilterRegistrationBean<AdminSetupClosed> bean = new FilterRegistrationBean<>(new AdminSetupClosed());
        // Every path: the check reads the resolved path, so no spelling of the URL goes around it.
        bean.addUrlPatterns("/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return bean;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        bean.addUrlPatterns("/engine-rest/*");
        bean.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName()));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 200);
        return bean;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine) {
        FilterRegistrationBean<ApiAuthenticationFilter> bean = new FilterRegistrationBean<>(
                new ApiAuthenticationFilter(engine.getIdentityService(), engine.getName()));
        // The metrics, too (operations/MetricsAccess then lets administrators only).
        bean.addUrlPatterns("/api/*", "/actuator/prometheus");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 200);
        return bean;
    }

    @Bean
    FilterRegistrationBean<PageAuthenticationFilter> pageAuthentication(TasklistSession tasklist, ProcessEngine engine) {
        FilterRegistrationBean<PageAuthenticationFilter> bean = new FilterRegistrationBean<>(
                new PageAuthenticationFilter(tasklist, engine.getIdentityService()));
        // Every path, the filter picks the pages itself: a servlet pattern cannot name "/" alone.
        bean.addUrlPatterns("/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 200);
        return bean;
    }
}
