package ru.nastavnik.participant;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Who a participant is outside the programme. The first title is the one the template offers. */
public enum Category {
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

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** By code, title or a common synonym, ignoring case, spaces and «ё». */
    public static Optional<Category> parse(String text) {
        String k = Text.key(text);
        return Arrays.stream(values()).filter(c -> Stream.concat(Stream.of(c.code, c.title), c.aliases.stream())
                .anyMatch(a -> Text.key(a).equals(k))).findFirst();
    }

    public static String titles() {
        return Arrays.stream(values()).map(Category::title).collect(Collectors.joining(", "));
    }
}
