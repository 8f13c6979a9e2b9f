package ru.nastavnik.programme;

import java.time.LocalDate;

/** What the owner of a roadmap item reported when completing it (the roadmap-item form). */
public record RoadmapResult(LocalDate doneOn, String result, String comment, String attachments) {
}
