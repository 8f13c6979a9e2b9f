package ru.nastavnik.programme;

import java.time.Instant;
import java.util.List;

/**
 * One school's mentorship programme for one school year; the school's municipality, when it is known. The school
 * ({@code schoolId}) stays the same from year to year: its staff groups are the school's (see {@link SchoolStaff}).
 */
public record Programme(
        long id,
        String schoolName,
        String schoolYear,
        List<String> forms,
        String curatorId,
        String processInstanceId,
        Instant createdAt,
        String createdBy,
        Instant roadmapApprovedAt,
        String roadmapApprovedBy,
        Instant completedAt,
        Long municipalityId,
        long schoolId) {

    public SchoolYear year() {
        return SchoolYear.parse(schoolYear).orElseThrow();
    }

    /** How the school's people tell this programme apart: on every task, its form and its Tasklist filter. */
    public String title() {
        return title(schoolName, schoolYear);
    }

    static String title(String schoolName, String schoolYear) {
        return schoolName + ", " + schoolYear;
    }

    public boolean roadmapApproved() {
        return roadmapApprovedAt != null;
    }
}
