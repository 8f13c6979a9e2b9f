package ru.nastavnik.security;

/** Text from a request made safe for one log line: no control characters or terminal escapes, bounded length. */
final class LogText {

    private static final int MAX = 120;

    private LogText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() > MAX ? text.substring(0, MAX) + "…" : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                ? '?' : c).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
