package ru.nastavnik.programme;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The forms of mentorship (формы наставничества) a programme may run; the codes are the API's. */
public enum MentorshipForm {
    PUPIL_PUPIL("pupil-pupil", "Ученик – ученик"),
    TEACHER_TEACHER("teacher-teacher", "Учитель – учитель"),
    EMPLOYER_PUPIL("employer-pupil", "Работодатель – ученик"),
    STUDENT_PUPIL("student-pupil", "Студент – ученик"),
    EMPLOYER_STUDENT("employer-student", "Работодатель – студент"),
    TEACHER_PUPIL("teacher-pupil", "Учитель – ученик");

    private final String code;
    private final String title;

    MentorshipForm(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The form's title for a stored code: «—» for none, the code itself for one no longer known. */
    public static String titleOf(String code) {
        return code == null ? "—" : byCode(code).map(MentorshipForm::title).orElse(code);
    }

    public static Optional<MentorshipForm> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    public static String allCodes() {
        return Arrays.stream(values()).map(MentorshipForm::code).collect(Collectors.joining(", "));
    }
}
