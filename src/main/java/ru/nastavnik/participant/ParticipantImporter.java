package ru.nastavnik.participant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.spreadsheet.ImportError;
import ru.nastavnik.spreadsheet.ImportLimits;
import ru.nastavnik.spreadsheet.SheetReader;

/**
 * Turns a questionnaire file into checked participant rows. Plain Java: no database, no Spring. Every problem of
 * every row is collected; the caller stores nothing unless the list of errors is empty.
 *
 * <p>Rules: the header row is the first of the first {@value #HEADER_SEARCH_ROWS} rows that names «ФИО» and at
 * least two other known columns (title rows above it are skipped). Empty rows are skipped. A person is identified
 * by the normalised name (lower case, «ё» = «е», single spaces) and the birth date; the same person twice in one
 * file is an error. A participant under 18 on the import date is a minor: the consent must come from a legal
 * representative, whose name and email are required; a row without consent is refused for everyone, since no
 * personal data may be stored without it.
 */
public final class ParticipantImporter {

    public static final int MAX_ROWS = 10_000;
    static final int HEADER_SEARCH_ROWS = 30;
    static final int ADULT_AGE = 18;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}'’-]+( [\\p{L}'’-]+)+");
    private static final Pattern INTEGER = Pattern.compile("(\\d{1,3})(?:[.,]0+)?(?:\\s*(?:лет|год|года|г\\.?))?");
    private static final Pattern DECIMAL = Pattern.compile("\\d(?:[.,]\\d{1,3})?");
    private static final Set<String> YES = Set.of("да", "д", "yes", "y", "+", "1", "есть", "получено", "подписано",
            "true", "согласен", "согласна", "имеется");
    private static final Set<String> NO = Set.of("нет", "н", "no", "n", "-", "0", "false", "отсутствует", "не получено");

    /** The checked rows, or the problems; never both. */
    public record Result(List<ParticipantRow> rows, List<ImportError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private ParticipantImporter() {
    }

    /**
     * @param today          the import date: minors, future dates and the default consent date depend on it
     * @param programmeForms the forms the programme runs; a row may only ask for these
     * @param limits         what reading the file may cost
     */
    public static Result parse(byte[] content, LocalDate today, Set<MentorshipForm> programmeForms,
                               ImportLimits limits) {
        List<SheetReader.SheetRow> rows;
        try {
            rows = SheetReader.read(content, limits);
        } catch (SheetReader.UnreadableFileException e) {
            return failed(new ImportError(null, null, e.getMessage()));
        }
        return parseRows(rows, today, programmeForms);
    }

    static Result parseRows(List<SheetReader.SheetRow> rows, LocalDate today, Set<MentorshipForm> programmeForms) {
        int headerIndex = findHeader(rows);
        if (headerIndex < 0) {
            return failed(new ImportError(null, null, "Не найдена строка заголовков: в первых " + HEADER_SEARCH_ROWS
                    + " строках нет столбца «ФИО» и других столбцов шаблона. Скачайте шаблон: "
                    + "/api/templates/participants.xlsx"));
        }
        SheetReader.SheetRow header = rows.get(headerIndex);
        Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
        Map<ImportColumn, String> headers = new EnumMap<>(ImportColumn.class);
        for (int c = 0; c < header.cells().size(); c++) {
            for (ImportColumn column : ImportColumn.values()) {
                if (!columns.containsKey(column) && column.matches(header.cell(c))) {
                    columns.put(column, c);
                    headers.put(column, Text.clean(header.cell(c)));
                }
            }
        }
        List<ImportError> errors = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !columns.containsKey(column)) {
                errors.add(new ImportError(header.number(), column.header(),
                        "В файле нет обязательного столбца «" + column.header() + "»"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors);
        }
        List<SheetReader.SheetRow> data = rows.subList(headerIndex + 1, rows.size()).stream()
                .filter(r -> !r.blank()).toList();
        if (data.isEmpty()) {
            return failed(new ImportError(null, null, "В файле нет ни одной анкеты под строкой заголовков"));
        }
        if (data.size() > MAX_ROWS) {
            return failed(new ImportError(null, null, "В файле " + data.size() + " строк; за один раз можно загрузить не больше "
                    + MAX_ROWS));
        }
        List<ParticipantRow> parsed = new ArrayList<>();
        Map<ParticipantRow.PersonKey, Integer> seen = new HashMap<>();
        for (SheetReader.SheetRow row : data) {
            RowReader reader = new RowReader(row, columns, headers, today, programmeForms, errors);
            ParticipantRow p = reader.read();
            if (p == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(p.key(), p.row());
            if (first != null) {
                errors.add(new ImportError(p.row(), headers.get(ImportColumn.FULL_NAME),
                        "Повтор: этот человек (то же ФИО и дата рождения) уже есть в строке " + first));
            } else {
                parsed.add(p);
            }
        }
        return errors.isEmpty() ? new Result(List.copyOf(parsed), List.of()) : new Result(List.of(), List.copyOf(errors));
    }

    /**
     * Checks one participant's complete set of values, given as import cells, with exactly the rules of an import
     * row: a correction of a single field is checked as if the whole row were imported again. Errors name the
     * column by its template header ({@link ImportColumn#header()}).
     */
    static Result checkOne(Map<ImportColumn, String> values, LocalDate today, Set<MentorshipForm> programmeForms) {
        Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
        Map<ImportColumn, String> headers = new EnumMap<>(ImportColumn.class);
        List<String> cells = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            columns.put(column, cells.size());
            headers.put(column, column.header());
            cells.add(values.getOrDefault(column, ""));
        }
        List<ImportError> errors = new ArrayList<>();
        ParticipantRow row = new RowReader(new SheetReader.SheetRow(1, cells), columns, headers, today, programmeForms,
                errors).read();
        return row == null || !errors.isEmpty() ? new Result(List.of(), List.copyOf(errors))
                : new Result(List.of(row), List.of());
    }

    private static Result failed(ImportError error) {
        return new Result(List.of(), List.of(error));
    }

    private static int findHeader(List<SheetReader.SheetRow> rows) {
        for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
            List<String> cells = rows.get(i).cells();
            boolean name = cells.stream().anyMatch(ImportColumn.FULL_NAME::matches);
            long known = cells.stream().filter(c -> java.util.Arrays.stream(ImportColumn.values())
                    .anyMatch(col -> col.matches(c))).count();
            if (name && known >= 3) {
                return i;
            }
        }
        return -1;
    }

    /** Reads one row; adds its problems to the shared list and returns null when there are any. */
    private static final class RowReader {
        private final SheetReader.SheetRow row;
        private final Map<ImportColumn, Integer> columns;
        private final Map<ImportColumn, String> headers;
        private final LocalDate today;
        private final Set<MentorshipForm> programmeForms;
        private final List<ImportError> errors;
        private boolean failed;

        RowReader(SheetReader.SheetRow row, Map<ImportColumn, Integer> columns, Map<ImportColumn, String> headers,
                  LocalDate today, Set<MentorshipForm> programmeForms, List<ImportError> errors) {
            this.row = row;
            this.columns = columns;
            this.headers = headers;
            this.today = today;
            this.programmeForms = programmeForms;
            this.errors = errors;
        }

        ParticipantRow read() {
            if (controlCharacters()) {
                return null;
            }
            String fullName = Text.clean(value(ImportColumn.FULL_NAME));
            if (fullName == null) {
                error(ImportColumn.FULL_NAME, "Не указаны фамилия, имя и отчество");
            } else if (fullName.length() > 300 || !NAME.matcher(fullName).matches()) {
                error(ImportColumn.FULL_NAME, "ФИО «" + fullName + "»: нужны фамилия и имя (буквы, пробелы, дефис)");
            }
            LocalDate birthDate = date(ImportColumn.BIRTH_DATE, true);
            if (birthDate != null) {
                int age = Period.between(birthDate, today).getYears();
                if (birthDate.isAfter(today)) {
                    error(ImportColumn.BIRTH_DATE, "Дата рождения " + russian(birthDate) + " ещё не наступила");
                    birthDate = null;
                } else if (age < 5 || age > 100) {
                    error(ImportColumn.BIRTH_DATE, "Дата рождения " + russian(birthDate) + ": возраст " + age
                            + " лет, проверьте год");
                }
            }
            Category category = parse(ImportColumn.CATEGORY, Category::parse,
                    v -> "Неизвестная категория «" + v + "». Допустимо: " + Category.titles(), true);
            ParticipantRole role = parse(ImportColumn.ROLE, ParticipantRole::parse,
                    v -> "Неизвестная роль «" + v + "». Допустимо: " + ParticipantRole.titles(), true);

            String schoolClass = null;
            String classText = Text.clean(value(ImportColumn.SCHOOL_CLASS));
            if (category == Category.PUPIL) {
                if (classText == null) {
                    error(ImportColumn.SCHOOL_CLASS, "Для ученика укажите класс, например «7Б»");
                } else if ((schoolClass = Text.schoolClass(classText)) == null) {
                    error(ImportColumn.SCHOOL_CLASS, "Неизвестный класс «" + classText
                            + "»: нужны номер 1–11 и буква, например «7Б»");
                }
            }
            Integer experience = integer(ImportColumn.EXPERIENCE, 0, 70);
            if (category == Category.TEACHER && experience == null && blank(ImportColumn.EXPERIENCE)) {
                error(ImportColumn.EXPERIENCE, "Для педагога укажите стаж в годах (0, если меньше года)");
            }
            String subjects = text(ImportColumn.SUBJECTS, 500);
            String email = email(ImportColumn.EMAIL);
            if (role != null && role.mentoring() && email == null && blank(ImportColumn.EMAIL)) {
                error(ImportColumn.EMAIL, "Для наставника укажите email: на него придёт приглашение");
            }
            String phone = phone();

            List<MentorshipForm> forms = forms(role, category);
            List<Topic> requests = topics(ImportColumn.REQUESTS);
            List<Topic> competencies = topics(ImportColumn.COMPETENCIES);
            if (role == ParticipantRole.MENTEE && requests.isEmpty() && blank(ImportColumn.REQUESTS)) {
                error(ImportColumn.REQUESTS, "Для наставляемого укажите хотя бы один запрос из справочника");
            }
            if (role != null && role.mentoring() && competencies.isEmpty() && blank(ImportColumn.COMPETENCIES)) {
                error(ImportColumn.COMPETENCIES, "Для наставника укажите хотя бы одну компетенцию из справочника");
            }
            String details = text(ImportColumn.DETAILS, 2000);
            String interests = text(ImportColumn.INTERESTS, 1000);
            Integer capacity = integer(ImportColumn.CAPACITY, 1, 10);
            if (role != null && role.mentoring() && capacity == null) {
                capacity = 1;
            } else if (role == ParticipantRole.MENTEE) {
                capacity = null;
            }
            EntryAssessment assessment = new EntryAssessment(scale(ImportColumn.ENGAGEMENT),
                    scale(ImportColumn.ACTIVITY), scale(ImportColumn.SELF_ESTEEM), scale(ImportColumn.ANXIETY), grade(category));

            boolean minor = birthDate != null && Period.between(birthDate, today).getYears() < ADULT_AGE;
            LocalDate consentOn = consent(minor);
            String representative = null;
            String representativeEmail = null;
            if (minor) {
                representative = Text.clean(value(ImportColumn.REPRESENTATIVE));
                if (representative == null) {
                    error(ImportColumn.REPRESENTATIVE, "Участнику нет 18 лет: укажите законного представителя, "
                            + "давшего согласие");
                } else if (representative.length() > 300 || !NAME.matcher(representative).matches()) {
                    error(ImportColumn.REPRESENTATIVE, "ФИО представителя «" + representative
                            + "»: нужны фамилия и имя");
                }
                representativeEmail = email(ImportColumn.REPRESENTATIVE_EMAIL);
                if (representativeEmail == null && blank(ImportColumn.REPRESENTATIVE_EMAIL)) {
                    error(ImportColumn.REPRESENTATIVE_EMAIL, "Участнику нет 18 лет: укажите email законного представителя");
                }
            }
            if (failed) {
                return null;
            }
            return new ParticipantRow(row.number(), fullName, birthDate, category, schoolClass, experience, subjects,
                    email, phone, role, forms, requests, competencies, details, interests, capacity, assessment,
                    consentOn, representative, representativeEmail);
        }

        private LocalDate consent(boolean minor) {
            String v = Text.clean(value(ImportColumn.CONSENT));
            String k = v == null ? "нет" : v.toLowerCase(Locale.ROOT).replace('ё', 'е');
            if (!YES.contains(k) && !NO.contains(k)) {
                error(ImportColumn.CONSENT, "Согласие: ожидается «Да» или «Нет», а не «" + v + "»");
                return null;
            }
            if (NO.contains(k)) {
                error(ImportColumn.CONSENT, minor
                        ? "Нет согласия законного представителя на обработку персональных данных: "
                        + "анкету несовершеннолетнего загрузить нельзя"
                        : "Нет согласия на обработку персональных данных: анкету загрузить нельзя");
                return null;
            }
            LocalDate on = date(ImportColumn.CONSENT_DATE, false);
            if (on != null && on.isAfter(today)) {
                error(ImportColumn.CONSENT_DATE, "Дата согласия " + russian(on) + " ещё не наступила");
            }
            return on == null ? today : on;
        }

        private List<MentorshipForm> forms(ParticipantRole role, Category category) {
            List<String> values = Text.list(value(ImportColumn.FORMS));
            if (values.isEmpty()) {
                error(ImportColumn.FORMS, "Укажите хотя бы одну форму наставничества");
                return List.of();
            }
            Set<MentorshipForm> forms = new LinkedHashSet<>();
            for (String v : values) {
                MentorshipForm form = Forms.parse(v).orElse(null);
                if (form == null) {
                    error(ImportColumn.FORMS, "Неизвестная форма наставничества «" + v + "». Допустимо: "
                            + java.util.Arrays.stream(MentorshipForm.values()).map(MentorshipForm::title)
                            .collect(Collectors.joining(", ")));
                } else if (!programmeForms.isEmpty() && !programmeForms.contains(form)) {
                    error(ImportColumn.FORMS, "Форма «" + form.title() + "» не выбрана в этой программе");
                } else if (role != null && category != null && !Forms.allows(form, role, category)) {
                    error(ImportColumn.FORMS, "В форме «" + form.title() + "» категория «" + category.title()
                            + "» не может быть " + (role.mentoring() ? "наставником" : "наставляемым"));
                } else {
                    forms.add(form);
                }
            }
            return List.copyOf(forms);
        }

        private List<Topic> topics(ImportColumn column) {
            Set<Topic> topics = new LinkedHashSet<>();
            for (String v : Text.list(value(column))) {
                Topic topic = Topic.parse(v).orElse(null);
                if (topic == null) {
                    error(column, "Неизвестная тема «" + v + "»: выберите из листа «Справочники» шаблона, "
                            + "остальное — в столбец «" + ImportColumn.DETAILS.header() + "»");
                } else {
                    topics.add(topic);
                }
            }
            return List.copyOf(topics);
        }

        private Integer scale(ImportColumn column) {
            return integer(column, EntryAssessment.SCALE_MIN, EntryAssessment.SCALE_MAX);
        }

        private BigDecimal grade(Category category) {
            String v = Text.clean(value(ImportColumn.AVERAGE_GRADE));
            if (v == null) {
                return null;
            }
            if (category != null && category != Category.PUPIL) {
                error(ImportColumn.AVERAGE_GRADE, "Средний балл указывается только для учеников");
                return null;
            }
            if (!DECIMAL.matcher(v).matches()) {
                error(ImportColumn.AVERAGE_GRADE, "Средний балл «" + v + "»: ожидается число от 2,0 до 5,0");
                return null;
            }
            BigDecimal grade = new BigDecimal(v.replace(',', '.')).setScale(2, RoundingMode.HALF_UP);
            if (grade.compareTo(EntryAssessment.GRADE_MIN) < 0 || grade.compareTo(EntryAssessment.GRADE_MAX) > 0) {
                error(ImportColumn.AVERAGE_GRADE, "Средний балл «" + v + "»: ожидается число от 2,0 до 5,0");
                return null;
            }
            return grade;
        }

        private Integer integer(ImportColumn column, int min, int max) {
            String v = Text.clean(value(column));
            if (v == null) {
                return null;
            }
            Matcher m = INTEGER.matcher(v.toLowerCase(Locale.ROOT));
            int n = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (n < min || n > max) {
                error(column, "«" + v + "»: ожидается целое число от " + min + " до " + max);
                return null;
            }
            return n;
        }

        private String email(ImportColumn column) {
            String v = Text.clean(value(column));
            if (v == null) {
                return null;
            }
            String email = v.toLowerCase(Locale.ROOT);
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                error(column, "Неверный адрес электронной почты «" + v + "»");
                return null;
            }
            return email;
        }

        private String phone() {
            String v = Text.clean(value(ImportColumn.PHONE));
            if (v == null) {
                return null;
            }
            String digits = v.replaceAll("[\\s()+\\-.]", "");
            if (digits.matches("[78]\\d{10}")) {
                return "+7" + digits.substring(1);
            }
            if (digits.matches("9\\d{9}")) {
                return "+7" + digits;
            }
            error(ImportColumn.PHONE, "Неверный номер телефона «" + v + "»: ожидается российский номер, "
                    + "например +7 900 123-45-67");
            return null;
        }

        private LocalDate date(ImportColumn column, boolean required) {
            String v = Text.clean(value(column));
            if (v == null) {
                if (required) {
                    error(column, "Не указана дата");
                }
                return null;
            }
            LocalDate date = Text.date(v);
            if (date == null) {
                error(column, "Неверная дата «" + v + "»: ожидается ДД.ММ.ГГГГ, например 05.03.2012");
            }
            return date;
        }

        private String text(ImportColumn column, int max) {
            String v = Text.clean(value(column));
            if (v != null && v.length() > max) {
                error(column, "Текст длиннее " + max + " символов");
                return null;
            }
            return v;
        }

        private <T> T parse(ImportColumn column, java.util.function.Function<String, java.util.Optional<T>> parser,
                            java.util.function.Function<String, String> unknown, boolean required) {
            String v = Text.clean(value(column));
            if (v == null) {
                if (required) {
                    error(column, "Не заполнено");
                }
                return null;
            }
            T t = parser.apply(v).orElse(null);
            if (t == null) {
                error(column, unknown.apply(v));
            }
            return t;
        }

        private boolean blank(ImportColumn column) {
            return Text.clean(value(column)) == null;
        }

        /** Refuses every cell with control characters (line breaks and tabs pass: lists are written on lines). */
        private boolean controlCharacters() {
            columns.keySet().stream().filter(c -> InputText.hasControl(value(c), true))
                    .forEach(c -> error(c, InputText.refusal(headers.getOrDefault(c, c.header()))));
            return failed;
        }

        private String value(ImportColumn column) {
            Integer index = columns.get(column);
            return index == null ? null : row.cell(index);
        }

        private void error(ImportColumn column, String message) {
            failed = true;
            errors.add(new ImportError(row.number(), headers.getOrDefault(column, column.header()), message));
        }
    }

    private static String russian(LocalDate date) {
        return SchoolClock.RUSSIAN_DATE.format(date);
    }
}
