package ru.nastavnik.operations;

/**
 * Variables a feature stores in its own tables and removes from the process in the same transaction, as a user
 * task's answers: the engine keeps no history of them ({@link AuditHistory}), since nobody reads it; the product's
 * tables hold the answers, and the user operation log still tells who completed the task. A feature declares its
 * answers with a Spring bean of this type, which must need nothing of the engine: the engine asks for the beans the
 * first time a variable's history is decided.
 */
public interface AnswersKeptByTheProduct {

    /** Whether the variable of that name, in an instance of the process of that key, is such an answer. */
    boolean includes(String processDefinitionKey, String variableName);
}
