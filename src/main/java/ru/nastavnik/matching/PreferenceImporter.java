package ru.nastavnik.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.nastavnik.spreadsheet.ImportError;
import ru.nastavnik.spreadsheet.ImportLimits;
import ru.nastavnik.participant.ParticipantDirectory.Named;
import ru.nastavnik.participant.ParticipantImporter;
import ru.nastavnik.spreadsheet.SheetReader;
import ru.nastavnik.participant.Text;
import ru.nastavnik.shared.InputText;

/**
 * Turns a file of preference questionnaires (paper ones typed in, or a Google form's export) into wishes by person
 * id. Plain Java: the caller gives the programme's participants with consent in force. Every problem of every row is
 * collected; nothing may be stored unless the list of errors is empty.
 *
 * <p>A row is one participant: «ФИО» (with «Дата рождения» or «Класс» when namesakes need telling apart), «Хочу в
 * пару с» (names in rank order) and «Не хочу в пару с». Names are compared like the participant import compares them
 * (case, «ё», spaces); a named namesake is told apart by a class or birth date in brackets, or by being the only one
 * on the other side (mentee ↔ mentor or candidate).
 */
final class PreferenceImporter {

    static final int HEADER_SEARCH_ROWS = 30;

    /** «Иванов Иван (7Б)» or «Иванов Иван (05.03.2012)». */
    private static final Pattern QUALIFIED = Pattern.compile("(.+?)\\s*\\(([^()]*)\\)");

    /** One participant's questionnaire: the file's row, the person and the wishes as person ids. */
    record Entry(int row, long personId, MatchingPreferences.Wishes wishes) {
    }

