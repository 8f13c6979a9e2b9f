package ru.nastavnik.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Russian text in PDFBox documents: the DejaVu Sans fonts embedded (subset) from the classpath, so that Cyrillic
 * prints and can be extracted again, word wrap, and text made printable in a font.
 */
public final class PdfText {

    private PdfText() {
    }

    public static PDType0Font regular(PDDocument doc) throws IOException {
        return font(doc, "/fonts/DejaVuSans.ttf");
    }

    public static PDType0Font bold(PDDocument doc) throws IOException {
        return font(doc, "/fonts/DejaVuSans-Bold.ttf");
    }

    static PDType0Font font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = PdfText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            }
            return PDType0Font.load(doc, in, true);
        }
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


    public static float width(String text, PDType0Font font, float size) throws IOException {
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
