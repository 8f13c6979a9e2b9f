package ru.nastavnik.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The Camunda Forms of the product (forms/*.form, deployed with the processes), by their id, as the engine deploys them. */
@Component
public class FormSchemas {

    private final Map<String, FormRules> byId = new HashMap<>();

    public FormSchemas() {
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode schema = json.readTree(in);
                    byId.put(schema.path("id").asText(), new FormRules(schema));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Camunda Forms", e);
        }
    }

    public Optional<FormRules> rules(String formId) {
        return Optional.ofNullable(byId.get(formId));
    }
}
