package ru.nastavnik.programme;

import java.time.LocalDate;
import java.util.List;

/** A request to start a programme, from POST /api/programmes or the Tasklist start form. */
public record ProgrammeRequest(
        String schoolName,
        String schoolYear,
        List<String> forms,
        String curatorId,
        List<RoadmapOverride> roadmapOverrides) {

    /** A change to one default roadmap item; absent fields keep the default. */
    public record RoadmapOverride(String code, String title, String responsibleGroup,
                                  LocalDate startDate, LocalDate dueDate) {
    }

    public ProgrammeRequest {
        forms = forms == null ? List.of() : List.copyOf(forms);
        roadmapOverrides = roadmapOverrides == null ? List.of() : List.copyOf(roadmapOverrides);
    }
}
