package ru.nastavnik.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * A request to start a programme, from POST /api/programmes or the Tasklist start form. The roadmap is planned
 * from {@code startDate} (default: today); see {@link RoadmapTemplate#itemsFrom}. {@code municipalityId}: the
 * municipality the school belongs to (the district feature's table), optional. With {@code previousProgrammeId} (the
 * school's completed programme of an earlier year) the roadmap is last year's and the participants start from its
 * long-term base ({@link ProgrammeCarriedOver}). {@code deputyDirectorId} and {@code directorId}, optional: the school's
 * deputy director and director, who join the school's groups with the curator (see {@link SchoolStaff}).
 */
public record ProgrammeRequest(
        String schoolName,
        String schoolYear,
        List<String> forms,
        String curatorId,
        List<RoadmapOverride> roadmapOverrides,
        LocalDate startDate,
        Long municipalityId,
        Long previousProgrammeId,
        String deputyDirectorId,
        String directorId) {

    /** A change to one default roadmap item; absent fields keep the default. */
    public record RoadmapOverride(String code, String title, String responsibleGroup,
                                  LocalDate startDate, LocalDate dueDate) {
    }

    public ProgrammeRequest(String schoolName, String schoolYear, List<String> forms, String curatorId,
                            List<RoadmapOverride> roadmapOverrides, LocalDate startDate) {
        this(schoolName, schoolYear, forms, curatorId, roadmapOverrides, startDate, null, null, null, null);
    }

    /** A programme that starts today. */
    public ProgrammeRequest(String schoolName, String schoolYear, List<String> forms, String curatorId,
                            List<RoadmapOverride> roadmapOverrides) {
        this(schoolName, schoolYear, forms, curatorId, roadmapOverrides, null, null, null, null, null);
    }

    /** This request naming the school's deputy director and director. */
    public ProgrammeRequest withSchoolHeads(String deputyDirector, String director) {
        return new ProgrammeRequest(schoolName, schoolYear, forms, curatorId, roadmapOverrides, startDate,
                municipalityId, previousProgrammeId, deputyDirector, director);
    }

    public ProgrammeRequest {
        forms = forms == null ? List.of() : List.copyOf(forms);
        roadmapOverrides = roadmapOverrides == null ? List.of() : List.copyOf(roadmapOverrides);
    }
}
