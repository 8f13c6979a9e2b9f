package ru.nastavnik.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import ru.nastavnik.participant.Topic;
import ru.nastavnik.programme.MentorshipForm;

/**
 * Random but realistic instances: several forms (half of them «ученик – ученик»), classes 5–11, requests and
 * competencies from the forms' topics, subjects, interests, entry assessments, ranked wishes of about a third of
 * the people, avoid lists of one in twenty, a few forbidden pairs, 3% without consent.
 */
final class RandomInstances {

    private static final String[] SUBJECTS = {"математика", "русский язык", "литература", "физика", "химия",
            "биология", "история", "обществознание", "английский язык", "информатика", "география", "физкультура"};
    private static final String[] INTERESTS = {"шахматы", "робототехника", "футбол", "волейбол", "театр", "музыка",
            "рисование", "программирование", "туризм", "фотография", "чтение", "танцы", "кино", "волонтёрство",
            "краеведение", "экология", "журналистика", "дебаты", "астрономия", "кулинария"};
    private static final MentorshipForm[] FORMS = {MentorshipForm.PUPIL_PUPIL, MentorshipForm.TEACHER_TEACHER,
            MentorshipForm.EMPLOYER_PUPIL, MentorshipForm.STUDENT_PUPIL, MentorshipForm.TEACHER_PUPIL,
            MentorshipForm.EMPLOYER_STUDENT};
    private static final int[] FORM_SHARE = {50, 15, 12, 10, 8, 5};
    private static final String LETTERS = "АБВГ";

    private RandomInstances() {
    }

    static MatchingInstance random(int menteeCount, int mentorCount, long seed) {
        return random(menteeCount, mentorCount, seed, FORMS);
    }

    /** Only these forms, equally often. */
    static MatchingInstance random(int menteeCount, int mentorCount, long seed, MentorshipForm... only) {
        Random r = new Random(seed);
        List<MentorshipForm> menteeForms = new ArrayList<>();
        List<MentorshipForm> mentorForms = new ArrayList<>();
        List<MatchingInstance.Mentee> mentees = new ArrayList<>();
        List<MatchingInstance.Mentor> mentors = new ArrayList<>();
        for (int i = 0; i < menteeCount; i++) {
            menteeForms.add(only == FORMS ? form(r) : only[r.nextInt(only.length)]);
        }
        for (int j = 0; j < mentorCount; j++) {
            mentorForms.add(only == FORMS ? form(r) : only[r.nextInt(only.length)]);
        }
        for (int i = 0; i < menteeCount; i++) {
            MentorshipForm f = menteeForms.get(i);
            boolean teacher = f == MentorshipForm.TEACHER_TEACHER;
            boolean pupil = f != MentorshipForm.TEACHER_TEACHER && f != MentorshipForm.EMPLOYER_STUDENT;
            List<String> preferred = r.nextInt(3) == 0 ? sameForm(r, mentorForms, f, "t", 1 + r.nextInt(3)) : null;
            List<String> avoid = r.nextInt(20) == 0 ? sameForm(r, mentorForms, f, "t", 1) : null;
            mentees.add(new MatchingInstance.Mentee("s" + i, "Наставляемый " + i, f.code(),
                    pupil ? (5 + r.nextInt(7)) + "" + LETTERS.charAt(r.nextInt(4)) : null,
                    teacher ? r.nextInt(4) + (r.nextInt(4) == 0 ? r.nextInt(20) : 0) : null,
                    pick(r, SUBJECTS, 1 + r.nextInt(2)), pick(r, INTERESTS, r.nextInt(4)),
                    topics(r, teacher, 1 + r.nextInt(3)), r.nextInt(100) >= 3,
                    pupil ? grade(r) : null, 1 + r.nextInt(5), 1 + r.nextInt(5),
                    teacher && r.nextInt(5) == 0, preferred, avoid));
        }
        for (int j = 0; j < mentorCount; j++) {
            MentorshipForm f = mentorForms.get(j);
            int capacityDraw = r.nextInt(10);
            boolean pupilMentor = f == MentorshipForm.PUPIL_PUPIL;
            List<String> preferred = r.nextInt(3) == 0 ? sameForm(r, menteeForms, f, "s", 1 + r.nextInt(3)) : null;
            List<String> avoid = r.nextInt(20) == 0 ? sameForm(r, menteeForms, f, "s", 1) : null;
            mentors.add(new MatchingInstance.Mentor("t" + j, "Наставник " + j, f.code(),
                    pupilMentor ? (7 + r.nextInt(5)) + "" + LETTERS.charAt(r.nextInt(4)) : null,
                    pupilMentor ? null : 2 + r.nextInt(30),
                    pick(r, SUBJECTS, 1 + r.nextInt(2)), pick(r, INTERESTS, r.nextInt(4)),
                    topics(r, f == MentorshipForm.TEACHER_TEACHER, 2 + r.nextInt(4)), r.nextInt(100) >= 3,
                    pupilMentor ? grade(r) : null, 1 + r.nextInt(5), 1 + r.nextInt(5),
                    capacityDraw < 4 ? 1 : capacityDraw < 7 ? 2 : capacityDraw < 9 ? 3 : 4, preferred, avoid));
        }
        List<MatchingInstance.Pair> forbidden = new ArrayList<>();
        for (int k = 0; k < menteeCount / 100 && mentorCount > 0; k++) {
            forbidden.add(new MatchingInstance.Pair("s" + r.nextInt(menteeCount), "t" + r.nextInt(mentorCount)));
        }
        return new MatchingInstance(mentees, mentors, List.of(), forbidden);
    }

    private static MentorshipForm form(Random r) {
        int x = r.nextInt(100);
        for (int k = 0; k < FORMS.length; k++) {
            x -= FORM_SHARE[k];
            if (x < 0) {
                return FORMS[k];
            }
        }
        return FORMS[0];
    }

    private static List<String> sameForm(Random r, List<MentorshipForm> forms, MentorshipForm f, String prefix,
                                         int count) {
        Set<String> ids = new LinkedHashSet<>();
        for (int attempt = 0; attempt < 50 && ids.size() < count; attempt++) {
            int k = r.nextInt(forms.size());
            if (forms.get(k) == f) {
                ids.add(prefix + k);
            }
        }
        return ids.isEmpty() ? null : new ArrayList<>(ids);
    }

    private static BigDecimal grade(Random r) {
        return BigDecimal.valueOf(250 + r.nextInt(251), 2);
    }

    private static List<String> pick(Random r, String[] values, int count) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(values[r.nextInt(values.length)]);
        }
        return new ArrayList<>(chosen);
    }

    private static List<String> topics(Random r, boolean teachers, int count) {
        List<Topic> pool = new ArrayList<>();
        for (Topic t : Topic.values()) {
            if (t.forTeachers() == teachers) {
                pool.add(t);
            }
        }
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(count, pool.size())) {
            chosen.add(pool.get(r.nextInt(pool.size())).code());
        }
        return new ArrayList<>(chosen);
    }
}
