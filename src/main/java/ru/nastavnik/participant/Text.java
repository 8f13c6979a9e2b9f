package ru.nastavnik.participant;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.nastavnik.shared.InputText;

/** Normalisation of what people type into questionnaires: spaces, «ё», case, dashes, classes. */
public final class Text {

    private static final Pattern DASHES = Pattern.compile("\\s*[-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212]\\s*");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("\\s*[;,\\n\\r]+\\s*");
    private static final Pattern CLASS = Pattern.compile("(\\d{1,2})([А-Я])");
    /** Latin letters that look like Cyrillic ones in a class name («7B» typed on an English layout). */
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T].*)?");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final String LATIN = "ABCEHKMOPTXY";
    private static final String CYRILLIC = "АВСЕНКМОРТХУ";

    private Text() {
    }

    /** Normalised as a name ({@link InputText#name}): every kind of space one space, invisible characters gone. */
    public static String clean(String s) {
        return InputText.name(s);
    }

    /** The key under which two spellings of one name are the same: lower case, «ё» as «е», single spaces. */
    public static String nameKey(String name) {
        String c = clean(name);
        return c == null ? null : DASHES.matcher(c.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll("-");
    }

    /** A date as schools type it: ДД.ММ.ГГГГ (also with «/» or «-»), ISO, or an Excel date read as ISO; else null. */
    public static LocalDate date(String s) {
        String v = clean(s);
        if (v == null) {
            return null;
        }
        Matcher iso = ISO_DATE.matcher(v);
        if (iso.matches()) {
            try {
                return LocalDate.parse(iso.group(1));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(v, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    /** A key that keeps the dash between words: «Ученик – ученик», «ученик-ученик» → «ученик-ученик». */
    static String dashedKey(String s) {
        String c = clean(s);
        if (c == null) {
            return "";
        }
        return DASHES.matcher(c.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll("-")
                .replaceAll("[«»\"'.]", "").replace(' ', '-');
    }

    public static List<String> list(String s) {
        String c = clean(s);
        return c == null ? List.of() : Arrays.stream(LIST_SEPARATORS.split(c)).map(Text::clean)
                .filter(v -> v != null).toList();
    }

    /** «7 б», «7-Б», «7б», «7B» → «7Б»; null when it is not a class 1–11 with a letter А–Я. */
    public static String schoolClass(String s) {
        String c = clean(s);
        if (c == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (char ch : c.toUpperCase(Locale.ROOT).toCharArray()) {
            if (ch == ' ' || ch == '"' || ch == '«' || ch == '»' || ch == '.' || DASHES.matcher(String.valueOf(ch)).matches()) {
                continue;
            }
            int latin = LATIN.indexOf(ch);
            b.append(latin >= 0 ? CYRILLIC.charAt(latin) : ch == 'Ё' ? 'Е' : ch);
        }
        var m = CLASS.matcher(b);
        if (!m.matches()) {
            return null;
        }
        int grade = Integer.parseInt(m.group(1));
        return grade >= 1 && grade <= 11 ? grade + m.group(2) : null;
    }
}