    /** The questionnaires, or the problems; never both. */
    record Result(List<Entry> entries, List<ImportError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Map<String, List<Named>> byName = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<PreferenceColumn, Integer> columns = new EnumMap<>(PreferenceColumn.class);
    private final Map<PreferenceColumn, String> headers = new EnumMap<>(PreferenceColumn.class);
    private final List<ImportError> errors = new ArrayList<>();

    private PreferenceImporter(List<Named> roster) {
        for (Named p : roster) {
            byName.computeIfAbsent(Text.nameKey(p.fullName()), k -> new ArrayList<>()).add(p);
            names.put(p.personId(), p.fullName());
        }
    }

    static Result parse(byte[] content, List<Named> roster, ImportLimits limits) {
        List<SheetReader.SheetRow> rows;
        try {
            rows = SheetReader.read(content, limits);
        } catch (SheetReader.UnreadableFileException e) {
            return new Result(List.of(), List.of(new ImportError(null, null, e.getMessage())));
        }
        return new PreferenceImporter(roster).read(rows);
    }

    private Result read(List<SheetReader.SheetRow> rows) {
        int headerIndex = findHeader(rows);
        if (headerIndex < 0) {
            return failed("Не найдена строка заголовков: в первых " + HEADER_SEARCH_ROWS + " строках нет столбцов «"
                    + PreferenceColumn.FULL_NAME.header() + "» и «" + PreferenceColumn.PREFERRED.header()
                    + "». Скачайте шаблон: /api/templates/preferences.xlsx");
        }
        SheetReader.SheetRow header = rows.get(headerIndex);
        for (int c = 0; c < header.cells().size(); c++) {
            for (PreferenceColumn column : PreferenceColumn.values()) {
                if (!columns.containsKey(column) && column.matches(header.cell(c))) {
                    columns.put(column, c);
                    headers.put(column, Text.clean(header.cell(c)));
                }
            }
        }
        for (PreferenceColumn column : PreferenceColumn.values()) {
            if (column.required() && !columns.containsKey(column)) {
                errors.add(new ImportError(header.number(), column.header(), "В файле нет обязательного столбца «"
                        + column.header() + "»: без него прежние пожелания участников были бы стёрты"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), List.copyOf(errors));
        }
        List<SheetReader.SheetRow> data = rows.subList(headerIndex + 1, rows.size()).stream()
                .filter(r -> !r.blank()).toList();
        if (data.isEmpty()) {
            return failed("В файле нет ни одной анкеты под строкой заголовков");
        }
        if (data.size() > ParticipantImporter.MAX_ROWS) {
            return failed("В файле " + data.size() + " строк; за один раз можно загрузить не больше "
                    + ParticipantImporter.MAX_ROWS);
        }
        List<Entry> entries = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (SheetReader.SheetRow row : data) {
            Entry entry = new RowReader(row).read();
            if (entry == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(entry.personId(), row.number());
            if (first != null) {
                errors.add(new ImportError(row.number(), headers.get(PreferenceColumn.FULL_NAME),
                        "Повтор: анкета этого участника уже есть в строке " + first));
            } else {
                entries.add(entry);
            }
        }
        return errors.isEmpty() ? new Result(List.copyOf(entries), List.of()) : new Result(List.of(), List.copyOf(errors));
    }

    private int findHeader(List<SheetReader.SheetRow> rows) {
        for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
            List<String> cells = rows.get(i).cells();
            if (cells.stream().anyMatch(PreferenceColumn.FULL_NAME::matches)
                    && cells.stream().anyMatch(c -> PreferenceColumn.PREFERRED.matches(c)
                    || PreferenceColumn.AVOID.matches(c))) {
                return i;
            }
        }
        return -1;
    }

    private Result failed(String message) {
        return new Result(List.of(), List.of(new ImportError(null, null, message)));
    }

    /** Candidates of a name, narrowed by a birth date or a class when given. */
    private List<Named> candidates(String name, LocalDate birthDate, String schoolClass) {
        return byName.getOrDefault(Text.nameKey(name), List.of()).stream()
                .filter(p -> birthDate == null || birthDate.equals(p.birthDate()))
                .filter(p -> schoolClass == null || schoolClass.equals(p.schoolClass()))
                .toList();
    }

    private static String unknown(String name) {
        return "«" + name + "» нет среди участников программы с согласием на обработку персональных данных";
    }

    /** Reads one row; adds its problems to the shared list and returns null when there are any. */
    private final class RowReader {
        private final SheetReader.SheetRow row;
        private boolean failed;

        RowReader(SheetReader.SheetRow row) {
            this.row = row;
        }

        Entry read() {
            // Line breaks and tabs pass: wishes are written on lines.
            columns.keySet().stream().filter(c -> InputText.hasControl(value(c), true))
                    .forEach(c -> error(c, InputText.refusal(header(c))));
            if (failed) {
                return null;
            }
            Named person = person();
            List<Long> preferred = wishes(PreferenceColumn.PREFERRED, person);
            List<Long> avoid = wishes(PreferenceColumn.AVOID, person);
            for (Long id : avoid) {
                if (preferred.contains(id)) {
                    error(PreferenceColumn.AVOID, names.get(id) + " назван(а) и в «" + header(PreferenceColumn.PREFERRED)
                            + "», и в «" + header(PreferenceColumn.AVOID) + "»: оставьте в одном столбце");
                }
            }
            return failed || person == null ? null
                    : new Entry(row.number(), person.personId(), new MatchingPreferences.Wishes(preferred, avoid));
        }

        private Named person() {
            String name = Text.clean(value(PreferenceColumn.FULL_NAME));
            LocalDate birthDate = null;
            String birthText = Text.clean(value(PreferenceColumn.BIRTH_DATE));
            if (birthText != null && (birthDate = Text.date(birthText)) == null) {
                error(PreferenceColumn.BIRTH_DATE, "Неверная дата «" + birthText + "»: ожидается ДД.ММ.ГГГГ, "
                        + "например 05.03.2012");
            }
            String schoolClass = null;
            String classText = Text.clean(value(PreferenceColumn.SCHOOL_CLASS));
            if (classText != null && (schoolClass = Text.schoolClass(classText)) == null) {
                error(PreferenceColumn.SCHOOL_CLASS, "Неизвестный класс «" + classText + "»: нужны номер 1–11 и "
                        + "буква, например «7Б»");
            }
            if (name == null) {
                error(PreferenceColumn.FULL_NAME, "Не указаны фамилия, имя и отчество участника");
                return null;
            }
            List<Named> found = candidates(name, birthDate, schoolClass);
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                error(PreferenceColumn.FULL_NAME, "В программе несколько участников «" + name + "»: заполните "
                        + "столбец «" + PreferenceColumn.BIRTH_DATE.header() + "» или «"
                        + PreferenceColumn.SCHOOL_CLASS.header() + "», чтобы различить их");
            } else if (birthDate != null || schoolClass != null) {
                error(PreferenceColumn.FULL_NAME, candidates(name, null, null).isEmpty() ? unknown(name)
                        : "«" + name + "»: участник с таким ФИО есть, но с другой датой рождения или классом");
            } else {
                error(PreferenceColumn.FULL_NAME, unknown(name));
            }
            return null;
        }

        /** The named people of a wish column as ids, in the file's order; problems are reported by name. */
        private List<Long> wishes(PreferenceColumn column, Named person) {
            List<Long> ids = new ArrayList<>();
            List<String> named = Text.list(value(column));
            if (named.size() > MatchingPreferences.MAX) {
                error(column, "Названо " + named.size() + " человек; не больше " + MatchingPreferences.MAX);
                return ids;
            }
            for (String name : named) {
                Named other = wished(column, name, person);
                if (other == null) {
                    continue;
                }
                if (person != null && other.personId() == person.personId()) {
                    error(column, MatchingPreferences.SELF);
                } else if (ids.contains(other.personId())) {
                    error(column, other.fullName() + " назван(а) в этом столбце дважды");
                } else {
                    ids.add(other.personId());
                }
            }
            return ids;
        }

        private Named wished(PreferenceColumn column, String text, Named person) {
            String name = text;
            LocalDate birthDate = null;
            String schoolClass = null;
            Matcher qualified = QUALIFIED.matcher(text);
            if (qualified.matches()) {
                name = qualified.group(1);
                String hint = Text.clean(qualified.group(2));
                birthDate = Text.date(hint);
                schoolClass = birthDate == null ? Text.schoolClass(hint) : null;
                if (birthDate == null && schoolClass == null) {
                    error(column, "«" + text + "»: в скобках ожидается класс («7Б») или дата рождения (05.03.2012)");
                    return null;
                }
            }
            List<Named> found = candidates(name, birthDate, schoolClass);
            if (found.size() > 1 && person != null) {
                // A namesake on the wisher's own side cannot be meant: wishes name the other side.
                List<Named> otherSide = found.stream().filter(p -> p.mentee() != person.mentee()).toList();
                found = otherSide.isEmpty() ? found : otherSide;
            }
            if (found.isEmpty()) {
                error(column, unknown(text));
                return null;
            }
            if (found.size() > 1) {
                error(column, "«" + text + "»: в программе несколько участников с таким ФИО — допишите в скобках класс "
                        + "или дату рождения, например «" + name + " (7Б)»");
                return null;
            }
            Named other = found.get(0);
            if (person != null && other.personId() != person.personId() && other.mentee() == person.mentee()) {
                error(column, MatchingPreferences.sameSide(person.mentee(), other.fullName(), other.role()));
                return null;
            }
            return other;
        }

        private String value(PreferenceColumn column) {
            Integer index = columns.get(column);
            return index == null ? null : row.cell(index);
        }

        private String header(PreferenceColumn column) {
            return Objects.requireNonNullElse(headers.get(column), column.header());
        }

        private void error(PreferenceColumn column, String message) {
            failed = true;
            errors.add(new ImportError(row.number(), header(column), message));
        }
    }
}
