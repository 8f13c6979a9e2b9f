package ru.nastavnik.spreadsheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import ru.nastavnik.spreadsheet.SheetReader.LimitExceeded;
import ru.nastavnik.spreadsheet.SheetReader.Rows;
import ru.nastavnik.spreadsheet.SheetReader.UnreadableFileException;

/**
 * The first visible sheet of an XLSX file, read as a stream of SAX events (POI's event API, not a workbook in memory):
 * the archive is opened from a temporary file, so entries are unpacked only as they are parsed, and every part read
 * goes through a counter charged to {@link Rows#charge}. POI's own zip-bomb check (inflate ratio) stays on; a file
 * under that ratio is stopped by the counter. Only the rows are kept, within the limits {@link Rows} checks.
 */
final class XlsxReader {

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private XlsxReader() {
    }

    static void read(byte[] content, Rows rows) throws UnreadableFileException {
        Path file = null;
        try {
            file = Files.createTempFile("nastavnik-import-", ".xlsx");
            Files.write(file, content);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                String sheet = firstVisibleSheet(counted(reader.getWorkbookData(), rows));
                if (sheet == null) {
                    throw new UnreadableFileException("В книге Excel нет видимых листов");
                }
                List<String> strings = sharedStrings(reader, rows);
                boolean[] dateStyles = dateStyles(reader, rows);
                parse(counted(reader.getSheet(sheet), rows), new SheetHandler(rows, strings, dateStyles));
            }
        } catch (LimitExceeded | UnreadableFileException e) {
            throw e;
        } catch (Exception e) {
            if (zipBomb(e)) {
                throw new LimitExceeded("POI zip bomb check: " + e.getMessage(), "Файл Excel сжат подозрительно "
                        + "сильно (так выглядит «zip-бомба»): сохраните анкеты заново из Excel или как CSV");
            }
            LimitExceeded limit = limitIn(e);
            if (limit != null) {
                throw limit;
            }
            throw new UnreadableFileException("Файл Excel не удалось прочитать: он повреждён или это не XLSX");
        } finally {
            deleteQuietly(file);
        }
    }

    private static void parse(InputStream in, ContentHandler handler) throws Exception {
        try (in) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(in));
        }
    }

    /** The relationship id of the first sheet that is neither hidden nor very hidden, or null. */
    private static String firstVisibleSheet(InputStream workbook) throws Exception {
        String[] found = new String[1];
        parse(workbook, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                String state = attributes.getValue("state");
                if (found[0] == null && "sheet".equals(localName) && (state == null || state.equals("visible"))) {
                    found[0] = attributes.getValue(RELATIONSHIPS, "id");
                }
            }
        });
        return found[0];
    }

    private static List<String> sharedStrings(XSSFReader reader, Rows rows) throws Exception {
        InputStream data;
        try {
            data = reader.getSharedStringsData();
        } catch (Exception e) {
            return List.of();
        }
        if (data == null) {
            return List.of();
        }
        try (InputStream in = counted(data, rows)) {
            ReadOnlySharedStringsTable table = new ReadOnlySharedStringsTable(in);
            List<String> strings = new ArrayList<>(table.getUniqueCount());
            for (int i = 0; i < table.getUniqueCount(); i++) {
                strings.add(table.getItemAt(i).getString());
            }
            return strings;
        }
    }

    /** Which cell styles (the index in {@code cellXfs}) show a date: their numbers are read as ISO dates. */
    private static boolean[] dateStyles(XSSFReader reader, Rows rows) throws Exception {
        InputStream data;
        try {
            data = reader.getStylesData();
        } catch (Exception e) {
            return new boolean[0];
        }
        if (data == null) {
            return new boolean[0];
        }
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> styleFormats = new ArrayList<>();
        parse(counted(data, rows), new DefaultHandler() {
            boolean cellXfs;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("numFmt".equals(localName)) {
                    formats.put(Integer.parseInt(attributes.getValue("numFmtId")), attributes.getValue("formatCode"));
                } else if ("cellXfs".equals(localName)) {
                    cellXfs = true;
                } else if (cellXfs && "xf".equals(localName)) {
                    String id = attributes.getValue("numFmtId");
                    styleFormats.add(id == null ? 0 : Integer.parseInt(id));
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if ("cellXfs".equals(localName)) {
                    cellXfs = false;
                }
            }
        });
        boolean[] dates = new boolean[styleFormats.size()];
        for (int s = 0; s < dates.length; s++) {
            int id = styleFormats.get(s);
            String format = formats.getOrDefault(id, BuiltinFormats.getBuiltinFormat(id));
            dates[s] = format != null && DateUtil.isADateFormat(id, format);
        }
        return dates;
    }

    /**
     * The cells of the sheet as the rows of the file: text as shown (shared and inline strings, cached formula
     * results), numbers without a locale, dates as ISO strings, booleans as «да»/«нет», errors empty.
     */
    private static final class SheetHandler extends DefaultHandler {
        private final Rows rows;
        private final List<String> strings;
        private final boolean[] dateStyles;
        private final StringBuilder value = new StringBuilder();
        private List<String> cells;
        private int row;
        private int column;
        private String type;
        private int style;
        private boolean collecting;
        private boolean inline;
        private boolean phonetic;

        SheetHandler(Rows rows, List<String> strings, boolean[] dateStyles) {
            this.rows = rows;
            this.strings = strings;
            this.dateStyles = dateStyles;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? column + 1 : new CellReference(ref).getCol();
                    rows.checkColumn(row, column);
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    value.setLength(0);
                }
                case "v" -> collecting = true;
                case "is" -> inline = true;
                case "rPh" -> phonetic = true;
                case "t" -> collecting = inline && !phonetic;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                value.append(ch, start, length);
                rows.checkCell(row, column, value.length());
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "is" -> inline = false;
                case "rPh" -> phonetic = false;
                case "c" -> {
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    cells.add(text());
                }
                case "row" -> rows.add(row, cells);
                default -> {
                }
            }
        }

        private String text() {
            String raw = value.toString();
            if (type == null || type.equals("n")) {
                if (raw.isBlank()) {
                    return "";
                }
                double number = Double.parseDouble(raw);
                return style < dateStyles.length && dateStyles[style] && DateUtil.isValidExcelDate(number)
                        ? DateUtil.getLocalDateTime(number).toLocalDate().toString()
                        : BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            }
            return switch (type) {
                case "s" -> {
                    int index = Integer.parseInt(raw.trim());
                    yield index >= 0 && index < strings.size() ? strings.get(index) : "";
                }
                case "b" -> raw.trim().equals("1") ? "да" : "нет";
                case "e" -> "";
                default -> raw; // inlineStr, str (a formula's text), d (an ISO date)
            };
        }
    }

    /** The part's bytes as unpacked, each charged to the budget as it is read. */
    private static InputStream counted(InputStream in, Rows rows) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    rows.charge(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    rows.charge(n);
                }
                return n;
            }
        };
    }

    /** The parser may wrap the counter's refusal (thrown inside a stream or handler) in its own exceptions. */
    private static LimitExceeded limitIn(Throwable e) {
        for (Throwable t = e; t != null; t = t instanceof SAXException sax && sax.getException() != null
                ? sax.getException() : t.getCause()) {
            if (t instanceof LimitExceeded limit) {
                return limit;
            }
        }
        return null;
    }

    /** POI's inflate-ratio check says so in its message (there is no exception type for it). */
    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase().contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is cleaned with the temp directory
            }
        }
    }
}
