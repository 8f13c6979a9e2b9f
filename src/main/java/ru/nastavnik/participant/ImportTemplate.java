package ru.nastavnik.participant;

import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.spreadsheet.SheetTemplate;

/**
 * The questionnaire template served at /api/templates/participants.xlsx: sheet «Анкеты» with the headers
 * (required ones marked «*», which the import ignores), and sheet «Справочники» with the allowed values.
 */
final class ImportTemplate {

    private ImportTemplate() {
    }

    static byte[] xlsx() {
        return SheetTemplate.build((book, bold) -> {
            List<ImportColumn> columns = List.of(ImportColumn.values());
            Sheet sheet = SheetTemplate.headerSheet(book, bold, "Анкеты", columns, new int[] {22});
            // What each column accepts is on «Справочники», so that row 2 is already the first questionnaire.
            dropDown(sheet, ImportColumn.CATEGORY, Arrays.stream(Category.values()).map(Category::title).toList());
            dropDown(sheet, ImportColumn.ROLE, Arrays.stream(ParticipantRole.values()).map(ParticipantRole::title).toList());
            dropDown(sheet, ImportColumn.CONSENT, List.of("Да", "Нет"));

            Sheet lists = book.createSheet("Справочники");
            int r = 0;
            r = SheetTemplate.columns(lists, r, bold, "Столбцы анкеты (* — обязательные)", columns);
            r = SheetTemplate.section(lists, r, bold, "Категории", Arrays.stream(Category.values())
                    .map(c -> new String[] {c.title(), c.code()}).toList());
            r = SheetTemplate.section(lists, r, bold, "Роли", Arrays.stream(ParticipantRole.values())
                    .map(c -> new String[] {c.title(), c.code()}).toList());
            r = SheetTemplate.section(lists, r, bold, "Формы наставничества", Arrays.stream(MentorshipForm.values())
                    .map(f -> new String[] {f.title(), f.code()}).toList());
            r = SheetTemplate.section(lists, r, bold, "Темы запросов и компетенций (ученики и студенты)", Arrays.stream(Topic.values())
                    .filter(t -> !t.forTeachers()).map(t -> new String[] {t.title(), t.code()}).toList());
            r = SheetTemplate.section(lists, r, bold, "Темы запросов и компетенций (педагоги)", Arrays.stream(Topic.values())
                    .filter(Topic::forTeachers).map(t -> new String[] {t.title(), t.code()}).toList());
            SheetTemplate.section(lists, r, bold, "Шкалы входной оценки", List.of(
                    new String[] {"Вовлечённость", "1–5: 1 — очень низкая, 5 — очень высокая"},
                    new String[] {"Активность", "1–5: 1 — очень низкая, 5 — очень высокая"},
                    new String[] {"Самооценка", "1–5: 1 — очень низкая, 5 — очень высокая"},
                    new String[] {"Тревожность", "1–5: 1 — очень низкая, 5 — очень высокая (чем ниже, тем лучше)"},
                    new String[] {"Средний балл", "2,0–5,0, только для учеников"}));
            lists.setColumnWidth(0, 45 * 256);
            lists.setColumnWidth(1, 90 * 256);
        });
    }

    private static void dropDown(Sheet sheet, ImportColumn column, List<String> values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(1, ParticipantImporter.MAX_ROWS, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(false);
        sheet.addValidationData(validation);
    }
}
