package ru.nastavnik.notification;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nastavnik.schedule.*} of a dated task ({@link Deadlines}): the reminder comes {@code reminderDaysBefore} the
 * due date and the escalation the day after it, both at {@code notifyTime} school time; a task is due at
 * {@code dueTime} of its day.
 */
@ConfigurationProperties("nastavnik.schedule")
public record DeadlineSettings(@DefaultValue("3") int reminderDaysBefore,
                               @DefaultValue("09:00") LocalTime notifyTime,
                               @DefaultValue("18:00") LocalTime dueTime) {
}
