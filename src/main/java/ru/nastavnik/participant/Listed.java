package ru.nastavnik.participant;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ru.nastavnik.shared.InputText;

/**
 * An entry of one of the fixed Russian lists of the questionnaires (categories, roles, topics): read from a file by
 * its code, its title or a common synonym, ignoring case, spaces, punctuation and «ё».
 */
interface Listed {

    String code();

    String title();

    default List<String> aliases() {
        return List.of();
    }

    static <E extends Enum<E> & Listed> Optional<E> parse(Class<E> list, String text) {
        String key = InputText.key(text);
        return Arrays.stream(list.getEnumConstants())
                .filter(e -> Stream.concat(Stream.of(e.code(), e.title()), e.aliases().stream())
                        .anyMatch(name -> InputText.key(name).equals(key)))
                .findFirst();
    }

    static <E extends Enum<E> & Listed> Optional<E> byCode(Class<E> list, String code) {
        return Arrays.stream(list.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }

    static <E extends Enum<E> & Listed> String titles(Class<E> list) {
        return Arrays.stream(list.getEnumConstants()).map(Listed::title).collect(Collectors.joining(", "));
    }
}
