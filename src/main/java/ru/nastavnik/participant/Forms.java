package ru.nastavnik.participant;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.nastavnik.programme.MentorshipForm;

/**
 * Reading forms of mentorship as people write them, and who may take which side of a form (seeds 001–004:
 * mentors of «работодатель – ученик» come from professionals, grateful alumni and parents).
 */
final class Forms {

    private static final Map<MentorshipForm, Set<Category>> MENTORS = Map.of(
            MentorshipForm.PUPIL_PUPIL, EnumSet.of(Category.PUPIL),
            MentorshipForm.TEACHER_TEACHER, EnumSet.of(Category.TEACHER),
            MentorshipForm.EMPLOYER_PUPIL, EnumSet.of(Category.EMPLOYER, Category.ALUMNUS, Category.PARENT),
            MentorshipForm.STUDENT_PUPIL, EnumSet.of(Category.STUDENT, Category.ALUMNUS),
            MentorshipForm.EMPLOYER_STUDENT, EnumSet.of(Category.EMPLOYER, Category.ALUMNUS, Category.PARENT),
            MentorshipForm.TEACHER_PUPIL, EnumSet.of(Category.TEACHER));

    private static final Map<MentorshipForm, Set<Category>> MENTEES = Map.of(
            MentorshipForm.PUPIL_PUPIL, EnumSet.of(Category.PUPIL),
            MentorshipForm.TEACHER_TEACHER, EnumSet.of(Category.TEACHER),
            MentorshipForm.EMPLOYER_PUPIL, EnumSet.of(Category.PUPIL),
            MentorshipForm.STUDENT_PUPIL, EnumSet.of(Category.PUPIL),
            MentorshipForm.EMPLOYER_STUDENT, EnumSet.of(Category.STUDENT),
            MentorshipForm.TEACHER_PUPIL, EnumSet.of(Category.PUPIL));

    private Forms() {
    }

    /** By code («pupil-pupil»), or title with any dash and spacing («Ученик – ученик», «ученик-ученик»). */
    static Optional<MentorshipForm> parse(String text) {
        String k = Text.dashedKey(text).replace("педагог", "учитель");
        return Arrays.stream(MentorshipForm.values())
                .filter(f -> f.code().equals(k) || Text.dashedKey(f.title()).equals(k))
                .findFirst();
    }

    static boolean allows(MentorshipForm form, ParticipantRole role, Category category) {
        return (role.mentoring() ? MENTORS : MENTEES).get(form).contains(category);
    }
}
