package ru.nastavnik.monitoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.nastavnik.closing.MenteeImprovement;
import ru.nastavnik.programme.RoadmapWorkDone;

/**
 * What the year's closing learns from the monitoring: items 7.3 (quality monitoring) and 7.4 (exit assessment) close
 * when their work is done, in the transaction that finished it; and a mentee's improvement for the nominations.
 */
@Component
class MonitoringForTheRoadmap implements MenteeImprovement {

    static final String QUALITY_ITEM = "7.3";
    static final String EXIT_ITEM = "7.4";

    private final Monitoring monitoring;
    private final ApplicationEventPublisher events;

    MonitoringForTheRoadmap(Monitoring monitoring, ApplicationEventPublisher events) {
        this.monitoring = monitoring;
        this.events = events;
    }

    @EventListener
    void updated(MonitoringUpdated event) {
        Monitoring.Progress progress = monitoring.progressOf(event.programmeId());
        if (progress.exitAssessmentDone()) {
            events.publishEvent(new RoadmapWorkDone(event.programmeId(), EXIT_ITEM,
                    "Выходная оценка внесена: " + progress.exitAssessed() + " из " + progress.participants()));
        }
        if (progress.qualityMonitoringDone()) {
            events.publishEvent(new RoadmapWorkDone(event.programmeId(), QUALITY_ITEM,
                    "Анкета куратора получена, SWOT-анализ сохранён"));
        }
    }

    /** The mean change of each person's parameters assessed twice, turned so that better is positive. */
    @Override
    public Map<Long, Double> byPerson(long programmeId) {
        Map<Long, Double> means = new HashMap<>();
        for (Dynamics.ParticipantChange p : monitoring.dynamicsOf(programmeId).participants()) {
            p.changes().stream()
                    .mapToDouble(c -> c.delta().abs().multiply(BigDecimal.valueOf(c.direction())).doubleValue())
                    .average().ifPresent(mean -> means.put(p.subject().personId(), mean));
        }
        return means;
    }
}
