package ru.nastavnik.pairorder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import ru.nastavnik.shared.PdfText;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import ru.nastavnik.shared.SchoolClock;

/**
 * «Распоряжение о закреплении наставнических пар (групп)» rendered from a plain model, as DOCX (for the school to
 * edit and print) and as PDF (DejaVu Sans embedded, so Cyrillic shows everywhere). No Spring, no database.
 * The text of both formats is the same; {@link #paragraphs(Model)} is the one place it is written.
 */
public final class PairOrderDocument {

    /** A table row: one mentor with the mentee (a pair) or mentees (a group). */
    public record Row(String mentor, List<String> mentees, String form, String roleVariant) {
    }

    /**
     * @param number      null for a draft (then the document says «ПРОЕКТ» and leaves the number blank)
     * @param date        null for a draft
     * @param city        the school's town, or null when not known (the line is then left out)
     * @param replaces    the order this one changes, as «№ 1 от 15.09.2026», or null
     * @param director    the director's name for the signature line, or null (blank to sign by hand)
     */
    public record Model(String school, String schoolYear, String city, String number, LocalDate date,
                        String curator, String director, String replaces, List<Row> rows) {

        public boolean draft() {
            return number == null;
        }
    }

    public static final String TITLE = "РАСПОРЯЖЕНИЕ";
    public static final String SUBJECT = "О закреплении наставнических пар (групп)";
    static final String[] HEADER = {"№ п/п", "Наставник", "Наставляемый (наставляемые)", "Форма наставничества",
            "Вариант ролей"};
    /** Relative widths of the table's columns, the same in both formats. */
    private static final float[] WIDTHS = {7, 24, 29, 19, 21};

    private PairOrderDocument() {
    }

    // ---------------------------------------------------------------- the text

    static String dateText(Model m) {
        return m.date() == null ? "«___» __________ 20__ г." : SchoolClock.RUSSIAN_DATE.format(m.date());
    }

    static String numberText(Model m) {
        return m.number() == null ? "_____" : m.number();
    }

    static String numberLine(Model m) {
        return dateText(m) + "\t\t\t\t\t\t\t№ " + numberText(m);
    }

    /** The body before the table: the preamble and the numbered points. */
    static List<String> paragraphs(Model m) {
        List<String> p = new ArrayList<>();
        p.add("В целях реализации программы наставничества " + m.school()
                + (m.schoolYear() == null ? "" : " на " + m.schoolYear() + " учебный год")
                + " в соответствии с целевой моделью наставничества (распоряжение Министерства просвещения "
                + "Российской Федерации от 25.12.2019 № Р-145) и по итогам формирования наставнических пар (групп)");
        p.add("ПРЕДПИСЫВАЮ:");
        p.add("1. Закрепить наставнические пары (группы) согласно приложению к настоящему распоряжению "
                + "(пар и групп: " + m.rows().size() + ", наставляемых: "
                + m.rows().stream().mapToInt(r -> r.mentees().size()).sum() + ").");
        p.add("2. Куратору программы наставничества " + m.curator() + " организовать работу наставнических пар "
                + "(групп) в соответствии с дорожной картой программы.");
        int next = 3;
        if (m.replaces() != null) {
            p.add(next++ + ". Распоряжение " + m.replaces() + " в части закрепления наставнических пар (групп) "
                    + "считать утратившим силу со дня подписания настоящего распоряжения.");
        }
        p.add(next + ". Контроль за исполнением настоящего распоряжения оставляю за собой.");
        return p;
    }

    static String tableCaption() {
        return "Приложение. Наставнические пары (группы)";
    }

    static String responsible(Model m) {
        return "Ответственный: куратор программы наставничества " + m.curator();
    }

    static String signature(Model m) {
        return "Директор  ______________________  " + (m.director() == null ? "/ ______________________ /"
                : "/ " + m.director() + " /");
    }

    static String[] cells(int index, Row row) {
        return new String[] {index + 1 + ".", row.mentor(), String.join("\n", row.mentees()), row.form(),
                row.roleVariant() == null || row.roleVariant().isBlank() ? "—" : row.roleVariant()};
    }

    // ---------------------------------------------------------------- DOCX

