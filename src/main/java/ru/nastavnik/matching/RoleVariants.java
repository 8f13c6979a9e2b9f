package ru.nastavnik.matching;

import java.util.List;
import ru.nastavnik.participant.EntryAssessment;
import ru.nastavnik.participant.ParticipantDirectory.Questionnaire;
import ru.nastavnik.programme.MentorshipForm;

/**
 * The role variants («успевающий – неуспевающий», …) of a mentor and a mentee as stored, by the same decision table
 * as the matching: for documents that must not take them from a client's copy of a proposal.
 */
public final class RoleVariants {

    private RoleVariants() {
    }

    /** The Russian names of the variants that apply; empty for an unknown form. */
    public static List<String> of(String formCode, Questionnaire mentor, Questionnaire mentee) {
        return MentorshipForm.byCode(formCode)
                .map(form -> RoleFit.shared().fit(form, profile(mentor), profile(mentee)).reasons())
                .orElse(List.of());
    }

    private static int profile(Questionnaire q) {
        EntryAssessment a = q.assessment() == null ? EntryAssessment.NONE : q.assessment();
        return RoleFit.profile(a.averageGrade(), a.activity(), a.anxiety(), q.experienceYears());
    }
}
