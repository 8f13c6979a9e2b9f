package ru.nastavnik.account;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Login names for mentors: «Кузнецова Елена Викторовна» → {@code kuznetsova.elena}, transliterated by the
 * passport rules (ГОСТ Р 52535.1-2006), within the engine's whitelist {@code [a-zA-Z0-9][a-zA-Z0-9._-]*}, unique
 * by a number appended ({@code kuznetsova.elena2}). Without letters in the name, the email's local part is used.
 */
final class AccountIds {

    static final Pattern WHITELIST = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");
    static final int MAX_LENGTH = 60;

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', "ie"), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "iu"), Map.entry('я', "ia"));

    private AccountIds() {
    }

    /** Lower-case Latin letters, digits and «-» only; Cyrillic transliterated, everything else dropped. */
    static String transliterate(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            String latin = CYRILLIC.get(c);
            if (latin != null) {
                out.append(latin);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                out.append(c);
            }
        }
        return out.toString().replaceAll("^-+|-+$", "");
    }

    /** A free login for the person; {@code taken} tells whether an id is in use. */
    static String derive(String fullName, String email, Predicate<String> taken) {
        String base = "";
        String[] parts = fullName == null ? new String[0] : fullName.trim().split("\\s+");
        if (parts.length > 0) {
            String surname = transliterate(parts[0]);
            String name = parts.length > 1 ? transliterate(parts[1]) : "";
            base = surname.isEmpty() ? name : name.isEmpty() ? surname : surname + "." + name;
        }
        if (base.isEmpty() && email != null && email.contains("@")) {
            base = transliterate(email.substring(0, email.indexOf('@')).replace('.', '-'));
        }
        if (base.isEmpty() || !WHITELIST.matcher(base).matches()) {
            base = "mentor";
        }
        if (base.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH);
        }
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }
}
