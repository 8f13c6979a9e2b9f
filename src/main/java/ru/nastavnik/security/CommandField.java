package ru.nastavnik.security;

import java.lang.reflect.Field;

/**
 * A field of one of Camunda's command classes that the engine guards must see but the engine does not expose.
 * Looked up once at start-up, so an engine upgrade that renames it fails at once, not silently.
 */
final class CommandField<T> {

    private final Field field;
    private final Class<T> type;

    private CommandField(Field field, Class<T> type) {
        this.field = field;
        this.type = type;
    }

    static <T> CommandField<T> of(Class<?> owner, String name, Class<T> type) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return new CommandField<>(field, type);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's " + owner.getSimpleName() + " has no field " + name
                    + " any more: the engine guards need updating", e);
        }
    }

    T read(Object command) {
        try {
            return type.cast(field.get(command));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
