package ru.nastavnik.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once, with its Java type: the catalogue of the app's process data is every
 * {@code static final ProcessVariable} field (see docs/modeling.md), and {@code ProcessDataCatalogueTest} fails when a
 * diagram or a form uses a variable missing from it, or when it holds one that nothing uses. Read and write through
 * {@link #get} and {@link #set}, or by {@link #name()} where the value passes through a map or is an engine typed
 * value, never by a literal name: a misspelt variable is then a compile error.
 *
 * @param type what the value is in Java; a {@link FormChoice} enum for a form's radio (stored as its value), a
 *             {@link List} for a checklist (stored by Tasklist as JSON), {@link Object} for an engine-serialized value
 */
public record ProcessVariable<T>(String name, Class<T> type) {

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    public static ProcessVariable<String> text(String name) {
        return new ProcessVariable<>(name, String.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ProcessVariable<List<String>> list(String name) {
        return new ProcessVariable<>(name, (Class) List.class);
    }

    /** A select's or checklist's options the form shows, {@code [{label, value}]}, set by a step before the task. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ProcessVariable<List<Map<String, String>>> options(String name) {
        return new ProcessVariable<>(name, (Class) List.class);
    }

    /**
     * The value in the scope (local or inherited) as {@link #type}: a list is empty when absent, a blank text is
     * null, anything else absent is null.
     */
    @SuppressWarnings("unchecked")
    public T get(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (type == List.class) {
            return (T) ProcessVariables.stringList(value);
        }
        if (value == null) {
            return null;
        }
        if (type == String.class) {
            return (T) ProcessVariables.string(value);
        }
        if (type == Long.class) {
            return (T) Long.valueOf(((Number) value).longValue());
        }
        if (type == Integer.class) {
            return (T) Integer.valueOf(((Number) value).intValue());
        }
        if (type.isEnum() && FormChoice.class.isAssignableFrom(type)) {
            String code = ProcessVariables.string(value);
            return Arrays.stream(type.getEnumConstants()).filter(c -> ((FormChoice) c).value().equals(code))
                    .findFirst().orElse(null);
        }
        return type.cast(ProcessVariables.plain(value));
    }

    /** Sets the value in the scope, a {@link FormChoice} as its value. */
    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value instanceof FormChoice choice ? choice.value() : value);
    }

    /** Sets the value in the scope itself (e.g. a task's own copy), a {@link FormChoice} as its value. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value instanceof FormChoice choice ? choice.value() : value);
    }
}
