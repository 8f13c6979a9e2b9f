package ru.nastavnik.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import ru.nastavnik.shared.InputText;

/**
 * What the import templates (participants, preferences) have in common: a workbook whose first sheet is the header
 * row of the import's columns, frozen, so that row 2 is already the first questionnaire; sections of explanations with
 * a bold title; the download.
 */
public final class SheetTemplate {

    /**
     * A column of an import file as the template writes and explains it, and as the import finds it: by its header or
     * an alias (headers found in real school spreadsheets), ignoring case, spaces, punctuation, «*» and «ё».
     */
    public interface Column {
        Definition definition();

        /** The header as the template writes it. */
        default String header() {
            return definition().header();
        }

        /** The column must be in the file. */
        default boolean required() {
            return definition().required();
        }

        /** What the column accepts, in Russian. */
        default String accepts() {
            return definition().accepts();
        }

        /** The header with «*» for a required column (the import ignores the mark). */
        default String heading() {
            return header() + (required() ? " *" : "");
        }

        /** Whether a header cell of the file names this column. */
        default boolean matches(String headerCell) {
            return matchesHeader(headerCell, header(), definition().aliases());
        }
    }

    /** What defines a {@link Column}. */
    public record Definition(String header, boolean required, String accepts, List<String> aliases) {

        public Definition(String header, boolean required, String accepts, String... aliases) {
            this(header, required, accepts, List.of(aliases));
        }
    }

    /** Whether a header cell names a column: its header or an alias, compared by {@link InputText#key}. */
    public static boolean matchesHeader(String cell, String header, List<String> aliases) {
        String k = InputText.key(cell);
        return !k.isEmpty() && Stream.concat(Stream.of(header), aliases.stream())
                .anyMatch(a -> InputText.key(a).equals(k));
    }

    private SheetTemplate() {
    }

    /** A new workbook filled by {@code fill}, which gets the bold style of titles; the XLSX bytes. */
    public static byte[] build(BiConsumer<Workbook, CellStyle> fill) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);
            fill.accept(book, bold);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheet the questionnaires are written on: the columns' headings in bold, frozen. */
    public static Sheet headerSheet(Workbook book, CellStyle bold, String name, List<? extends Column> columns,
                                    int[] widths) {
        Sheet sheet = book.createSheet(name);
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            text(header, c, columns.get(c).heading()).setCellStyle(bold);
            sheet.setColumnWidth(c, widths[Math.min(c, widths.length - 1)] * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** A bold title and its lines from {@code row}; returns the row after a blank one. */
    public static int section(Sheet sheet, int row, CellStyle bold, String title, List<String[]> lines) {
        Row head = sheet.createRow(row++);
        text(head, 0, title).setCellStyle(bold);
        for (String[] line : lines) {
            Row r = sheet.createRow(row++);
            for (int c = 0; c < line.length; c++) {
                text(r, c, line[c]);
            }
        }
        return row + 1;
    }

    /**
     * A text cell that no spreadsheet program evaluates: every cell the app writes goes through here. A string cell
     * is never computed as it is, but one that starts like a formula ({@link InputText#formulaLike}) also gets the
     * quote prefix, so that editing it in Excel keeps it text.
     */
    public static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column, CellType.STRING);
        cell.setCellValue(value);
        if (InputText.formulaLike(value)) {
            CellStyle quoted = row.getSheet().getWorkbook().createCellStyle();
            quoted.setQuotePrefixed(true);
            cell.setCellStyle(quoted);
        }
        return cell;
    }

    /** The columns with what each accepts, as a section. */
    public static int columns(Sheet sheet, int row, CellStyle bold, String title, List<? extends Column> columns) {
        return section(sheet, row, bold, title,
                columns.stream().map(c -> new String[] {c.heading(), c.accepts()}).toList());
    }

    /** The template as a download named {@code fileName}. */
    public static ResponseEntity<byte[]> download(String fileName, byte[] xlsx) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SheetReader.XLSX_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(xlsx);
    }
}
