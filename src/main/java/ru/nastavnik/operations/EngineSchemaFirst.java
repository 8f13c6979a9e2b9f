package ru.nastavnik.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates after the engine has created its ACT_* tables, so that migrations may add indexes to them
 * (V16__engine_indexes). On an empty database Flyway would otherwise run first. The engine's plugins must therefore
 * not need the product's JDBC beans while the engine is built (inject them {@code @Lazy}).
 */
@Configuration(proxyBeanMethods = false)
class EngineSchemaFirst {

    @Bean
    static BeanFactoryPostProcessor flywayAfterProcessEngine() {
        return beanFactory -> {
            String[] engines = beanFactory.getBeanNamesForType(ProcessEngine.class, true, false);
            for (String name : beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false)) {
                dependOn(beanFactory, name, engines);
            }
        };
    }

    private static void dependOn(ConfigurableListableBeanFactory beanFactory, String name, String[] engines) {
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        List<String> dependsOn = new ArrayList<>();
        if (definition.getDependsOn() != null) {
            dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
        }
        dependsOn.addAll(Arrays.asList(engines));
        definition.setDependsOn(dependsOn.toArray(String[]::new));
    }
}
