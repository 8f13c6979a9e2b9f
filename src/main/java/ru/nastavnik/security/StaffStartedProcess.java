package ru.nastavnik.security;

/**
 * A process that the staff who run programmes (curator, deputy director, director) start from Tasklist. Each
 * feature declares its own as a bean; {@link AccessSetup} lets those groups create its instances, so security
 * need not know the features.
 */
public record StaffStartedProcess(String processId) {
}
