package ru.nastavnik.pairorder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import ru.nastavnik.shared.SchoolClock;

/**
 * The order's DOCX made by filling a Word template: {@code ${name}} placeholders in paragraphs, tables, headers and
 * footers, and one table row holding {@code ${row.…}} placeholders, repeated for every pair (group). The school edits
 * the built-in template (src/main/resources/documents/pair-order.docx) in Word, e.g. on its letterhead, and uploads it
 * ({@link OrderTemplates}). A paragraph holding a placeholder takes the formatting of its first run (Word may split a
 * typed placeholder over several runs); a paragraph made only of placeholders that come out empty is removed (the
 * «ПРОЕКТ» mark of an approved order, the point on a replaced order of a first one). No Spring, no database.
 */
final class OrderTemplate {

    static final String BUILT_IN = "/documents/pair-order.docx";

    /** Every placeholder with what it stands for, as the upload page and README list them. */
    static final Map<String, String> FIELDS = fields();
    static final Map<String, String> ROW_FIELDS = Map.of(
            "row.no", "№ строки («1.»)",
            "row.mentor", "наставник",
            "row.mentees", "наставляемые, каждый с новой строки",
            "row.form", "форма наставничества",
            "row.roleVariant", "вариант ролей («—», если не определён)");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z.]+)}");

    private OrderTemplate() {
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("draftMark", "«ПРОЕКТ» у проекта, пусто у утверждённого распоряжения");
        f.put("school", "название школы");
        f.put("schoolYear", "учебный год («2026/2027»)");
        f.put("date", "дата распоряжения («02.10.2026»; у проекта — «___» __________ 20__ г.)");
        f.put("number", "номер распоряжения (у проекта — _____)");
        f.put("pairCount", "число пар и групп");
        f.put("menteeCount", "число наставляемых");
        f.put("curator", "ФИО куратора программы");
        f.put("director", "ФИО директора, утвердившего распоряжение (у проекта — линия для подписи)");
        f.put("replacesPoint", "пункт «Распоряжение … считать утратившим силу» у распоряжения, заменяющего прежнее, "
                + "иначе пусто");
        f.put("controlNumber", "номер пункта «Контроль за исполнением…» (3 или 4)");
        return Map.copyOf(f);
    }

    static byte[] builtIn() {
        try (InputStream in = OrderTemplate.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("The order template " + BUILT_IN + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> values(PairOrderDocument.Model m) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("draftMark", m.draft() ? "ПРОЕКТ" : "");
        v.put("school", m.school());
        v.put("schoolYear", m.schoolYear() == null ? "" : m.schoolYear());
        v.put("date", PairOrderDocument.dateText(m));
        v.put("number", PairOrderDocument.numberText(m));
        v.put("pairCount", String.valueOf(m.rows().size()));
        v.put("menteeCount", String.valueOf(m.rows().stream().mapToInt(r -> r.mentees().size()).sum()));
        v.put("curator", m.curator());
        v.put("director", m.director() == null ? "______________________" : m.director());
        v.put("replacesPoint", m.replaces() == null ? "" : "3. Распоряжение " + m.replaces() + " в части закрепления "
                + "наставнических пар (групп) считать утратившим силу со дня подписания настоящего распоряжения.");
        v.put("controlNumber", m.replaces() == null ? "3" : "4");
        return v;
    }

    static List<Map<String, String>> rows(PairOrderDocument.Model m) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < m.rows().size(); i++) {
            String[] cells = PairOrderDocument.cells(i, m.rows().get(i));
            rows.add(Map.of("row.no", cells[0], "row.mentor", cells[1], "row.mentees", cells[2], "row.form", cells[3],
                    "row.roleVariant", cells[4]));
        }
        return rows;
    }

    /** The order as DOCX from the template's bytes. */
    static byte[] fill(byte[] template, PairOrderDocument.Model m) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Map<String, String> values = values(m);
            List<Map<String, String>> rows = rows(m);
            fillBody(doc, values, rows);
            for (XWPFHeaderFooter part : headersAndFooters(doc)) {
                fillBody(part, values, rows);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with a template, in Russian (empty when it is fine): the pairs' row, unknown placeholders. */
    static List<String> problems(XWPFDocument doc) {
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        int[] rowTemplates = {0};
        List<IBody> bodies = new ArrayList<>(headersAndFooters(doc));
        bodies.add(0, doc);
        for (IBody body : bodies) {
            forEachParagraph(body, (p, inRow) -> {
                Matcher matcher = PLACEHOLDER.matcher(text(p));
                while (matcher.find()) {
                    String name = matcher.group(1);
                    if (!FIELDS.containsKey(name) && !(inRow && ROW_FIELDS.containsKey(name))) {
                        unknown.add("${" + name + "}");
                    }
                }
            }, row -> rowTemplates[0]++);
        }
        if (rowTemplates[0] != 1) {
            problems.add(rowTemplates[0] == 0
                    ? "В шаблоне нет строки таблицы с полями пар (${row.mentor}, ${row.mentees} …): без неё в "
                    + "распоряжении не будет пар"
                    : "В шаблоне несколько строк таблицы с полями ${row.…}: оставьте одну, она повторяется для "
                    + "каждой пары");
        }
        if (!unknown.isEmpty()) {
            problems.add("Неизвестные поля в шаблоне: " + String.join(", ", unknown) + " (поля ${row.…} — только в "
                    + "строке таблицы пар)");
        }
        return problems;
    }

    private static List<XWPFHeaderFooter> headersAndFooters(XWPFDocument doc) {
        List<XWPFHeaderFooter> parts = new ArrayList<>(doc.getHeaderList());
        parts.addAll(doc.getFooterList());
        return parts;
    }

    private interface ParagraphVisitor {
        void visit(XWPFParagraph paragraph, boolean inPairRow);
    }

    private interface RowVisitor {
        void visit(XWPFTableRow row);
    }

    /** Every paragraph, in tables too; {@code rows} sees each table row that holds {@code ${row.…}}. */
    private static void forEachParagraph(IBody body, ParagraphVisitor paragraphs, RowVisitor rows) {
        for (IBodyElement element : List.copyOf(body.getBodyElements())) {
            if (element instanceof XWPFParagraph p) {
                paragraphs.visit(p, false);
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    boolean pairRow = isPairRow(row);
                    if (pairRow) {
                        rows.visit(row);
                    }
                    for (XWPFTableCell cell : row.getTableCells()) {
                        for (XWPFParagraph p : cell.getParagraphs()) {
                            paragraphs.visit(p, pairRow);
                        }
                    }
                }
            }
        }
    }

    private static boolean isPairRow(XWPFTableRow row) {
        return row.getTableCells().stream().anyMatch(c -> c.getText().contains("${row."));
    }

    private static void fillBody(IBody body, Map<String, String> values, List<Map<String, String>> rows) {
        for (IBodyElement element : List.copyOf(body.getBodyElements())) {
            if (element instanceof XWPFParagraph p) {
                fillParagraph(p, values);
            } else if (element instanceof XWPFTable table) {
                fillTable(table, values, rows);
            }
        }
    }

    private static void fillTable(XWPFTable table, Map<String, String> values, List<Map<String, String>> rows) {
        for (int r = 0; r < table.getRows().size(); r++) {
            XWPFTableRow row = table.getRow(r);
            if (isPairRow(row)) {
                // Each copy is filled before it goes into the table, which keeps its own copy of the XML.
                for (int i = 0; i < rows.size(); i++) {
                    XWPFTableRow copy = new XWPFTableRow((CTRow) row.getCtRow().copy(), table);
                    Map<String, String> rowValues = new LinkedHashMap<>(values);
                    rowValues.putAll(rows.get(i));
                    fillCells(copy, rowValues);
                    table.addRow(copy, r + 1 + i);
                }
                table.removeRow(r);
                r += rows.size() - 1;
            } else {
                fillCells(row, values);
            }
        }
    }

    private static void fillCells(XWPFTableRow row, Map<String, String> values) {
        for (XWPFTableCell cell : row.getTableCells()) {
            for (XWPFParagraph p : List.copyOf(cell.getParagraphs())) {
                fillParagraph(p, values);
            }
        }
    }

    private static String text(XWPFParagraph p) {
        StringBuilder text = new StringBuilder();
        for (XWPFRun run : p.getRuns()) {
            text.append(run.text());
        }
        return text.toString();
    }

    /** Replaces the paragraph's placeholders; its runs become one run formatted as its first one. */
    private static void fillParagraph(XWPFParagraph p, Map<String, String> values) {
        String text = text(p);
        if (!PLACEHOLDER.matcher(text).find()) {
            return;
        }
        String filled = PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                values.getOrDefault(m.group(1), m.group())));
        if (filled.isBlank() && PLACEHOLDER.matcher(text).replaceAll("").isBlank()
                && !(p.getBody() instanceof XWPFTableCell)) {
            removeParagraph(p);
            return;
        }
        CTRPr style = p.getRuns().get(0).getCTR().isSetRPr() ? (CTRPr) p.getRuns().get(0).getCTR().getRPr().copy()
                : null;
        for (int i = p.getRuns().size() - 1; i >= 0; i--) {
            p.removeRun(i);
        }
        String[] lines = filled.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] pieces = lines[i].split("\t", -1);
            for (int j = 0; j < pieces.length; j++) {
                XWPFRun run = p.createRun();
                if (style != null) {
                    run.getCTR().setRPr((CTRPr) style.copy());
                }
                if (i > 0 && j == 0) {
                    run.addBreak();
                }
                if (j > 0) {
                    run.addTab();
                }
                run.setText(pieces[j]);
            }
        }
    }

    private static void removeParagraph(XWPFParagraph p) {
        IBody body = p.getBody();
        if (body instanceof XWPFDocument doc) {
            doc.removeBodyElement(doc.getPosOfParagraph(p));
        } else if (body instanceof XWPFHeaderFooter part) {
            part.removeParagraph(p);
        }
    }
}
