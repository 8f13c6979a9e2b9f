package ru.nastavnik.programme;

import java.time.Instant;
import java.time.LocalDate;

/** One item of a programme's roadmap (пункт дорожной карты), e.g. 2.1, with its dates and its result. */
public record RoadmapItem(
        long programmeId,
        String code,
        int stage,
        int position,
        String title,
        String responsibleGroup,
        LocalDate startDate,
        LocalDate dueDate,
        String processInstanceId,
        Instant activatedAt,
        Instant completedAt,
        String completedBy,
        LocalDate doneOn,
        String result,
        String comment,
        String attachments) {

    public enum Status { planned, active, done, overdue }

    public Status status(LocalDate today) {
        if (completedAt != null) {
            return Status.done;
        }
        if (activatedAt == null) {
            return Status.planned;
        }
        return today.isAfter(dueDate) ? Status.overdue : Status.active;
    }

    public RoadmapItem withDates(LocalDate start, LocalDate due) {
        return new RoadmapItem(programmeId, code, stage, position, title, responsibleGroup, start, due,
                processInstanceId, activatedAt, completedAt, completedBy, doneOn, result, comment, attachments);
    }

    /** A new, planned item of the given programme (ids are set when the roadmap is stored). */
    public static RoadmapItem planned(String code, int stage, int position, String title, String group,
                                      LocalDate start, LocalDate due) {
        return new RoadmapItem(0, code, stage, position, title, group, start, due,
                null, null, null, null, null, null, null, null);
    }
}
