package ru.nastavnik.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class that names what Java relies on in one process model, {@code bpmn/<PROCESS_ID>.bpmn}. Its
 * {@code public static final String} fields are checked against the model by {@code ModelIdsTest} and listed in
 * docs/modeling.md, by the prefix of their name:
 * <ul>
 *   <li>{@code PROCESS_ID}: the process's id, which is also the file's name;</li>
 *   <li>{@code TASK_*}, {@code TIMER_*}, {@code CALL_ACTIVITY_*}, {@code EVENT_*}, {@code GATEWAY_*}: the id of an
 *       element of the process; with the suffix {@code _PREFIX}, the beginning of one or more ids;</li>
 *   <li>{@code MESSAGE_*}: the name of a message the process catches;</li>
 *   <li>{@code ERROR_*}: the code of an error the process catches.</li>
 * </ul>
 * A modeler who renames one of these breaks a test, not the running app.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProcessModel {
}
