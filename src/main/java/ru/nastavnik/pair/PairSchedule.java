package ru.nastavnik.pair;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nastavnik.schedule.*} of pairs: the time and length of a meeting in the calendar invitation; after how many
 * days an unreported meeting goes to the curator; how many calendar days the director has to decide on a mentor
 * replacement and the curator to pick the new mentor.
 */
@ConfigurationProperties("nastavnik.schedule")
public record PairSchedule(@DefaultValue("15:00") LocalTime meetingTime,
                           @DefaultValue("60") int meetingMinutes,
                           @DefaultValue("7") int meetingEscalationDays,
                           @DefaultValue("5") int replacementDecisionDays,
                           @DefaultValue("7") int replacementPickDays) {
}
