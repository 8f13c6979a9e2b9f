package ru.nastavnik.closing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import ru.nastavnik.shared.PdfText;
import ru.nastavnik.spreadsheet.ListSheet;
import ru.nastavnik.spreadsheet.ListSheet.Column;

/**
 * The papers of the closing, built from plain models without the database: a certificate (грамота) per nomination
 * and a thank-you letter (благодарственное письмо) per mentor as one-page PDFs with embedded Cyrillic fonts, the
 * publication for the school's website as DOCX, and the guest list as XLSX.
 */
final class ClosingPapers {

    /** One page of honour: a heading, the person, the text, and the director's signature line. */
    record Honour(String school, String schoolYear, String heading, String addressee, String text) {
    }

    record Guest(String fullName, String role, String schoolClass, String email, String invitation) {
    }

    /** The publication: sections of a heading and paragraphs, written for the public (see ClosingRecords). */
    record Section(String heading, List<String> paragraphs) {
    }

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 70;

    private ClosingPapers() {
    }

    static byte[] pdf(Honour h) {
        return pdf(List.of(h));
    }

    /** One page per honour (all the year's thank-you letters in one file to print). */
    static byte[] pdf(List<Honour> pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font regular = PdfText.regular(doc);
            PDType0Font bold = PdfText.bold(doc);
            for (Honour h : pages) {
                page(doc, h, regular, bold);
            }
            if (!pages.isEmpty()) {
                doc.getDocumentInformation().setTitle(pages.get(0).heading());
                doc.getDocumentInformation().setSubject(pages.get(0).school());
            } else {
                doc.addPage(new PDPage(PAGE));
            }
            doc.getDocumentCatalog().setLanguage("ru-RU");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(PDDocument doc, Honour h, PDType0Font regular, PDType0Font bold) throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        float width = PAGE.getWidth() - 2 * MARGIN;
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            float y = PAGE.getHeight() - 110;
            y = centred(content, h.school(), bold, 13, width, y) - 60;
            y = centred(content, h.heading(), bold, 22, width, y) - 30;
            y = centred(content, h.addressee(), bold, 18, width, y) - 20;
            y = centred(content, h.text(), regular, 13, width, y) - 80;
            line(content, "Директор ____________________", regular, 12, MARGIN, y);
            line(content, "Учебный год " + h.schoolYear(), regular, 12, MARGIN, y - 24);
        }
    }

    private static float centred(PDPageContentStream content, String text, PDType0Font font, float size, float width,
                                 float y) throws IOException {
        for (String l : PdfText.wrap(text, font, size, width, 0)) {
            line(content, l, font, size, MARGIN + (width - PdfText.width(l, font, size)) / 2, y);
            y -= size * 1.4f;
        }
        return y;
    }

    private static void line(PDPageContentStream content, String text, PDType0Font font, float size, float x, float y)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(PdfText.printable(text, font));
        content.endText();
    }

    static byte[] docx(String title, List<Section> sections) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph head = doc.createParagraph();
            head.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = head.createRun();
            run.setBold(true);
            run.setFontSize(16);
            run.setText(title);
            for (Section section : sections) {
                XWPFRun h = doc.createParagraph().createRun();
                h.setBold(true);
                h.setFontSize(13);
                h.setText(section.heading());
                for (String text : section.paragraphs()) {
                    doc.createParagraph().createRun().setText(text);
                }
            }
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] guests(List<Guest> guests) {
        return ListSheet.xlsx("Гости", List.<Column<Guest>>of(new Column<>("ФИО", 36, Guest::fullName),
                new Column<>("Кто", 30, Guest::role), new Column<>("Класс", 8, Guest::schoolClass),
                new Column<>("Эл. почта", 30, Guest::email), new Column<>("Приглашение", 24, Guest::invitation)),
                guests);
    }
}
