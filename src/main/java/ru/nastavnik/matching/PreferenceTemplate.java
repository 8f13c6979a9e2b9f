package ru.nastavnik.matching;

import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import ru.nastavnik.spreadsheet.SheetTemplate;

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
        List<PreferenceColumn> columns = List.of(PreferenceColumn.values());
        return SheetTemplate.build((book, bold) -> {
            SheetTemplate.headerSheet(book, bold, "Предпочтения", columns, new int[] {22, 22, 22, 50});
            Sheet help = book.createSheet("Инструкция");
            int r = 0;
            for (String line : INSTRUCTION) {
                SheetTemplate.text(help.createRow(r++), 0, line);
            }
            SheetTemplate.columns(help, r + 1, bold, "Столбцы (* — обязательные) и что в них писать", columns);
            help.setColumnWidth(0, 30 * 256);
            help.setColumnWidth(1, 110 * 256);
        });
    }
}
