package ru.nastavnik.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without a password for the first administrator: Camunda would otherwise create the admin
 * with whatever placeholder text the setting holds. The demo profile brings its own password.
 */
public class AdminPasswordCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String password = environment.getProperty("camunda.bpm.admin-user.password", "");
        if (password.isBlank() || password.contains("${")) {
            throw new IllegalStateException("Set NASTAVNIK_ADMIN_PASSWORD: the password of the first administrator "
                    + "(or start with the demo profile). Задайте NASTAVNIK_ADMIN_PASSWORD — пароль администратора.");
        }
    }
}
