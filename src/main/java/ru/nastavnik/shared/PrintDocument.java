package ru.nastavnik.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/**
 * A document to print and sign (an order, the roadmap, a pair's plan) written once as a list of blocks and rendered
 * as PDF (A4, DejaVu Sans embedded, so Cyrillic shows in every viewer) or as DOCX (A4, Times New Roman, for the
 * school to edit). No Spring, no database: the features build the blocks from their data.
 */
public final class PrintDocument {

    public enum Align { LEFT, CENTER, RIGHT, JUSTIFY }

    /** A piece of the document, top to bottom. */
    public sealed interface Block permits Text, TwoSided, Space, Table {
    }

    /**
     * A wrapped paragraph; {@code indent}: a first-line indent, as in the body of an official letter. A line break in
     * the text starts a new line of the same paragraph.
     */
    public record Text(String text, boolean bold, float size, Align align, boolean indent, float after)
            implements Block {
    }

    /** One line with a text at the left margin and one at the right (a date and a number). */
    public record TwoSided(String left, String right, float size, float after) implements Block {
    }

    public record Space(float points) implements Block {
    }

    /**
     * A table whose rows never split across pages; the header repeats on every page. {@code widths} are relative;
     * the header and the first column are centred.
     */
    public record Table(List<String> header, float[] widths, List<List<String>> rows) implements Block {
    }

    private PrintDocument() {
    }

    public static Text text(String text, float size) {
        return new Text(text, false, size, Align.LEFT, false, size * 0.5f);
    }

    public static Text bold(String text, float size, Align align) {
        return new Text(text, true, size, align, false, size * 0.5f);
    }

    public static Text centred(String text, float size) {
        return new Text(text, false, size, Align.CENTER, false, size * 0.5f);
    }

    /** «Директор  ______________________  / Иванов И. И. /», blank to write the name by hand when it is unknown. */
    public static Text signature(String role, String name) {
        return new Text(role + "  ______________________  " + (name == null || name.isBlank()
                ? "/ ______________________ /" : "/ " + name + " /"), false, 11, Align.LEFT, false, 14);
    }

    // ---------------------------------------------------------------- PDF

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 70;
    private static final float RIGHT = 42;
    private static final float TOP = 50;
    private static final float BOTTOM = 50;
    private static final float WIDTH = PAGE.getWidth() - LEFT - RIGHT;
    private static final float PAD = 3;

