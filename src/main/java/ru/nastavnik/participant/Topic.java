package ru.nastavnik.participant;

import java.util.Optional;

/**
 * The fixed list of topics: a mentee's requests (запросы) and a mentor's competencies (компетенции) use the same
 * codes, so that matching can compare them. Taken from the forms' role variants and tasks in the seed programmes.
 */
public enum Topic implements Listed {
    ACADEMIC_PERFORMANCE("academic-performance", "Успеваемость", false),
    LEARNING_MOTIVATION("learning-motivation", "Мотивация к учёбе", false),
    ADAPTATION("adaptation", "Адаптация в коллективе", false),
    COMMUNICATION("communication", "Коммуникативные навыки", false),
    LEADERSHIP("leadership", "Лидерские качества", false),
    CAREER_GUIDANCE("career-guidance", "Профориентация", false),
    PROJECTS("projects", "Проектная деятельность", false),
    OLYMPIADS("olympiads", "Олимпиады и конкурсы", false),
    CREATIVITY("creativity", "Творчество", false),
    SPORT("sport", "Спорт", false),
    DIGITAL_SKILLS("digital-skills", "Цифровые навыки", false),
    SPECIAL_NEEDS("special-needs", "Поддержка детей с ОВЗ", false),
    ENTREPRENEURSHIP("entrepreneurship", "Предпринимательство", false),
    TEACHING_METHODS("teaching-methods", "Методика преподавания", true),
    CLASS_TEACHER("class-teacher", "Классное руководство", true),
    DOCUMENTATION("documentation", "Работа с документацией", true),
    YOUNG_SPECIALIST("young-specialist", "Адаптация молодого специалиста", true),
    EXAM_PREPARATION("exam-preparation", "Подготовка к ОГЭ и ЕГЭ", true),
    PARENTS("parents", "Работа с родителями", true),
    DISCIPLINE("discipline", "Дисциплина на уроке", true),
    DIGITAL_TEACHING("digital-teaching", "ИКТ в обучении", true),
    BURNOUT("burnout", "Профилактика профессионального выгорания", true),
    PROFESSIONAL_CONTESTS("professional-contests", "Профессиональные конкурсы", true),
    METHODICAL_WORK("methodical-work", "Обобщение опыта и публикации", true);

    private final String code;
    private final String title;
    private final boolean forTeachers;

    Topic(String code, String title, boolean forTeachers) {
        this.code = code;
        this.title = title;
        this.forTeachers = forTeachers;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String title() {
        return title;
    }

    /** Topics of the teacher–teacher form; the others concern pupils and students. */
    public boolean forTeachers() {
        return forTeachers;
    }

    public static Optional<Topic> parse(String text) {
        return Listed.parse(Topic.class, text);
    }

    public static Optional<Topic> byCode(String code) {
        return Listed.byCode(Topic.class, code);
    }
}
