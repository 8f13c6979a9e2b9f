package ru.nastavnik.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * The server-side twin of a Camunda Form's rules. Tasklist checks them only in the browser, so a completion
 * through REST is checked here against the same JSON: required, lengths, bounds, pattern, e-mail, the allowed
 * values of static selects, dates, and the product's custom properties {@code notAfterToday},
 * {@code notBefore} and {@code urlList}. Fields hidden by a simple {@code conditional.hide} (comparisons of a
 * variable with a string, joined by {@code or}) are skipped, as form-js skips them.
 */
public class FormRules {

    private static final Pattern HIDE = Pattern.compile("^\\s*(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern OR = Pattern.compile("\\s+or\\s+");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final List<JsonNode> fields = new ArrayList<>();
    private final Map<String, String> labels = new java.util.HashMap<>();

    FormRules(JsonNode schema) {
        collect(schema.path("components"));
        // Date fields carry their label as dateLabel.
        fields.forEach(f -> labels.put(f.get("key").asText(),
                "«" + f.path("label").asText(f.path("dateLabel").asText(f.get("key").asText())) + "»"));
    }

    private void collect(JsonNode components) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                collect(c.path("components"));
            }
            if (c.hasNonNull("key")) {
                fields.add(c);
            }
        }
    }

    /** Every problem of the submitted values; {@code values} gives a field's value by its key. */
    public List<FieldError> check(Function<String, Object> values, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode field : fields) {
            if (hidden(field, values)) {
                continue;
            }
            String key = field.get("key").asText();
            Object value = ProcessVariables.plain(values.apply(key));
            String label = labels.get(key);
            if (empty(value)) {
                if (field.path("validate").path("required").asBoolean(false)) {
                    errors.add(new FieldError(key, "Поле " + label + " обязательно"));
                }
                continue;
            }
            checkValue(field, key, label, value, values, today, errors);
        }
        return errors;
    }

    private void checkValue(JsonNode field, String key, String label, Object value,
                            Function<String, Object> values, LocalDate today, List<FieldError> errors) {
        JsonNode validate = field.path("validate");
        JsonNode props = field.path("properties");
        String type = field.path("type").asText();
        String text = value.toString();
        if (InputText.hasControl(text, "textarea".equals(type))) {
            // label is already in «»
            errors.add(new FieldError(key, "Поле " + label + " содержит недопустимые символы"));
            return;
        }

        if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
            errors.add(new FieldError(key, "Поле " + label + ": не короче " + validate.get("minLength").asInt() + " символов"));
        }
        if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
            errors.add(new FieldError(key, "Поле " + label + ": не длиннее " + validate.get("maxLength").asInt() + " символов"));
        }
        if (validate.hasNonNull("pattern") && !Pattern.compile(validate.get("pattern").asText()).matcher(text).find()) {
            errors.add(new FieldError(key, "Поле " + label + ": значение «" + text + "» не в нужном формате"));
        }
        if ("email".equals(validate.path("validationType").asText()) && !EMAIL.matcher(text).matches()) {
            errors.add(new FieldError(key, "Поле " + label + ": «" + text + "» не похоже на адрес e-mail"));
        }
        if ("number".equals(type)) {
            checkNumber(validate, key, label, text, errors);
        }
        if (field.has("values") && field.get("values").size() > 0) {
            checkAllowed(field.get("values"), key, label, value, errors);
        }
        if ("datetime".equals(type)) {
            checkDate(props, key, label, text, values, today, errors);
        }
        if ("true".equals(props.path("urlList").asText())) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank() && !isWebLink(line.trim())) {
                    errors.add(new FieldError(key, "Поле " + label + ": «" + line.trim()
                            + "» — не ссылка (нужна ссылка http:// или https://, по одной в строке)"));
                }
            }
        }
    }

    private static void checkNumber(JsonNode validate, String key, String label, String text, List<FieldError> errors) {
        double number;
        try {
            number = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(key, "Поле " + label + ": «" + text + "» — не число"));
            return;
        }
        if (validate.has("min") && number < validate.get("min").asDouble()) {
            errors.add(new FieldError(key, "Поле " + label + ": не меньше " + validate.get("min").asText()));
        }
        if (validate.has("max") && number > validate.get("max").asDouble()) {
            errors.add(new FieldError(key, "Поле " + label + ": не больше " + validate.get("max").asText()));
        }
    }

    private static void checkAllowed(JsonNode options, String key, String label, Object value, List<FieldError> errors) {
        List<String> allowed = new ArrayList<>();
        options.forEach(o -> allowed.add(o.path("value").asText()));
        Collection<?> chosen = value instanceof Collection<?> c ? c : List.of(value);
        for (Object v : chosen) {
            if (!allowed.contains(String.valueOf(v))) {
                errors.add(new FieldError(key, "Поле " + label + ": недопустимое значение «" + v + "»"));
            }
        }
    }

    private void checkDate(JsonNode props, String key, String label, String text,
                                  Function<String, Object> values, LocalDate today, List<FieldError> errors) {
        LocalDate date = ProcessVariables.date(text).orElse(null);
        if (date == null) {
            errors.add(new FieldError(key, "Поле " + label + ": «" + text + "» — не дата (нужна существующая дата в формате ГГГГ-ММ-ДД)"));
            return;
        }
        if ("true".equals(props.path("notAfterToday").asText()) && date.isAfter(today)) {
            errors.add(new FieldError(key, "Поле " + label + ": дата не может быть позже сегодняшней"));
        }
        if (props.hasNonNull("notBefore")) {
            String otherKey = props.get("notBefore").asText();
            ProcessVariables.date(values.apply(otherKey)).filter(date::isBefore).ifPresent(other ->
                    errors.add(new FieldError(key, "Поле " + label + ": дата не может быть раньше, чем в поле "
                            + labels.getOrDefault(otherKey, otherKey) + " (" + other.format(SchoolClock.RUSSIAN_DATE) + ")")));
        }
    }

    /** Whether a simple hide expression holds; anything more complex counts as shown, so it is checked. */
    private static boolean hidden(JsonNode field, Function<String, Object> values) {
        String hide = field.path("conditional").path("hide").asText("");
        if (!hide.startsWith("=")) {
            return false;
        }
        boolean any = false;
        for (String comparison : OR.split(hide.substring(1))) {
            Matcher m = HIDE.matcher(comparison);
            if (!m.matches()) {
                return false;
            }
            boolean equal = Objects.equals(ProcessVariables.string(values.apply(m.group(1))), m.group(3));
            any |= "=".equals(m.group(2)) == equal;
        }
        return any;
    }

    private static boolean empty(Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    private static boolean isWebLink(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
