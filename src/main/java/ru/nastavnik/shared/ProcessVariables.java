package ru.nastavnik.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads process variables as plain Java values. Tasklist submits Camunda Form lists (checklists) as Json
 * variables, which the engine hands out as Spin nodes; dates come as ISO strings ("2026-10-15").
 */
public final class ProcessVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessVariables() {
    }

    /** The value with Spin JSON turned into maps, lists, strings, numbers and booleans. */
    public static Object plain(Object value) {
        if (value instanceof SpinJsonNode node) {
            try {
                return JSON.readValue(node.toString(), Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable JSON variable", e);
            }
        }
        return value;
    }

    public static String string(Object value) {
        Object plain = plain(value);
        if (plain == null) {
            return null;
        }
        String s = plain.toString().trim();
        return s.isEmpty() ? null : s;
    }

    public static List<String> stringList(Object value) {
        Object plain = plain(value);
        if (plain == null) {
            return List.of();
        }
        if (plain instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        String s = plain.toString().trim();
        if (s.startsWith("[")) {
            try {
                return stringList(JSON.readValue(s, List.class));
            } catch (JsonProcessingException e) {
                return List.of(s);
            }
        }
        return s.isEmpty() ? List.of() : List.of(s.split("\\s*,\\s*"));
    }

    /**
     * An ISO date, exactly as a form-js date field submits it ("2026-11-28"); empty when absent or anything else.
     * Strict on purpose: "2026-11-28T99" or "2026-02-31" is not a date the user picked, so it must not pass as one.
     */
    public static Optional<LocalDate> date(Object value) {
        String s = string(value);
        if (s == null) {
            return Optional.empty();
        }
        try {
            // ISO_LOCAL_DATE resolves strictly: no 31 February rolled over into March.
            return Optional.of(LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A text that may be longer than the 4000 characters of a String variable (a markdown table for a form): stored
     * as a JSON-serialized value, which Tasklist hands to the form as a plain string.
     */
    public static ObjectValue longText(String text) {
        return Variables.objectValue(text).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }
}
