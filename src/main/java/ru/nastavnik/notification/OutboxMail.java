package ru.nastavnik.notification;

import java.time.Instant;
import java.util.List;

/** One mail of the outbox as a sender claimed it; {@code html} and {@code calendar} may be null. */
record OutboxMail(long id, String key, String messageId, List<String> to, List<String> cc, String subject,
                  String body, String html, String calendar, int attempts, Instant expiresAt) {
}
