package ru.nastavnik.pairorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import ru.nastavnik.pairorder.PairOrderDocument.Model;
import ru.nastavnik.pairorder.PairOrderDocument.Row;

/** The order's documents read back: DOCX with POI, PDF with PDFBox's text extraction. */
class PairOrderDocumentTest {

    private static final List<Row> ROWS = List.of(
            new Row("Петров Пётр Сергеевич", List.of("Иванова Анна Андреевна"), "Ученик – ученик",
                    "успевающий – неуспевающий; лидер – пассивный"),
            new Row("Кузнецова Ольга Игоревна", List.of("Сидоров Олег Павлович", "Ёлкина Юлия Эдуардовна"),
                    "Ученик – ученик", null),
            new Row("Опытнова Галина Фёдоровна", List.of("Молодцова Дарья Викторовна"), "Учитель – учитель",
                    "опытный педагог – молодой специалист"));

    private static Model model(String number, List<Row> rows) {
        return new Model("МБОУ «Средняя общеобразовательная школа № 7»", "2026/2027", null, number,
                number == null ? null : LocalDate.of(2026, 10, 2), "Тестовый Куратор", "Директорова Елена Петровна",
                null, rows);
    }

    @Test
    void docxHasTheTitleSchoolNumberDateAndEveryPair() throws Exception {
        byte[] docx = PairOrderDocument.docx(model("3", ROWS));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains("РАСПОРЯЖЕНИЕ", "О закреплении наставнических пар (групп)",
                    "МБОУ «Средняя общеобразовательная школа № 7»", "02.10.2026", "№ 3", "ПРЕДПИСЫВАЮ:",
                    "1. Закрепить наставнические пары (группы) согласно приложению",
                    "Ответственный: куратор программы наставничества Тестовый Куратор",
                    "Директор", "Директорова Елена Петровна").doesNotContain("ПРОЕКТ");
            assertThat(doc.getTables()).hasSize(1);
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(ROWS.size() + 1);
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("Наставник");
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            for (int i = 0; i < ROWS.size(); i++) {
                Row row = ROWS.get(i);
                var cells = table.getRow(i + 1).getTableCells();
                assertThat(cells.get(0).getText()).isEqualTo((i + 1) + ".");
                assertThat(cells.get(1).getText()).isEqualTo(row.mentor());
                assertThat(cells.get(2).getText()).contains(row.mentees().toArray(String[]::new));
                assertThat(cells.get(3).getText()).isEqualTo(row.form());
                assertThat(cells.get(4).getText()).isEqualTo(row.roleVariant() == null ? "—" : row.roleVariant());
            }
        }
    }

    @Test
    void draftSaysSoAndLeavesTheNumberBlank() throws Exception {
        byte[] docx = PairOrderDocument.docx(model(null, ROWS));
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(extractor.getText()).contains("ПРОЕКТ", "№ _____", "«___» __________ 20__ г.");
        }
        String pdf = pdfText(PairOrderDocument.pdf(model(null, ROWS)));
        assertThat(pdf).contains("ПРОЕКТ", "№ _____");
    }

    @Test
    void pdfHasCorrectCyrillicAndAnEmbeddedFont() throws Exception {
        byte[] pdf = PairOrderDocument.pdf(model("3", ROWS));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            }
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("РАСПОРЯЖЕНИЕ", "О закреплении наставнических пар (групп)",
                    "МБОУ «Средняя общеобразовательная школа № 7»", "02.10.2026", "№ 3", "ПРЕДПИСЫВАЮ:",
                    "Ответственный: куратор программы наставничества Тестовый Куратор",
                    "Петров Пётр", "Ёлкина Юлия", "Опытнова Галина", "Учитель – учитель", "Директорова Елена Петровна");
        }
    }

    @Test
    void sixtyPairsTakeSeveralPagesWithEveryPairOnThem() throws Exception {
        List<Row> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 60).forEach(i -> rows.add(new Row("Наставникова-Длиннофамильная Екатерина "
                + "Александровна " + i, i % 5 == 0 ? List.of("Наставляемый Первый " + i, "Наставляемая Вторая " + i)
                : List.of("Наставляемый Ученикович " + i), i % 2 == 0 ? "Ученик – ученик" : "Учитель – учитель",
                "успевающий – неуспевающий; лидер – пассивный")));
        byte[] pdf = PairOrderDocument.pdf(model("12", rows));
        Path dir = Path.of("target", "order-examples");
        Files.createDirectories(dir);
        Files.write(dir.resolve("order-60.pdf"), pdf);
        Files.write(dir.resolve("order-60.docx"), PairOrderDocument.docx(model("12", rows)));
        Files.write(dir.resolve("order-3.pdf"), PairOrderDocument.pdf(model("3", ROWS)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (int i = 1; i <= 60; i++) {
                assertThat(text).contains("Наставляемый " + (i % 5 == 0 ? "Первый " : "Ученикович ") + i);
            }
            // The header row is repeated on every page of the table.
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(doc.getNumberOfPages());
            last.setEndPage(doc.getNumberOfPages());
            assertThat(last.getText(doc)).contains("Наставник", "Вариант ролей", "Директор");
        }
    }

    @Test
    void charactersWithoutAGlyphDoNotBreakThePdf() throws Exception {
        List<Row> rows = List.of(new Row("Петров\tПётр \u0007", List.of("Анна 中"), "Ученик – ученик", "—"));
        String text = pdfText(PairOrderDocument.pdf(model("1", rows)));
        assertThat(text).contains("Петров Пётр", "Анна ?");
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
