package ru.nastavnik.overview;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import ru.nastavnik.spreadsheet.SheetTemplate;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.Groups;

/**
 * The roadmap as an XLSX list: Russian headers, dates as real date cells (so that Excel sorts and filters them),
 * every text through {@link SheetTemplate#text}, so that a title typed like a formula stays text.
 */
final class RoadmapSheet {

    record Column(String header, int width) {
    }

    static final List<Column> COLUMNS = List.of(new Column("№", 6), new Column("Этап", 6),
            new Column("Мероприятие", 60), new Column("Ответственный", 22), new Column("Начало", 12),
            new Column("Срок", 12), new Column("Состояние", 14), new Column("Выполнено", 12),
            new Column("Отметил", 16), new Column("Когда отмечено", 18), new Column("Результат", 40),
            new Column("Комментарий", 40));

    private RoadmapSheet() {
    }

    static byte[] xlsx(List<RoadmapItem> items, LocalDate today, ZoneId zone) {
        return SheetTemplate.build((book, bold) -> {
            Sheet sheet = book.createSheet("Дорожная карта");
            CellStyle day = book.createCellStyle();
            day.setDataFormat(book.createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle moment = book.createCellStyle();
            moment.setDataFormat(book.createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                SheetTemplate.text(header, c, COLUMNS.get(c).header()).setCellStyle(bold);
                sheet.setColumnWidth(c, COLUMNS.get(c).width() * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (RoadmapItem item : items) {
                Row row = sheet.createRow(r++);
                SheetTemplate.text(row, 0, item.code());
                row.createCell(1).setCellValue(item.stage());
                SheetTemplate.text(row, 2, item.title());
                SheetTemplate.text(row, 3, Groups.russianName(item.responsibleGroup()));
                date(row, 4, item.startDate(), day);
                date(row, 5, item.dueDate(), day);
                SheetTemplate.text(row, 6, RoadmapService.statusName(item.status(today)));
                date(row, 7, item.doneOn(), day);
                SheetTemplate.text(row, 8, item.completedBy() == null ? "" : item.completedBy());
                if (item.completedAt() != null) {
                    Cell cell = row.createCell(9);
                    cell.setCellValue(LocalDateTime.ofInstant(item.completedAt(), zone));
                    cell.setCellStyle(moment);
                }
                SheetTemplate.text(row, 10, item.result() == null ? "" : item.result());
                SheetTemplate.text(row, 11, item.comment() == null ? "" : item.comment());
            }
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(r - 1, 0), 0,
                    COLUMNS.size() - 1));
        });
    }

    private static void date(Row row, int column, LocalDate value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }
}
