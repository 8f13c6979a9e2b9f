package ru.nastavnik.overview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filters of one list of the overview, from GET parameters: on the page each is named {@code <list>.<name>}
 * (several lists share one URL), on the list's XLSX just {@code <name>}, so a download takes the page's filters as
 * they are. Values are only compared, never put into SQL; text is cut at {@link #MAX_LENGTH} characters.
 */
record ListFilter(String list, Map<String, String> values) {

    static final int MAX_LENGTH = 100;

    /** The filters each list takes. */
    static final Map<String, List<String>> NAMES = Map.of(
            "roadmap", List.of("status", "stage", "q"),
            "bases", List.of("form", "class", "q"),
            "pairs", List.of("status", "form", "silent", "q"),
            "orders", List.of("status"),
            "feedback", List.of("kind", "role", "q"));

    /** The list's filters among a page's parameters ({@code pairs.status=…}). */
    static ListFilter onPage(String list, Map<String, String> params) {
        return of(list, params, list + ".");
    }

    /** The list's filters among a download's parameters ({@code status=…}). */
    static ListFilter ofDownload(String list, Map<String, String> params) {
        return of(list, params, "");
    }

    private static ListFilter of(String list, Map<String, String> params, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES.get(list)) {
            String value = params.get(prefix + name);
            if (value != null && !value.isBlank()) {
                String text = value.strip();
                values.put(name, text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
            }
        }
        return new ListFilter(list, Map.copyOf(values));
    }

    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean active() {
        return !values.isEmpty();
    }

    /** Whether the filter {@code name} is unset or equals {@code value} (ignoring case). */
    boolean is(String name, String value) {
        String wanted = get(name);
        return wanted.isEmpty() || wanted.equalsIgnoreCase(value == null ? "" : value.strip());
    }

    /** Whether the search text is unset or found in one of the texts (ignoring case). */
    boolean found(String... texts) {
        String q = get("q").toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return true;
        }
        for (String text : texts) {
            if (text != null && text.toLowerCase(Locale.ROOT).contains(q)) {
                return true;
            }
        }
        return false;
    }

    /** The download's query string, {@code ?status=active&q=…}, or empty. */
    String query() {
        return values.isEmpty() ? "" : values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** The page's parameters of this list, to keep them when another list's form is sent. */
    Map<String, String> pageParams() {
        Map<String, String> params = new LinkedHashMap<>();
        values.forEach((name, value) -> params.put(list + "." + name, value));
        return params;
    }
}