    /** The blocks as an A4 PDF; {@code title} and {@code subject} go into the document's properties. */
    public static byte[] pdf(List<Block> blocks, String title, String subject) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfWriter w = new PdfWriter(doc, PdfText.regular(doc), PdfText.bold(doc));
            for (Block block : blocks) {
                if (block instanceof Text t) {
                    w.paragraph(t.text(), t.bold() ? w.bold : w.regular, t.size(), t.align(), t.indent() ? 28 : 0,
                            t.after());
                } else if (block instanceof TwoSided t) {
                    w.twoSided(t.left(), t.right(), w.regular, t.size(), t.after());
                } else if (block instanceof Space s) {
                    w.space(s.points());
                } else if (block instanceof Table t) {
                    w.table(t);
                }
            }
            w.close();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setSubject(subject);
            doc.getDocumentCatalog().setLanguage("ru-RU");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cursor over A4 pages: wrapped paragraphs and a table whose rows move whole to the next page. */
    private static final class PdfWriter {
        private final PDDocument doc;
        final PDType0Font regular;
        final PDType0Font bold;
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
                    case LEFT, JUSTIFY -> LEFT + (i == 0 ? indent : 0);
                    case CENTER -> LEFT + (WIDTH - width) / 2;
                    case RIGHT -> LEFT + WIDTH - width;
                };
                text(line, font, size, x, y + size * 0.3f);
            }
            y -= after;
        }

        void twoSided(String left, String right, PDType0Font font, float size, float after) throws IOException {
            if (y - size * 1.35f < BOTTOM) {
                newPage();
            }
            y -= size * 1.35f;
            text(PdfText.printable(left, font), font, size, LEFT, y + size * 0.3f);
            String r = PdfText.printable(right, font);
            text(r, font, size, LEFT + WIDTH - PdfText.width(r, font, size), y + size * 0.3f);
            y -= after;
        }

        void table(Table table) throws IOException {
            float total = 0;
            for (float w : table.widths()) {
                total += w;
            }
            float[] widths = new float[table.widths().length];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = WIDTH * table.widths()[c] / total;
            }
            row(table.header(), table.header(), widths, bold, true);
            for (List<String> cells : table.rows()) {
                row(cells, table.header(), widths, regular, false);
            }
        }

        private void row(List<String> cells, List<String> header, float[] widths, PDType0Font font, boolean isHeader)
                throws IOException {
            float size = isHeader ? 9 : 9.5f;
            float leading = size * 1.3f;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < cells.size(); c++) {
                List<String> l = PdfText.wrap(cells.get(c), font, size, widths[c] - 2 * PAD, 0);
                wrapped.add(l);
                lines = Math.max(lines, l.size());
            }
            float height = lines * leading + 2 * PAD;
            if (y - height < BOTTOM) {
                newPage();
                if (!isHeader) {
                    row(header, header, widths, bold, true);
                }
            }
            float x = LEFT;
            if (isHeader) {
                content.setNonStrokingColor(0.92f, 0.92f, 0.92f);
                content.addRect(LEFT, y - height, WIDTH, height);
                content.fill();
                content.setNonStrokingColor(0f, 0f, 0f);
            }
            content.setLineWidth(0.5f);
            for (int c = 0; c < cells.size(); c++) {
                content.addRect(x, y - height, widths[c], height);
                content.stroke();
                float ty = y - PAD;
                for (String line : wrapped.get(c)) {
                    ty -= leading;
                    float tx = isHeader || c == 0 ? x + (widths[c] - PdfText.width(line, font, size)) / 2 : x + PAD;
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

    // ---------------------------------------------------------------- DOCX

    /** Width of the text between the A4 margins below, in twentieths of a point. */
    private static final int TEXT_TWIPS = 11906 - 1701 - 850;

    /** The blocks as an A4 Word document in Times New Roman (sizes as in the PDF, plus two points: Word's habit). */
    public static byte[] docx(List<Block> blocks, String title) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageA4(doc);
            for (Block block : blocks) {
                if (block instanceof Text t) {
                    XWPFParagraph p = paragraph(doc, alignment(t.align()), t.text(), t.bold(), points(t.size()),
                            Math.round(t.after() * 20));
                    if (t.indent()) {
                        p.setFirstLineIndent(709);
                    }
                } else if (block instanceof TwoSided t) {
                    rightTab(paragraph(doc, ParagraphAlignment.LEFT, t.left() + "\t" + t.right(), false,
                            points(t.size()), Math.round(t.after() * 20)));
                } else if (block instanceof Space s) {
                    doc.createParagraph().setSpacingAfter(Math.round(s.points() * 20));
                } else if (block instanceof Table t) {
                    table(doc, t);
                }
            }
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tab stop at the right margin: the text after the tab ends there (a number facing a date). */
    public static void rightTab(XWPFParagraph p) {
        CTTabStop stop = (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewTabs()
                .addNewTab();
        stop.setVal(STTabJc.RIGHT);
        stop.setPos(BigInteger.valueOf(TEXT_TWIPS));
    }

    private static int points(float pdfSize) {
        return Math.round(pdfSize) + 2;
    }

    private static ParagraphAlignment alignment(Align align) {
        return switch (align) {
            case LEFT -> ParagraphAlignment.LEFT;
            case CENTER -> ParagraphAlignment.CENTER;
            case RIGHT -> ParagraphAlignment.RIGHT;
            case JUSTIFY -> ParagraphAlignment.BOTH;
        };
    }

    private static void table(XWPFDocument doc, Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        table.setTableAlignment(TableRowAlign.CENTER);
        float total = 0;
        for (float w : t.widths()) {
            total += w;
        }
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < t.header().size(); c++) {
            cell(header.getCell(c), t.header().get(c), true, c, 100 * t.widths()[c] / total);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            List<String> cells = t.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                cell(row.getCell(c), cells.get(c), false, c, 100 * t.widths()[c] / total);
            }
        }
    }

    /** A4 with the margins of Russian official papers (ГОСТ Р 7.0.97: left 30 mm, right 15 mm, 20 mm top and bottom). */
    public static void pageA4(XWPFDocument doc) {
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

    public static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align, String text, boolean bold,
                                          int size, int after) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingAfter(after);
        run(p, text, bold, size);
        return p;
    }

    /** One run per piece: line breaks and tabs become Word's own breaks and tabs. */
    public static void run(XWPFParagraph p, String text, boolean bold, int size) {
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

    public static void cell(XWPFTableCell cell, String text, boolean bold, int column, float percent) {
        cell.setWidth(String.format(Locale.ROOT, "%.0f%%", percent));
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(bold || column == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        p.setSpacingAfter(0);
        run(p, text, bold, 11);
    }
}
