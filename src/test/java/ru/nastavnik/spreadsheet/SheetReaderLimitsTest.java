package ru.nastavnik.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The reading limits of {@link ImportLimits}, each reached by a file made for it. */
class SheetReaderLimitsTest {

    private static final ImportLimits SMALL = new ImportLimits(1, DataSize.ofKilobytes(64), 5, 10, 20);

    @Test
    void refusesMoreRowsThanTheLimitInXlsxAndCsvButSkipsBlankRows() throws Exception {
        byte[] xlsx = xlsx(6, 1, "x");
        assertThatThrownBy(() -> SheetReader.read(xlsx, SMALL)).isInstanceOf(SheetReader.UnreadableFileException.class)
                .hasMessage("В файле больше 5 заполненных строк: разделите его на части");
        byte[] csv = "a\nb\nc\n;\n\n;;\nd\ne\nf\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SheetReader.read(csv, SMALL))
                .hasMessage("В файле больше 5 заполненных строк: разделите его на части");
        assertThat(SheetReader.read(xlsx(5, 1, "x"), SMALL)).hasSize(5);
        assertThat(SheetReader.read("a\n\n;\nb\n".getBytes(StandardCharsets.UTF_8), SMALL))
                .extracting(SheetReader.SheetRow::number).containsExactly(1, 4);
    }

    @Test
    void refusesACellOverTheLengthLimit() throws Exception {
        assertThatThrownBy(() -> SheetReader.read(xlsx(2, 3, "x".repeat(21)), SMALL))
                .hasMessage("Строка 1, столбец 1: в ячейке больше 20 символов. Сократите текст");
        assertThatThrownBy(() -> SheetReader.read(("a;" + "б".repeat(21)).getBytes(StandardCharsets.UTF_8), SMALL))
                .hasMessage("Строка 1, столбец 2: в ячейке больше 20 символов. Сократите текст");
        assertThatThrownBy(() -> SheetReader.read(xlsx(1, 1, "x".repeat(4_001)), ImportLimits.DEFAULTS))
                .hasMessageContaining("в ячейке больше 4000 символов");
    }

    @Test
    void refusesDataBeyondTheColumnLimit() throws Exception {
        assertThatThrownBy(() -> SheetReader.read(xlsx(1, 11, "x"), SMALL))
                .hasMessage("Строка 1: данные дальше 10-го столбца, в шаблоне столько столбцов нет. "
                        + "Удалите лишние столбцы");
    }

    @Test
    void refusesAZipBombWhileReadingIt() throws Exception {
        byte[] bomb = ZipBomb.xlsx(60);
        assertThatThrownBy(() -> SheetReader.read(bomb, ImportLimits.DEFAULTS))
                .hasMessageStartingWith("Файл слишком велик в распакованном виде (больше 40 МБ данных)");
    }

    @Test
    void readsTextNumbersDatesAndBooleansAsBefore() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.setSheetHidden(book.getSheetIndex(book.createSheet("Скрытый")), true);
            Sheet sheet = book.createSheet("Анкеты");
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("Иванов Иван");
            row.createCell(2).setCellValue(4.5);
            var date = row.createCell(3);
            date.setCellValue(java.time.LocalDate.of(2012, 3, 5));
            var style = book.createCellStyle();
            style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            date.setCellStyle(style);
            row.createCell(4).setCellValue(true);
            row.createCell(5).setCellFormula("1+1");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            var rows = SheetReader.read(out.toByteArray(), ImportLimits.DEFAULTS);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).number()).isEqualTo(3);
            assertThat(rows.get(0).cells()).containsExactly("Иванов Иван", "", "4.5", "2012-03-05", "да", "");
        }
    }

    private static byte[] xlsx(int rows, int columns, String text) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Анкеты");
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellValue(text);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void guessesTheSeparatorOfACsvFile() {
        assertThat(SheetReader.separator("a,b;c,d\n")).isEqualTo(',');
        assertThat(SheetReader.separator("\"a;b\",c;d\n")).isEqualTo(';');
    }
}
