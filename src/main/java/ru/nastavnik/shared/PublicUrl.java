package ru.nastavnik.shared;

import org.springframework.stereotype.Component;

/**
 * Where people reach the app from outside ({@code nastavnik.public-url}), for the links in emails and in the start-up
 * banner. Links inside Tasklist forms stay relative: Tasklist is on the same server, wherever it is reached.
 */
@Component
public class PublicUrl {

    private final String base;

    PublicUrl(AppSettings settings) {
        this.base = settings.publicUrl().replaceAll("/+$", "");
    }

    /** The absolute address of a path of the app, e.g. {@code /feedback/…}. */
    public String of(String path) {
        return base + path;
    }

    /** Tasklist's start page: the list of one's tasks. */
    public String tasklist() {
        return of("/camunda/app/tasklist/");
    }

    /** The address of a task in Tasklist. */
    public String task(String taskId) {
        return of("/camunda/app/tasklist/default/#/?task=" + taskId);
    }
}
