package ru.nastavnik.participant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ru.nastavnik.shared.ValidationException;

/**
 * Reads a spreadsheet into rows of strings: XLSX (first visible sheet) or CSV in UTF-8 (with or without BOM),
 * UTF-16 with BOM or Windows-1251, separated by «;», «,» or tabs, with quoted fields. Dates typed as Excel dates
 * come out as ISO strings («2012-03-05»), numbers without a locale («4.5»). Each row keeps the number the user
 * sees in Excel (1-based).
 */
public final class SheetReader {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The largest file the imports take (the multipart limit in application.yml leaves room for the form). */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    /** One row of the file: its number as Excel shows it and the cells, never null. */
    public record SheetRow(int number, List<String> cells) {

        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** A file that cannot be read as a table at all. */
    public static class UnreadableFileException extends Exception {
        UnreadableFileException(String message) {
            super(message);
        }
    }

    private SheetReader() {
    }

    public static List<SheetRow> read(byte[] content) throws UnreadableFileException {
        if (content == null || content.length == 0) {
            throw new UnreadableFileException("Файл пуст");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return readXlsx(content);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnreadableFileException(
                    "Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV");
        }
        return readCsv(decode(content));
    }

    /** Refuses an upload that is empty or larger than {@link #MAX_FILE_BYTES}, before it is read. */
    public static void checkUploadSize(long bytes) {
        if (bytes > MAX_FILE_BYTES) {
            throw new ValidationException("file", "Файл больше 10 МБ: разделите его на части");
        }
        if (bytes == 0) {
            throw new ValidationException("file", "Файл пуст");
        }
    }

    private static List<SheetRow> readXlsx(byte[] content) throws UnreadableFileException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = null;
            for (int i = 0; i < workbook.getNumberOfSheets() && sheet == null; i++) {
                if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                    sheet = workbook.getSheetAt(i);
                }
            }
            if (sheet == null) {
                throw new UnreadableFileException("В книге Excel нет видимых листов");
            }
            List<SheetRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(text(row.getCell(c)));
                }
                rows.add(new SheetRow(row.getRowNum() + 1, cells));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("Файл Excel не удалось прочитать: он повреждён или это не XLSX");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "да" : "нет";
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> "";
        };
    }

    /** UTF-8 when the bytes are valid UTF-8 (or have its BOM), UTF-16 with a BOM, otherwise Windows-1251. */
    static String decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1251);
        }
    }

    static List<SheetRow> readCsv(String text) {
        char separator = separator(text);
        List<SheetRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int number = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
                any = true;
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                rows.add(new SheetRow(number++, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(ch);
                any = true;
            }
        }
        if (any || cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new SheetRow(number, List.copyOf(cells)));
        }
        return rows;
    }

    /** The one of «;», «,» and tab that occurs most often outside quotes in the first lines; «;» on a tie. */
    static char separator(String text) {
        char[] candidates = {';', ',', '\t'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < text.length() && lines < 30; i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '\n') {
                lines++;
            } else if (!quoted) {
                for (int c = 0; c < candidates.length; c++) {
                    if (ch == candidates[c]) {
                        counts[c]++;
                    }
                }
            }
        }
        int best = 0;
        for (int c = 1; c < candidates.length; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return candidates[best];
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
