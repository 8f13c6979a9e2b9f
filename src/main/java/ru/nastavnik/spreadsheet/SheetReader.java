package ru.nastavnik.spreadsheet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.nastavnik.shared.ValidationException;

/**
 * Reads a spreadsheet into rows of strings: XLSX (first visible sheet) or CSV in UTF-8 (with or without BOM),
 * UTF-16 with BOM or Windows-1251, separated by «;», «,» or tabs, with quoted fields. Dates typed as Excel dates
 * come out as ISO strings («2012-03-05»), numbers without a locale («4.5»). Each row keeps the number the user
 * sees in Excel (1-based); blank rows are left out. The file is read within {@link ImportLimits}: XLSX as a stream
 * ({@link XlsxReader}), never as a whole workbook in memory; a limit reached refuses the file with a Russian message
 * and one WARN line.
 */
public final class SheetReader {

    private static final Logger log = LoggerFactory.getLogger(SheetReader.class);

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
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

    public static List<SheetRow> read(byte[] content, ImportLimits limits) throws UnreadableFileException {
        if (content == null || content.length == 0) {
            throw new UnreadableFileException("Файл пуст");
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnreadableFileException(
                    "Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV");
        }
        Rows rows = new Rows(limits);
        try {
            if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
                XlsxReader.read(content, rows);
            } else {
                readCsv(decode(content), rows);
            }
        } catch (LimitExceeded e) {
            log.warn("Spreadsheet refused: {}", e.getMessage());
            throw new UnreadableFileException(e.userMessage);
        }
        return rows.list;
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

    /** A limit of {@link ImportLimits} reached while reading: the English reason for the log, the user's message. */
    static final class LimitExceeded extends RuntimeException {
        final String userMessage;

        LimitExceeded(String reason, String userMessage) {
            super(reason, null, false, false);
            this.userMessage = userMessage;
        }
    }

    /**
     * The rows read so far, with the limits on their number, width and text: blank rows are not kept (a file of a
     * million empty rows costs nothing), and every cell's text is charged to the unpacked-size budget, so that one
     * long shared string repeated in every cell cannot multiply in memory.
     */
    static final class Rows {
        final ImportLimits limits;
        final List<SheetRow> list = new ArrayList<>();
        private long budget;

        Rows(ImportLimits limits) {
            this.limits = limits;
            this.budget = limits.maxUnpacked().toBytes();
        }

        /** Counts bytes unpacked or characters handed out against {@link ImportLimits#maxUnpacked()}. */
        void charge(long amount) {
            budget -= amount;
            if (budget < 0) {
                throw new LimitExceeded("more than " + limits.maxUnpacked().toBytes() + " bytes unpacked",
                        "Файл слишком велик в распакованном виде (больше " + limits.maxUnpacked().toMegabytes()
                                + " МБ данных): это не похоже на анкеты. Разделите файл на части или сохраните его "
                                + "как CSV");
            }
        }

        void checkColumn(int row, int column) {
            if (column >= limits.maxColumns()) {
                throw new LimitExceeded("row " + row + " reaches column " + (column + 1) + ", more than "
                        + limits.maxColumns(), "Строка " + row + ": данные дальше " + limits.maxColumns()
                        + "-го столбца, в шаблоне столько столбцов нет. Удалите лишние столбцы");
            }
        }

        void checkCell(int row, int column, int length) {
            if (length > limits.maxCellLength()) {
                throw new LimitExceeded("row " + row + " column " + (column + 1) + " longer than "
                        + limits.maxCellLength() + " characters", "Строка " + row + ", столбец " + (column + 1)
                        + ": в ячейке больше " + limits.maxCellLength() + " символов. Сократите текст");
            }
        }

        void add(int number, List<String> cells) {
            SheetRow row = new SheetRow(number, cells);
            if (row.blank()) {
                return;
            }
            for (int c = 0; c < cells.size(); c++) {
                checkColumn(number, c);
                checkCell(number, c, cells.get(c).length());
                charge(cells.get(c).length());
            }
            if (list.size() >= limits.maxRows()) {
                throw new LimitExceeded("more than " + limits.maxRows() + " non-empty rows",
                        "В файле больше " + limits.maxRows() + " заполненных строк: разделите его на части");
            }
            list.add(row);
        }
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

    static void readCsv(String text, Rows rows) {
        char separator = separator(text);
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
                rows.add(number++, List.copyOf(cells));
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
            rows.add(number, List.copyOf(cells));
        }
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
