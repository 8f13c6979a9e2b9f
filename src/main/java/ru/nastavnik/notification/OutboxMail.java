package ru.nastavnik.notification;

import java.time.Instant;
import java.util.List;

/** One mail of the outbox as a sender claimed it. */
record OutboxMail(long id, String key, String messageId, List<String> to, List<String> cc, String subject,
                  String body, int attempts, Instant expiresAt) {
}
