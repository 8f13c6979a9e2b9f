package ru.nastavnik.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean an attacker's expression calls: if any expression of theirs ran on the server, {@link #calls()} says so.
 * The payload {@code ${expressionCanary.touch()}} is what a reflective {@code sleep} or {@code exec} would be.
 */
@Component("expressionCanary")
public class ExpressionCanary {

    public static final String PAYLOAD = "${expressionCanary.touch()}";

    private final AtomicInteger calls = new AtomicInteger();

    public String touch() {
        calls.incrementAndGet();
        return "nobody";
    }

    public int calls() {
        return calls.get();
    }
}
