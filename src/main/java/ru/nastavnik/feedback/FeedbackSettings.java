package ru.nastavnik.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nastavnik.feedback.*}: a participant's feedback link works until the due date of its roadmap item, and at
 * least {@code linkDays} after it is sent.
 */
@ConfigurationProperties("nastavnik.feedback")
record FeedbackSettings(@DefaultValue("14") int linkDays) {
}
