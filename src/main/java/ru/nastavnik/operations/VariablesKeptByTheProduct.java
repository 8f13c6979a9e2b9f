package ru.nastavnik.operations;

/**
 * Variables whose values the product's own tables hold: a user task's answers that the next step stores and
 * removes in the same transaction, or a step's working copies of a row (a meeting's id and kind, a programme's title
 * on its tasks). The engine keeps no history of them ({@link AuditHistory}): nobody reads it, and the user operation
 * log still tells who completed each task. A feature declares them with a Spring bean of this type, which must need
 * nothing of the engine: the engine asks for the beans the first time a variable's history is decided.
 */
public interface VariablesKeptByTheProduct {

    /** Whether the variable of that name, in an instance of the process of that key, is one of them. */
    boolean includes(String processDefinitionKey, String variableName);
}
