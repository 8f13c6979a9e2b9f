package ru.nastavnik.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Input hygiene in one place, for every way text comes in (JSON, Tasklist forms, CSV/XLSX cells) and goes out
 * (Tasklist markdown, spreadsheets, the log):
 * <ul>
 *   <li>NUL and other C0/C1 control characters are refused: they break storage, terminals and logs;</li>
 *   <li>names are normalised before they are stored or compared, so that «Школа&nbsp;№&nbsp;1» with non-breaking or
 *   zero-width characters is the same school as «Школа № 1»;</li>
 *   <li>text from data is escaped before it goes into form markdown, so it can never become a link or an image;</li>
 *   <li>a spreadsheet cell never starts like a formula.</li>
 * </ul>
 */
public final class InputText {

    /** Tab, line feed and carriage return are the only control characters a multi-line text may hold. */
    private static final Pattern CONTROL_SINGLE_LINE = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F]");
    private static final Pattern CONTROL_MULTI_LINE = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
    /** Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen: invisible, so not part of a name. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    /** Every Unicode space separator (NBSP, narrow NBSP, figure space, …) and ASCII white space. */
    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\s\\u2028\\u2029]+");
    private static final Pattern ASCII_PUNCTUATION = Pattern.compile("[!-/:-@\\[-`{-~]");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u2028\\u2029]+");
    private static final Pattern LOG_UNSAFE = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Russian names of the JSON fields whose refusals users meet; other fields are named by their path. */
    private static final Map<String, String> LABELS = Map.of(
            "schoolName", "Название школы",
            "schoolYear", "Учебный год",
            "curatorId", "Куратор",
            "deputyDirectorId", "Заместитель директора",
            "directorId", "Директор",
            "title", "Название",
            "fullName", "ФИО",
            "reason", "Причина",
            "comment", "Комментарий");

    private InputText() {
    }

    /** Whether the text holds a control character: NUL, escape, C1 …; a multi-line text may hold tabs and line breaks. */
    public static boolean hasControl(String text, boolean multiLine) {
        return text != null && (multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).matcher(text).find();
    }

    /** The Russian refusal of a field with control characters; {@code label} is the field as the user sees it. */
    public static String refusal(String label) {
        return "Поле «" + label + "» содержит недопустимые символы";
    }

    /** The refusal of a text with control characters, for the field {@code field} shown as {@code label}. */
    public static Optional<ValidationException.FieldError> check(String field, String label, String text,
                                                                 boolean multiLine) {
        return hasControl(text, multiLine)
                ? Optional.of(new ValidationException.FieldError(field, refusal(label)))
                : Optional.empty();
    }

    /** The Russian label of a JSON field path such as {@code roadmapOverrides[0].title}; the path when unknown. */
    public static String label(String path) {
        String last = path.substring(Math.max(path.lastIndexOf('.') + 1, 0)).replaceAll("\\[\\d+]$", "");
        return LABELS.getOrDefault(last, path);
    }

    /**
     * A name as it is stored and compared: NFC, every kind of space as one plain space, invisible characters
     * removed, trimmed; null when nothing is left.
     */
    public static String name(String text) {
        if (text == null) {
            return null;
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFC);
        n = INVISIBLE.matcher(n).replaceAll("");
        n = SPACES.matcher(n).replaceAll(" ").trim();
        return n.isEmpty() ? null : n;
    }

    /** A key for comparing headers and list values: letters and digits only, lower case, «ё» as «е». */
    public static String key(String text) {
        String c = name(text);
        return c == null ? "" : NOT_WORD.matcher(c.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll("");
    }

    /**
     * Text from data made inert in Tasklist's markdown (marked, GFM): every ASCII punctuation character escaped with
     * a backslash (CommonMark lets any of them be escaped, and the escape renders as the character itself), so no
     * link, image, autolink, emphasis, table cell or HTML can start; line breaks become spaces, so no block starts.
     */
    public static String markdown(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = LINE_BREAKS.matcher(text).replaceAll(" ");
        return ASCII_PUNCTUATION.matcher(oneLine).replaceAll(m -> "\\\\\\" + m.group());
    }

    /**
     * Whether a spreadsheet program would read the cell as a formula (or a DDE call): it starts with
     * {@code = + - @}, a tab or a carriage return.
     */
    public static boolean formulaLike(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** A value for a log line: control characters (terminal escapes, forged line breaks) written as {@code \\uXXXX}. */
    public static String forLog(Object value) {
        if (value == null) {
            return "null";
        }
        return LOG_UNSAFE.matcher(value.toString()).replaceAll(m -> String.format("\\\\u%04X", (int) m.group().charAt(0)));
    }
}
