package ru.nastavnik.matching;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The template served at /api/templates/preferences.xlsx: sheet «Предпочтения» with the headers (required ones marked
 * «*», which the import ignores), so that row 2 is already the first questionnaire, and sheet «Инструкция».
 */
final class PreferenceTemplate {

    private static final List<String> INSTRUCTION = List.of(
            "Одна строка — анкета одного участника, заполненная после групповой встречи.",
            "ФИО пишутся так же, как в анкетах участников программы; регистр, «ё» и лишние пробелы не важны.",
            "Наставляемый называет наставников (или кандидатов в наставники), наставник — наставляемых.",
            "Несколько человек в ячейке разделяются «;» или «,»; в «Хочу в пару с» — в порядке предпочтения.",
            "Тёзок различают: участника — столбцы «Дата рождения» или «Класс»; названного — класс или дата "
                    + "рождения в скобках: «Иванов Иван (7Б)».",
            "Анкета из файла заменяет прежние пожелания участника; пустые ячейки удаляют их.",
            "Загружаются все строки или ни одной: при ошибке ответ перечисляет все строки и столбцы с ошибками.",
            "Загрузка: POST /api/programmes/{id}/preferences/import (XLSX или CSV, до 10 МБ).");

    private PreferenceTemplate() {
    }

    static byte[] xlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);

            Sheet sheet = book.createSheet("Предпочтения");
            Row header = sheet.createRow(0);
            PreferenceColumn[] columns = PreferenceColumn.values();
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c].header() + (columns[c].required() ? " *" : ""));
                header.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, (c < 3 ? 22 : 50) * 256);
            }
            sheet.createFreezePane(0, 1);

            Sheet help = book.createSheet("Инструкция");
            int r = 0;
            for (String line : INSTRUCTION) {
                help.createRow(r++).createCell(0).setCellValue(line);
            }
            Row head = help.createRow(++r);
            head.createCell(0).setCellValue("Столбец (* — обязательный)");
            head.createCell(1).setCellValue("Что писать");
            head.getCell(0).setCellStyle(bold);
            head.getCell(1).setCellStyle(bold);
            for (PreferenceColumn column : columns) {
                Row row = help.createRow(++r);
                row.createCell(0).setCellValue(column.header() + (column.required() ? " *" : ""));
                row.createCell(1).setCellValue(column.accepts());
            }
            help.setColumnWidth(0, 30 * 256);
            help.setColumnWidth(1, 110 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
