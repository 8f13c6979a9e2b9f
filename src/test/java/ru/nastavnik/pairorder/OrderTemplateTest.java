package ru.nastavnik.pairorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.junit.jupiter.api.Test;
import ru.nastavnik.shared.ValidationException;

/** The order's DOCX filled from a Word template, and the checks an uploaded template goes through. */
class OrderTemplateTest {

    static final PairOrderDocument.Model MODEL = new PairOrderDocument.Model("МБОУ «СОШ № 7»", "2026/2027", null, "4",
            LocalDate.of(2026, 10, 2), "Куратова Лидия", "Директорова Елена", "от 15.09.2026 № 1", List.of(
            new PairOrderDocument.Row("Петров Пётр", List.of("Иванова Анна", "Сидоров Олег"), "Ученик – ученик", null),
            new PairOrderDocument.Row("Опытнова Галина", List.of("Молодцова Дарья"), "Учитель – учитель", "опытный – молодой")));

    /** A school's own template: the letterhead in the page header, placeholders split over runs as Word does. */
    static byte[] letterhead(boolean withRow, String extraPlaceholder) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
            header.createParagraph().createRun().setText("Бланк: ${school}, г. Энск, ул. Школьная, 1");
            XWPFParagraph split = doc.createParagraph();
            split.createRun().setText("Распоряжение № $");
            split.createRun().setText("{num");
            split.createRun().setText("ber} от ${date}");
            doc.createParagraph().createRun().setText("${replacesPoint}");
            doc.createParagraph().createRun().setText("${draftMark}");
            if (extraPlaceholder != null) {
                doc.createParagraph().createRun().setText(extraPlaceholder);
            }
            XWPFTable table = doc.createTable(withRow ? 2 : 1, 3);
            table.getRow(0).getCell(0).setText("Наставник");
            table.getRow(0).getCell(1).setText("Наставляемые");
            table.getRow(0).getCell(2).setText("Форма");
            if (withRow) {
                table.getRow(1).getCell(0).setText("${row.no} ${row.mentor}");
                table.getRow(1).getCell(1).setText("${row.mentees}");
                table.getRow(1).getCell(2).setText("${row.form} (${school})");
            }
            doc.createParagraph().createRun().setText("Подпись: ${director}");
            doc.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aSchoolsTemplateIsFilledInHeaderBodyAndOneRowPerPair() throws Exception {
        byte[] template = letterhead(true, null);
        OrderTemplates.check(template, 40_000_000);

        byte[] docx = OrderTemplate.fill(template, MODEL);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains("Бланк: МБОУ «СОШ № 7», г. Энск", "Распоряжение № 4 от 02.10.2026",
                    "3. Распоряжение от 15.09.2026 № 1 в части закрепления", "Подпись: Директорова Елена")
                    .doesNotContain("${", "ПРОЕКТ");
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(3);
            assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("1. Петров Пётр");
            assertThat(table.getRow(1).getCell(1).getText()).contains("Иванова Анна", "Сидоров Олег");
            assertThat(table.getRow(1).getCell(2).getText()).isEqualTo("Ученик – ученик (МБОУ «СОШ № 7»)");
            assertThat(table.getRow(2).getCell(0).getText()).isEqualTo("2. Опытнова Галина");
            // Empty placeholders' paragraphs are gone: no blank line where «ПРОЕКТ» would be.
            assertThat(doc.getParagraphs()).noneMatch(p -> p.getText().isEmpty() && p.getRuns().size() > 0);
        }
    }

    @Test
    void aTemplateWithoutThePairsRowOrWithUnknownFieldsIsRefused() throws Exception {
        assertThatThrownBy(() -> OrderTemplates.check(letterhead(false, null), 40_000_000))
                .isInstanceOf(ValidationException.class).hasMessageContaining("нет строки таблицы с полями пар");
        assertThatThrownBy(() -> OrderTemplates.check(letterhead(true, "${schol}"), 40_000_000))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Неизвестные поля в шаблоне: ${schol}");
    }

    @Test
    void aZipBombANonDocxAndMacrosAreRefusedBeforePoiReadsThem() throws Exception {
        // 200 MB of zeros that pack into about 200 KB, beside a real document part.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/media/image1.png"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
        }
        assertThat(bomb.size()).isLessThan(OrderTemplates.MAX_BYTES);
        assertThatThrownBy(() -> OrderTemplates.check(bomb.toByteArray(), 40_000_000))
                .isInstanceOf(ValidationException.class).hasMessageContaining("zip-бомба");

        assertThatThrownBy(() -> OrderTemplates.check("%PDF-1.7 не шаблон".getBytes(StandardCharsets.UTF_8), 40_000_000))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Это не документ Word (DOCX)");
        ByteArrayOutputStream noDocument = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(noDocument)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> OrderTemplates.check(noDocument.toByteArray(), 40_000_000))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Это не документ Word (DOCX)");
        ByteArrayOutputStream macros = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(macros)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/vbaProject.bin"));
            zip.write(new byte[10]);
        }
        assertThatThrownBy(() -> OrderTemplates.check(macros.toByteArray(), 40_000_000))
                .isInstanceOf(ValidationException.class).hasMessageContaining("с макросами");
        assertThatThrownBy(() -> OrderTemplates.check(new byte[0], 40_000_000))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Файл пуст");
    }

    @Test
    void theBuiltInTemplatePassesItsOwnCheck() {
        OrderTemplates.check(OrderTemplate.builtIn(), 40_000_000);
    }
}
