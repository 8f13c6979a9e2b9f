package ru.nastavnik.spreadsheet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Any list of the app's pages as an XLSX sheet: Russian headers in bold, frozen, with Excel's filter; a value becomes a
 * real cell of its type — a date a date cell, a moment a date-time cell, a number a number, a {@link Share} a per
 * cent — so that Excel sorts,
 * filters and sums them; yes/no as «да»/«нет»; every text through {@link SheetTemplate#text}, so that a typed
 * «=…» stays text.
 */
public final class ListSheet {

    /** A column: its header, its width in characters, and its value of a row (String, Number, LocalDate,
     * LocalDateTime, Boolean or null). */
    public record Column<T>(String header, int width, Function<T, Object> value) {
    }

    /** A part of a whole, written as the exact share in per cent; no cell when the whole is zero. */
    public record Share(long part, long whole) {

        /** As a page shows it: «41,7 %», or «—» when the whole is zero. */
        public String percent() {
            return whole == 0 ? "—"
                    : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole).replace('.', ',');
        }
    }

    private ListSheet() {
    }

    public static <T> byte[] xlsx(String sheetName, List<Column<T>> columns, List<T> rows) {
        return SheetTemplate.build((book, bold) -> {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle day = book.createCellStyle();
            day.setDataFormat(book.createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle moment = book.createCellStyle();
            moment.setDataFormat(book.createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0%"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                SheetTemplate.text(header, c, columns.get(c).header()).setCellStyle(bold);
                sheet.setColumnWidth(c, columns.get(c).width() * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (T item : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).value().apply(item);
                    if (value instanceof LocalDate date) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(date);
                        cell.setCellStyle(day);
                    } else if (value instanceof LocalDateTime time) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(time);
                        cell.setCellStyle(moment);
                    } else if (value instanceof Share share) {
                        if (share.whole() > 0) {
                            Cell cell = row.createCell(c);
                            cell.setCellValue((double) share.part() / share.whole());
                            cell.setCellStyle(percent);
                        }
                    } else if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value instanceof Boolean yes) {
                        SheetTemplate.text(row, c, yes ? "да" : "нет");
                    } else if (value != null) {
                        SheetTemplate.text(row, c, value.toString());
                    }
                }
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, columns.size() - 1));
        });
    }
}