    public static byte[] docx(Model m) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageA4(doc);
            if (m.draft()) {
                para(doc, ParagraphAlignment.RIGHT, "ПРОЕКТ", true, 12, 0);
            }
            para(doc, ParagraphAlignment.CENTER, m.school(), true, 14, 240);
            para(doc, ParagraphAlignment.CENTER, TITLE, true, 16, 0);
            para(doc, ParagraphAlignment.CENTER, SUBJECT, false, 14, 240);
            para(doc, ParagraphAlignment.LEFT, numberLine(m), false, 14, m.city() == null ? 240 : 0);
            if (m.city() != null) {
                para(doc, ParagraphAlignment.CENTER, "г. " + m.city(), false, 14, 240);
            }
            for (String text : paragraphs(m)) {
                XWPFParagraph p = para(doc, ParagraphAlignment.BOTH, text, text.equals("ПРЕДПИСЫВАЮ:"), 14, 120);
                p.setFirstLineIndent(text.equals("ПРЕДПИСЫВАЮ:") ? 0 : 709);
            }
            para(doc, ParagraphAlignment.CENTER, tableCaption(), true, 13, 120).setSpacingBefore(240);

            XWPFTable table = doc.createTable(m.rows().size() + 1, HEADER.length);
            table.setWidth("100%");
            table.setTableAlignment(TableRowAlign.CENTER);
            XWPFTableRow header = table.getRow(0);
            header.setRepeatHeader(true);
            header.setCantSplitRow(true);
            for (int c = 0; c < HEADER.length; c++) {
                cell(header.getCell(c), HEADER[c], true, c);
            }
            for (int i = 0; i < m.rows().size(); i++) {
                XWPFTableRow row = table.getRow(i + 1);
                row.setCantSplitRow(true);
                String[] cells = cells(i, m.rows().get(i));
                for (int c = 0; c < cells.length; c++) {
                    cell(row.getCell(c), cells[c], false, c);
                }
            }
            para(doc, ParagraphAlignment.LEFT, responsible(m), false, 14, 360).setSpacingBefore(240);
            para(doc, ParagraphAlignment.LEFT, signature(m), false, 14, 0).setSpacingBefore(240);
            doc.getProperties().getCoreProperties().setTitle(TITLE + " " + SUBJECT.toLowerCase());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pageA4(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1701));
        margins.setRight(BigInteger.valueOf(850));
    }

    private static XWPFParagraph para(XWPFDocument doc, ParagraphAlignment align, String text, boolean bold,
                                      int size, int after) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingAfter(after);
        run(p, text, bold, size);
        return p;
    }

    /** One run per piece: line breaks and tabs become Word's own breaks and tabs. */
    private static void run(XWPFParagraph p, String text, boolean bold, int size) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] pieces = lines[i].split("\t", -1);
            for (int j = 0; j < pieces.length; j++) {
                XWPFRun r = p.createRun();
                r.setFontFamily("Times New Roman");
                r.setFontSize(size);
                r.setBold(bold);
                if (i > 0 && j == 0) {
                    r.addBreak();
                }
                if (j > 0) {
                    r.addTab();
                }
                r.setText(pieces[j]);
            }
        }
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold, int column) {
        cell.setWidth(String.format(java.util.Locale.ROOT, "%.0f%%", WIDTHS[column]));
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(bold || column == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        p.setSpacingAfter(0);
        run(p, text, bold, 11);
    }

    // ---------------------------------------------------------------- PDF

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 70;
    private static final float RIGHT = 42;
    private static final float TOP = 50;
    private static final float BOTTOM = 50;
    private static final float WIDTH = PAGE.getWidth() - LEFT - RIGHT;
    private static final float PAD = 3;

    public static byte[] pdf(Model m) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font regular = PdfText.regular(doc);
            PDType0Font bold = PdfText.bold(doc);
            PdfWriter w = new PdfWriter(doc, regular, bold);
            if (m.draft()) {
                w.paragraph("ПРОЕКТ", bold, 10, Align.RIGHT, 0, 4);
            }
            w.paragraph(m.school(), bold, 12, Align.CENTER, 0, 12);
            w.paragraph(TITLE, bold, 14, Align.CENTER, 0, 2);
            w.paragraph(SUBJECT, regular, 12, Align.CENTER, 0, 12);
            w.twoSided(dateText(m), "№ " + numberText(m), regular, 11, m.city() == null ? 12 : 2);
            if (m.city() != null) {
                w.paragraph("г. " + m.city(), regular, 11, Align.CENTER, 0, 12);
            }
            for (String text : paragraphs(m)) {
                boolean order = text.equals("ПРЕДПИСЫВАЮ:");
                w.paragraph(text, order ? bold : regular, 11, Align.LEFT, order ? 0 : 28, 6);
            }
            w.space(8);
            w.paragraph(tableCaption(), bold, 11, Align.CENTER, 0, 6);
            w.table(m.rows());
            w.space(14);
            w.paragraph(responsible(m), regular, 11, Align.LEFT, 0, 18);
            w.paragraph(signature(m), regular, 11, Align.LEFT, 0, 0);
            w.close();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(TITLE + " " + SUBJECT.toLowerCase());
            info.setSubject(m.school());
            doc.getDocumentCatalog().setLanguage("ru-RU");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum Align { LEFT, CENTER, RIGHT }

    /** A cursor over A4 pages: wrapped paragraphs and a table whose rows move whole to the next page. */
    private static final class PdfWriter {
        private final PDDocument doc;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private PDPageContentStream content;
        private float y;
        private int pages;

        PdfWriter(PDDocument doc, PDType0Font regular, PDType0Font bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            pages++;
            if (pages > 1) {
                text(String.valueOf(pages), regular, 9, LEFT + WIDTH / 2 - 3, PAGE.getHeight() - TOP + 20);
            }
            y = PAGE.getHeight() - TOP;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        void space(float points) {
            y -= points;
        }

        void paragraph(String text, PDType0Font font, float size, Align align, float indent, float after)
                throws IOException {
            float leading = size * 1.35f;
            List<String> lines = PdfText.wrap(text, font, size, WIDTH, indent);
            for (int i = 0; i < lines.size(); i++) {
                if (y - leading < BOTTOM) {
                    newPage();
                }
                y -= leading;
                String line = lines.get(i);
                float width = PdfText.width(line, font, size);
                float x = switch (align) {
                    case LEFT -> LEFT + (i == 0 ? indent : 0);
                    case CENTER -> LEFT + (WIDTH - width) / 2;
                    case RIGHT -> LEFT + WIDTH - width;
                };
                text(line, font, size, x, y + size * 0.3f);
            }
            y -= after;
        }

        void twoSided(String left, String right, PDType0Font font, float size, float after) throws IOException {
            y -= size * 1.35f;
            text(PdfText.printable(left, font), font, size, LEFT, y + size * 0.3f);
            String r = PdfText.printable(right, font);
            text(r, font, size, LEFT + WIDTH - PdfText.width(r, font, size), y + size * 0.3f);
            y -= after;
        }

        void table(List<Row> rows) throws IOException {
            float total = 0;
            for (float w : WIDTHS) {
                total += w;
            }
            float[] widths = new float[WIDTHS.length];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = WIDTH * WIDTHS[c] / total;
            }
            row(HEADER, widths, bold, true);
            for (int i = 0; i < rows.size(); i++) {
                row(cells(i, rows.get(i)), widths, regular, false);
            }
        }

        private void row(String[] cells, float[] widths, PDType0Font font, boolean header) throws IOException {
            float size = header ? 9 : 9.5f;
            float leading = size * 1.3f;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < cells.length; c++) {
                List<String> l = PdfText.wrap(cells[c], font, size, widths[c] - 2 * PAD, 0);
                wrapped.add(l);
                lines = Math.max(lines, l.size());
            }
            float height = lines * leading + 2 * PAD;
            if (y - height < BOTTOM) {
                newPage();
                if (!header) {
                    row(HEADER, widths, bold, true);
                }
            }
            float x = LEFT;
            if (header) {
                content.setNonStrokingColor(0.92f, 0.92f, 0.92f);
                content.addRect(LEFT, y - height, WIDTH, height);
                content.fill();
                content.setNonStrokingColor(0f, 0f, 0f);
            }
            content.setLineWidth(0.5f);
            for (int c = 0; c < cells.length; c++) {
                content.addRect(x, y - height, widths[c], height);
                content.stroke();
                float ty = y - PAD;
                for (String line : wrapped.get(c)) {
                    ty -= leading;
                    float tx = header || c == 0 ? x + (widths[c] - PdfText.width(line, font, size)) / 2 : x + PAD;
                    text(line, font, size, tx, ty + size * 0.28f);
                }
                x += widths[c];
            }
            y -= height;
        }

        private void text(String line, PDType0Font font, float size, float x, float baseline) throws IOException {
            if (line.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(line);
            content.endText();
        }
    }
}
