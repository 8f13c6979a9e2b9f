package ru.nastavnik.district;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import ru.nastavnik.participant.SheetTemplate;

/**
 * The district table as XLSX: Russian headers, every count and share a number cell (shares as per cent, so that a
 * spreadsheet sums and sorts them), an empty cell where there is nothing to judge, and every text through
 * {@link SheetTemplate#text}, so that a school named like a formula stays text.
 */
final class DistrictSheet {

    record Column(String header, int width) {
    }

    static final List<Column> COLUMNS = List.of(new Column("Школа", 44), new Column("Учебный год", 11),
            new Column("Муниципалитет", 28), new Column("Этап", 6), new Column("Где сейчас", 36),
            new Column("Просрочено пунктов", 12), new Column("Просроченные пункты", 60),
            new Column("Наставляемых", 13), new Column("Наставников", 13), new Column("Пар работает", 12),
            new Column("Пар завершили", 12), new Column("Пар прекращено досрочно", 14),
            new Column("Встречаются по плану", 14), new Column("Обратная связь: разослано", 14),
            new Column("Обратная связь: ответили", 14), new Column("Обратная связь", 12));

    private DistrictSheet() {
    }

    static byte[] xlsx(List<DistrictTable.School> schools) {
        return SheetTemplate.build((book, bold) -> {
            Sheet sheet = book.createSheet("Школы");
            CellStyle share = book.createCellStyle();
            share.setDataFormat(book.createDataFormat().getFormat("0%"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                SheetTemplate.text(header, c, COLUMNS.get(c).header()).setCellStyle(bold);
                sheet.setColumnWidth(c, COLUMNS.get(c).width() * 256);
            }
            sheet.createFreezePane(1, 1);
            int r = 1;
            for (DistrictTable.School s : schools) {
                Row row = sheet.createRow(r++);
                SheetTemplate.text(row, 0, s.school());
                SheetTemplate.text(row, 1, s.schoolYear());
                SheetTemplate.text(row, 2, s.municipality());
                row.createCell(3).setCellValue(s.stage());
                SheetTemplate.text(row, 4, s.stageTitle());
                row.createCell(5).setCellValue(s.overdueCount());
                SheetTemplate.text(row, 6, s.overdue().stream().map(i -> i.code() + " " + i.title() + " (срок "
                        + i.dueText() + ")").collect(Collectors.joining("; ")));
                row.createCell(7).setCellValue(s.mentees());
                row.createCell(8).setCellValue(s.mentors());
                row.createCell(9).setCellValue(s.activePairs());
                row.createCell(10).setCellValue(s.finishedPairs());
                row.createCell(11).setCellValue(s.endedPairs());
                share(row, 12, s.pairsOnPlan(), s.workingPairs(), share);
                row.createCell(13).setCellValue(s.feedbackSent());
                row.createCell(14).setCellValue(s.feedbackAnswered());
                share(row, 15, s.feedbackAnswered(), s.feedbackSent(), share);
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, COLUMNS.size() - 1));
        });
    }

    /** The exact share (not the page's rounded per cent), shown as per cent; no cell when the whole is zero. */
    private static void share(Row row, int column, long part, long whole, CellStyle style) {
        if (whole > 0) {
            row.createCell(column).setCellValue((double) part / whole);
            row.getCell(column).setCellStyle(style);
        }
    }
}
