package ru.nastavnik.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The site's root opens the Russian Tasklist (its login page when nobody is logged in), where school staff
 * work. Camunda's own index redirect (camunda.bpm.webapp.index-redirect-enabled, off in application.yml) would
 * open its English Welcome page with the "migrate to Camunda 8" banner.
 */
@Configuration
class StartPage implements WebMvcConfigurer {

    static final String TASKLIST = "/camunda/app/tasklist/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", TASKLIST);
    }
}
