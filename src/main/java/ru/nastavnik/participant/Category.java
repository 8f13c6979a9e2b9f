package ru.nastavnik.participant;

import java.util.List;
import java.util.Optional;

/** Who a participant is outside the programme. The first title is the one the template offers. */
public enum Category implements Listed {
    PUPIL("pupil", "Ученик", "обучающийся", "учащийся", "школьник", "ученица"),
    TEACHER("teacher", "Педагог", "учитель", "педагогический работник"),
    STUDENT("student", "Студент", "студент колледжа", "студент вуза", "студентка"),
    EMPLOYER("employer", "Работодатель", "представитель работодателя", "профессионал", "представитель предприятия"),
    PARENT("parent", "Родитель", "родитель обучающегося", "представитель родительского сообщества"),
    ALUMNUS("alumnus", "Выпускник", "выпускница", "выпускник школы");

    private final String code;
    private final String title;
    private final List<String> aliases;

    Category(String code, String title, String... aliases) {
        this.code = code;
        this.title = title;
        this.aliases = List.of(aliases);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    public static Optional<Category> parse(String text) {
        return Listed.parse(Category.class, text);
    }

    public static String titles() {
        return Listed.titles(Category.class);
    }
}
