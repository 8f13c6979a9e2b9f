package ru.nastavnik.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An A4 document of the product (orders, reports) written top to bottom: wrapped paragraphs and tables whose rows
 * move whole to the next page (repeating the header), DejaVu Sans embedded so that Cyrillic shows everywhere, pages
 * numbered from the second. Characters the font lacks print as «?» instead of failing the document.
 */
public final class PdfPages implements AutoCloseable {

    public enum Align { LEFT, CENTER, RIGHT }

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 70;
    private static final float RIGHT = 42;
    private static final float TOP = 50;
    private static final float BOTTOM = 50;
    public static final float WIDTH = PAGE.getWidth() - LEFT - RIGHT;
    private static final float PAD = 3;

    private final PDDocument doc = new PDDocument();
    public final PDType0Font regular;
    public final PDType0Font bold;
    private PDPageContentStream content;
    private float y;
    private int pages;

    public PdfPages() {
        try {
            regular = font("/fonts/DejaVuSans.ttf");
            bold = font("/fonts/DejaVuSans-Bold.ttf");
            newPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The finished document with its title and subject, in Russian. */
    public byte[] save(String title, String subject) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            closePage();
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

    @Override
    public void close() {
        try {
            closePage();
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDType0Font font(String resource) throws IOException {
        try (InputStream in = PdfPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    private void newPage() throws IOException {
        closePage();
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        content = new PDPageContentStream(doc, page);
        pages++;
        if (pages > 1) {
            text(String.valueOf(pages), regular, 9, LEFT + WIDTH / 2 - 3, PAGE.getHeight() - TOP + 20);
        }
        y = PAGE.getHeight() - TOP;
    }

    private void closePage() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    public void space(float points) {
        y -= points;
    }

    public void paragraph(String text, PDType0Font font, float size, Align align, float indent, float after) {
        try {
            float leading = size * 1.35f;
            List<String> lines = wrap(text, font, size, WIDTH, indent);
            for (int i = 0; i < lines.size(); i++) {
                if (y - leading < BOTTOM) {
                    newPage();
                }
                y -= leading;
                String line = lines.get(i);
                float width = width(line, font, size);
                float x = switch (align) {
                    case LEFT -> LEFT + (i == 0 ? indent : 0);
                    case CENTER -> LEFT + (WIDTH - width) / 2;
                    case RIGHT -> LEFT + WIDTH - width;
                };
                text(line, font, size, x, y + size * 0.3f);
            }
            y -= after;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void twoSided(String left, String right, PDType0Font font, float size, float after) {
        try {
            y -= size * 1.35f;
            text(printable(left, font), font, size, LEFT, y + size * 0.3f);
            String r = printable(right, font);
            text(r, font, size, LEFT + WIDTH - width(r, font, size), y + size * 0.3f);
            y -= after;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A table over the full width: {@code relativeWidths} shared out in proportion; the first column and the header
     * centred; {@code numeric} columns right-aligned.
     */
    public void table(String[] header, float[] relativeWidths, List<String[]> rows, boolean... numeric) {
        float total = 0;
        for (float w : relativeWidths) {
            total += w;
        }
        float[] widths = new float[relativeWidths.length];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = WIDTH * relativeWidths[c] / total;
        }
        try {
            row(header, header, widths, bold, true, numeric);
            for (String[] cells : rows) {
                row(header, cells, widths, regular, false, numeric);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(String[] header, String[] cells, float[] widths, PDType0Font font, boolean isHeader,
                     boolean[] numeric) throws IOException {
        float size = isHeader ? 9 : 9.5f;
        float leading = size * 1.3f;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int c = 0; c < cells.length; c++) {
            List<String> l = wrap(cells[c] == null ? "" : cells[c], font, size, widths[c] - 2 * PAD, 0);
            wrapped.add(l);
            lines = Math.max(lines, l.size());
        }
        float height = lines * leading + 2 * PAD;
        if (y - height < BOTTOM) {
            newPage();
            if (!isHeader) {
                row(header, header, widths, bold, true, numeric);
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
        for (int c = 0; c < cells.length; c++) {
            content.addRect(x, y - height, widths[c], height);
            content.stroke();
            float ty = y - PAD;
            for (String line : wrapped.get(c)) {
                ty -= leading;
                float lineWidth = width(line, font, size);
                float tx = isHeader || c == 0 ? x + (widths[c] - lineWidth) / 2
                        : c < numeric.length && numeric[c] ? x + widths[c] - PAD - lineWidth : x + PAD;
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

    /** Greedy word wrap; a word wider than the line is cut. Explicit line breaks are kept. */
    public static List<String> wrap(String text, PDType0Font font, float size, float width, float firstIndent)
            throws IOException {
        List<String> lines = new ArrayList<>();
        for (String part : printable(text, font).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : part.trim().split(" +")) {
                float room = width - (lines.isEmpty() ? firstIndent : 0);
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= room) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (width(word, font, size) > width) {
                    int cut = word.length() - 1;
                    while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    int hyphen = word.lastIndexOf('-', cut - 1);
                    if (hyphen > 0) {
                        cut = hyphen + 1;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static float width(String text, PDType0Font font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Tabs become spaces; characters the font has no glyph for become «?» rather than failing the document. */
    public static String printable(String text, PDType0Font font) {
        StringBuilder out = new StringBuilder();
        text.replace('\t', ' ').replace("\r", "").codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
                return;
            }
            String s = new String(Character.toChars(cp));
            try {
                font.encode(s);
                out.append(Character.isISOControl(cp) ? " " : s);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
