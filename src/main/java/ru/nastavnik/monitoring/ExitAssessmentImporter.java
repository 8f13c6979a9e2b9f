package ru.nastavnik.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.nastavnik.participant.EntryAssessment;
import ru.nastavnik.spreadsheet.ImportError;
import ru.nastavnik.spreadsheet.ImportLimits;
import ru.nastavnik.spreadsheet.SheetReader;
import ru.nastavnik.participant.Text;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.ValidationException;

/**
 * Turns a file of exit assessments (one participant per row, {@link ExitColumn}) into checked rows. Plain Java: the
 * caller gives the participants who may be assessed. Every problem of every row is collected; nothing may be stored
 * unless the list of errors is empty. Names are compared as the participant import compares them; namesakes are
 * told apart by the class.
 */
final class ExitAssessmentImporter {

    static final int HEADER_SEARCH_ROWS = 30;
    static final int MAX_ROWS = 10_000;

    /** A participant the file may name. */
    record Target(long personId, String fullName, String schoolClass, boolean pupil) {
    }

    record Row(int row, long personId, LocalDate assessedOn, EntryAssessment values) {
    }

    record Result(List<Row> rows, List<ImportError> errors) {
    }

    private final Map<String, List<Target>> byName = new HashMap<>();
    private final Map<ExitColumn, Integer> columns = new EnumMap<>(ExitColumn.class);
    private final List<ImportError> errors = new ArrayList<>();
    private final LocalDate today;
    private final LocalDate yearStart;

    private ExitAssessmentImporter(List<Target> targets, LocalDate today, LocalDate yearStart) {
        targets.forEach(t -> byName.computeIfAbsent(Text.nameKey(t.fullName()), k -> new ArrayList<>()).add(t));
        this.today = today;
        this.yearStart = yearStart;
    }

    static Result parse(byte[] content, List<Target> targets, LocalDate today, LocalDate yearStart,
                        ImportLimits limits) {
        List<SheetReader.SheetRow> rows;
        try {
            rows = SheetReader.read(content, limits);
        } catch (SheetReader.UnreadableFileException e) {
            return new Result(List.of(), List.of(new ImportError(null, null, e.getMessage())));
        }
        return new ExitAssessmentImporter(targets, today, yearStart).read(rows);
    }

    private Result read(List<SheetReader.SheetRow> rows) {
        int headerIndex = -1;
        for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS) && headerIndex < 0; i++) {
            List<String> cells = rows.get(i).cells();
            if (cells.stream().anyMatch(ExitColumn.FULL_NAME::matches)
                    && cells.stream().anyMatch(ExitColumn.ASSESSED_ON::matches)) {
                headerIndex = i;
            }
        }
        if (headerIndex < 0) {
            return failed("Не найдена строка заголовков: в первых " + HEADER_SEARCH_ROWS + " строках нет столбцов «"
                    + ExitColumn.FULL_NAME.header() + "» и «" + ExitColumn.ASSESSED_ON.header() + "». Скачайте шаблон "
                    + "на странице мониторинга");
        }
        SheetReader.SheetRow header = rows.get(headerIndex);
        for (int c = 0; c < header.cells().size(); c++) {
            for (ExitColumn column : ExitColumn.values()) {
                if (!columns.containsKey(column) && column.matches(header.cell(c))) {
                    columns.put(column, c);
                }
            }
        }
        List<SheetReader.SheetRow> data = rows.subList(headerIndex + 1, rows.size()).stream()
                .filter(r -> !r.blank()).toList();
        if (data.isEmpty()) {
            return failed("В файле нет ни одной строки с оценкой под строкой заголовков");
        }
        if (data.size() > MAX_ROWS) {
            return failed("В файле " + data.size() + " строк; за один раз можно загрузить не больше " + MAX_ROWS);
        }
        List<Row> result = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (SheetReader.SheetRow row : data) {
            Row read = read(row);
            if (read == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(read.personId(), row.number());
            if (first != null) {
                errors.add(new ImportError(row.number(), ExitColumn.FULL_NAME.header(),
                        "Повтор: оценка этого участника уже есть в строке " + first));
            } else {
                result.add(read);
            }
        }
        return errors.isEmpty() ? new Result(List.copyOf(result), List.of()) : new Result(List.of(), List.copyOf(errors));
    }

    private Row read(SheetReader.SheetRow row) {
        int before = errors.size();
        for (ExitColumn column : columns.keySet()) {
            if (InputText.hasControl(value(row, column), false)) {
                error(row, column, InputText.refusal(column.header()));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        Target target = target(row);
        String dateText = Text.clean(value(row, ExitColumn.ASSESSED_ON));
        LocalDate on = dateText == null ? null : Text.date(dateText);
        if (dateText != null && on == null) {
            error(row, ExitColumn.ASSESSED_ON, "Неверная дата «" + dateText + "»: ожидается ДД.ММ.ГГГГ, например "
                    + "20.05.2027");
            return null;
        }
        EntryAssessment values;
        try {
            values = new EntryAssessment(AssessmentValues.scale(value(row, ExitColumn.ENGAGEMENT), Parameter.ENGAGEMENT),
                    AssessmentValues.scale(value(row, ExitColumn.ACTIVITY), Parameter.ACTIVITY),
                    AssessmentValues.scale(value(row, ExitColumn.SELF_ESTEEM), Parameter.SELF_ESTEEM),
                    AssessmentValues.scale(value(row, ExitColumn.ANXIETY), Parameter.ANXIETY),
                    AssessmentValues.grade(value(row, ExitColumn.AVERAGE_GRADE)));
        } catch (ValidationException e) {
            e.errors().forEach(err -> error(row, column(err.field()), err.message()));
            return null;
        }
        if (target == null) {
            return null;
        }
        List<ValidationException.FieldError> problems = AssessmentValues.errors(values, on, today, yearStart,
                target.pupil());
        problems.forEach(err -> error(row, column(err.field()), err.message()));
        return problems.isEmpty() ? new Row(row.number(), target.personId(), on, values) : null;
    }

    private Target target(SheetReader.SheetRow row) {
        String name = Text.clean(value(row, ExitColumn.FULL_NAME));
        if (name == null) {
            error(row, ExitColumn.FULL_NAME, "Не указаны фамилия, имя и отчество участника");
            return null;
        }
        String classText = Text.clean(value(row, ExitColumn.SCHOOL_CLASS));
        String schoolClass = classText == null ? null : Text.schoolClass(classText);
        List<Target> found = byName.getOrDefault(Text.nameKey(name), List.of()).stream()
                .filter(t -> schoolClass == null || schoolClass.equals(t.schoolClass())).toList();
        if (found.size() == 1) {
            return found.get(0);
        }
        error(row, ExitColumn.FULL_NAME, found.isEmpty()
                ? "«" + name + "» нет среди участников пар и групп программы с согласием на обработку персональных "
                + "данных"
                : "В программе несколько участников «" + name + "»: укажите класс в столбце «"
                + ExitColumn.SCHOOL_CLASS.header() + "»");
        return null;
    }

    private String value(SheetReader.SheetRow row, ExitColumn column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.cell(index);
    }

    private static ExitColumn column(String field) {
        for (Parameter p : Parameter.values()) {
            if (p.code().equals(field)) {
                return ExitColumn.valueOf(p.name());
            }
        }
        return ExitColumn.ASSESSED_ON;
    }

    private void error(SheetReader.SheetRow row, ExitColumn column, String message) {
        errors.add(new ImportError(row.number(), column.header(), message));
    }

    private Result failed(String message) {
        return new Result(List.of(), List.of(new ImportError(null, null, message)));
    }
}
