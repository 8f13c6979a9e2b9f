package ru.nastavnik.participant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ru.nastavnik.programme.MentorshipForm;

/**
 * The questionnaire template served at /api/templates/participants.xlsx: sheet «Анкеты» with the headers
 * (required ones marked «*», which the import ignores), and sheet «Справочники» with the allowed values.
 */
final class ImportTemplate {

    private ImportTemplate() {
    }

    static byte[] xlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);

            Sheet sheet = book.createSheet("Анкеты");
            Row header = sheet.createRow(0);
            ImportColumn[] columns = ImportColumn.values();
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c].header() + (columns[c].required() ? " *" : ""));
                header.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, 22 * 256);
            }
            sheet.createFreezePane(0, 1);
            // What each column accepts is on «Справочники», so that row 2 is already the first questionnaire.
            dropDown(sheet, ImportColumn.CATEGORY, Arrays.stream(Category.values()).map(Category::title).toList());
            dropDown(sheet, ImportColumn.ROLE, Arrays.stream(ParticipantRole.values()).map(ParticipantRole::title).toList());
            dropDown(sheet, ImportColumn.CONSENT, List.of("Да", "Нет"));

            Sheet lists = book.createSheet("Справочники");
            int r = 0;
            r = section(lists, r, bold, "Столбцы анкеты (* — обязательные)", Arrays.stream(columns)
                    .map(c -> new String[] {c.header() + (c.required() ? " *" : ""), c.accepts()}).toList());
            r = section(lists, r, bold, "Категории", Arrays.stream(Category.values())
                    .map(c -> new String[] {c.title(), c.code()}).toList());
            r = section(lists, r, bold, "Роли", Arrays.stream(ParticipantRole.values())
                    .map(c -> new String[] {c.title(), c.code()}).toList());
            r = section(lists, r, bold, "Формы наставничества", Arrays.stream(MentorshipForm.values())
                    .map(f -> new String[] {f.title(), f.code()}).toList());
            r = section(lists, r, bold, "Темы запросов и компетенций (ученики и студенты)", Arrays.stream(Topic.values())
                    .filter(t -> !t.forTeachers()).map(t -> new String[] {t.title(), t.code()}).toList());
            r = section(lists, r, bold, "Темы запросов и компетенций (педагоги)", Arrays.stream(Topic.values())
                    .filter(Topic::forTeachers).map(t -> new String[] {t.title(), t.code()}).toList());
            section(lists, r, bold, "Шкалы входной оценки", List.of(
                    new String[] {"Вовлечённость", "1–5: 1 — очень низкая, 5 — очень высокая"},
                    new String[] {"Активность", "1–5: 1 — очень низкая, 5 — очень высокая"},
                    new String[] {"Самооценка", "1–5: 1 — очень низкая, 5 — очень высокая"},
                    new String[] {"Тревожность", "1–5: 1 — очень низкая, 5 — очень высокая (чем ниже, тем лучше)"},
                    new String[] {"Средний балл", "2,0–5,0, только для учеников"}));
            lists.setColumnWidth(0, 45 * 256);
            lists.setColumnWidth(1, 90 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int section(Sheet sheet, int row, CellStyle bold, String title, List<String[]> lines) {
        Row head = sheet.createRow(row++);
        head.createCell(0).setCellValue(title);
        head.getCell(0).setCellStyle(bold);
        for (String[] line : lines) {
            Row r = sheet.createRow(row++);
            for (int c = 0; c < line.length; c++) {
                r.createCell(c).setCellValue(line[c]);
            }
        }
        return row + 1;
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
