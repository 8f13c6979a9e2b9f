package ru.nastavnik.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.WebappSession;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;

/**
 * The documents to sign (the roadmap, a pair's plan) and the overview's lists filtered on the page and as XLSX,
 * read back with PDFBox and POI, with the pages' access rules.
 */
class OverviewDocumentsTest extends IntegrationTest {

    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;

    private long programme;
    private String school;
    private String mentor;
    private String mentee;
    private Pair pair;
    private Pair other;
    private final List<Pair> fixed = new ArrayList<>();

    @BeforeEach
    void schoolWithTwoPairs() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        school = "МБОУ «Школа документов № " + (System.nanoTime() % 10_000) + "»";
        programme = startProgrammeOverApi(school, "pupil-pupil");
        mentor = TestParticipants.unique("Петров") + " Пётр";
        mentee = TestParticipants.unique("Иванова") + " Анна";
        String otherMentor = TestParticipants.unique("Кузнецова") + " Ольга";
        String otherMentee = TestParticipants.unique("Сидоров") + " Олег";
        Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                TestPairs.pupil(mentor, true, "p-" + programme + "@school.test", "r1-" + programme + "@mail.test"),
                TestPairs.pupil(otherMentor, true, "o-" + programme + "@school.test", "r2-" + programme + "@mail.test"),
                TestPairs.pupil(mentee, false, "", "m1-" + programme + "@mail.test"),
                TestPairs.pupil(otherMentee, false, "", "m2-" + programme + "@mail.test")));
        fixed.addAll(TestPairs.fix(orders, pairs, programme, Map.of(ids.get(mentor), List.of(ids.get(mentee)),
                ids.get(otherMentor), List.of(ids.get(otherMentee)))));
        pair = fixed.stream().filter(p -> p.mentor().personId() == ids.get(mentor)).findFirst().orElseThrow();
        other = fixed.stream().filter(p -> p != pair).findFirst().orElseThrow();
    }

    @AfterEach
    void endPairProcesses() {
        TestPairs.end(engine.getRuntimeService(), fixed);
    }

    @Test
    void theRoadmapToSignIsAPdfWithCyrillicFontsEmbeddedAndADocx() throws Exception {
        WebappSession director = WebappSession.loggedIn(port, "director", PASSWORD);
        HttpResponse<byte[]> pdf = director.download("/programmes/" + programme + "/roadmap.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).startsWith("inline").contains("UTF-8''"));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(school, "ДОРОЖНАЯ КАРТА", "УТВЕРЖДАЮ", "на 2026/2027 учебный год",
                    "Этап 1. Подготовка условий", "1.1", "Куратор программы наставничества", "Тестовый", "Директор");
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            }
        }
        HttpResponse<byte[]> docx = director.download("/programmes/" + programme + "/roadmap.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).startsWith("attachment"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(extractor.getText()).contains(school, "ДОРОЖНАЯ КАРТА", "УТВЕРЖДАЮ");
            // 35 items and a row per stage, under the header.
            assertThat(doc.getTables().get(0).getRows()).hasSize(1 + 35 + 7);
        }
    }

    @Test
    void aPairsPlanIsForStaffAndItsOwnMentorOnlyAndTheRoadmapNotForMentors() throws Exception {
        String plan = "/programmes/" + programme + "/pairs/" + pair.id() + "/plan";
        HttpResponse<byte[]> staffPdf = WebappSession.loggedIn(port, "curator", PASSWORD).download(plan + ".pdf");
        assertThat(staffPdf.statusCode()).isEqualTo(200);
        assertThat(pdfText(staffPdf.body())).contains(school, "ИНДИВИДУАЛЬНЫЙ ПЛАН", mentor, mentee, "Наставник",
                "Наставляемый", "Родитель (законный представитель)", "Согласовано: куратор программы");

        withPassword(pair.mentorUserId());
        WebappSession own = WebappSession.loggedIn(port, pair.mentorUserId(), PASSWORD);
        HttpResponse<byte[]> ownDocx = own.download(plan + ".docx");
        assertThat(ownDocx.statusCode()).isEqualTo(200);
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(
                new ByteArrayInputStream(ownDocx.body())))) {
            assertThat(extractor.getText()).contains(school, mentor, mentee);
        }
        // The pair's page links both.
        assertThat(own.get("/programmes/" + programme + "/pairs/" + pair.id()).body())
                .contains("href=\"" + plan + ".pdf\"", "href=\"" + plan + ".docx\"");

        withPassword(other.mentorUserId());
        WebappSession stranger = WebappSession.loggedIn(port, other.mentorUserId(), PASSWORD);
        for (String path : List.of(plan + ".pdf", plan + ".docx", plan + ".pdf;x", plan + ".pdf/",
                "/programmes/" + programme + "/roadmap.pdf", "/programmes/" + programme + "/roadmap.docx",
                "/programmes/" + programme + "/roadmap.pdf;x", "/programmes/" + programme + "/roadmap.pdf/",
                "/programmes/" + programme + "/pairs.xlsx", "/programmes/" + programme + "/feedback.xlsx")) {
            HttpResponse<byte[]> refused = stranger.download(path);
            assertThat(refused.statusCode()).as(path).isIn(403, 404);
            assertThat(new String(refused.body(), StandardCharsets.ISO_8859_1)).as(path)
                    .doesNotStartWith("%PDF").doesNotStartWith("PK").doesNotContain(mentee);
        }
        assertThat(stranger.download(plan + ".pdf").statusCode()).isEqualTo(403);
        assertThat(own.download("/programmes/" + programme + "/roadmap.pdf").statusCode()).isEqualTo(403);
        for (String path : List.of(plan + ".pdf", "/programmes/" + programme + "/roadmap.docx",
                "/programmes/" + programme + "/pairs.xlsx;x")) {
            HttpResponse<String> anonymous = RestClient.anonymous(port).get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
        }
    }

    @Test
    void theListsAreFilteredOnThePageAndTheirXlsxTakesTheSameFilters() throws Exception {
        WebappSession curator = WebappSession.loggedIn(port, "curator", PASSWORD);
        String page = "/programmes/" + programme;
        String query = java.net.URLEncoder.encode(mentor.substring(0, 8), StandardCharsets.UTF_8);

        String filtered = curator.get(page + "?pairs.q=" + query + "&roadmap.stage=2").body();
        assertThat(filtered).contains("href=\"" + page + "/pairs/" + pair.id() + "\"", "Показано 1 из 2")
                .doesNotContain("href=\"" + page + "/pairs/" + other.id() + "\"");
        // The roadmap shows stage 2 only, and its form keeps the pairs' filter as a hidden field.
        assertThat(filtered).contains("id=\"item-2.1\"").doesNotContain("id=\"item-1.1\"")
                .contains("type=\"hidden\" name=\"pairs.q\"");
        assertThat(filtered).contains("href=\"" + page + "/pairs.xlsx?q=" + query + "\"");
        assertThat(curator.get(page + "?pairs.status=ended").body()).contains("Нет пар по этому отбору");

        try (XSSFWorkbook book = xlsx(curator, page + "/pairs.xlsx?q=" + query)) {
            Sheet sheet = book.getSheet("Пары и группы");
            assertThat(headers(sheet)).containsExactly("Наставник", "Наставляемые", "Форма наставничества", "Группа",
                    "Состояние", "Текущий шаг", "Дата шага", "Встреч проведено", "Встреч пропущено", "Замолчала");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(mentor);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(mentee);
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("нет");
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(6))).isTrue();
            assertThat(row.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isAfter(LocalDate.of(2026, 9, 14));
            assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(7).getNumericCellValue()).isZero();
        }
        try (XSSFWorkbook book = xlsx(curator, page + "/pairs.xlsx?status=ended")) {
            assertThat(book.getSheet("Пары и группы").getLastRowNum()).isZero();
        }
        try (XSSFWorkbook book = xlsx(curator, page + "/roadmap.xlsx?stage=2&status=planned")) {
            Sheet sheet = book.getSheet("Дорожная карта");
            assertThat(sheet.getLastRowNum()).isPositive();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(1).getNumericCellValue()).isEqualTo(2);
                assertThat(sheet.getRow(r).getCell(6).getStringCellValue()).isEqualTo("запланирован");
            }
        }
        try (XSSFWorkbook book = xlsx(curator, page + "/bases.xlsx?class=6А")) {
            Sheet sheet = book.getSheet("Базы");
            assertThat(headers(sheet)).containsExactly("База", "Форма наставничества или категория",
                    "Класс или роль", "Человек");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("6А");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue())
                    .isEqualTo("Без действующего согласия");
        }
        try (XSSFWorkbook book = xlsx(curator, page + "/orders.xlsx?status=approved")) {
            Row row = book.getSheet("Распоряжения").getRow(1);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(2))).isTrue();
            assertThat(row.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 15));
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(2);
        }
        try (XSSFWorkbook book = xlsx(curator, page + "/feedback.xlsx")) {
            assertThat(headers(book.getSheet("Обратная связь"))).contains("Участник", "Оценка", "Получено");
        }
    }

    @Test
    void theDirectorReachesTheApprovedOrderFromTheOverview() throws Exception {
        WebappSession director = WebappSession.loggedIn(port, "director", PASSWORD);
        String html = director.get("/programmes/" + programme + "?orders.status=approved").body();
        assertThat(html).contains("Распоряжение № 1", "утверждено", "15.09.2026");
        String pdfLink = html.replaceAll("(?s).*href=\"(/api/programmes/" + programme + "/orders/\\d+\\.pdf)\".*", "$1");
        assertThat(pdfLink).startsWith("/api/programmes/");
        HttpResponse<byte[]> pdf = director.download(pdfLink);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdfText(pdf.body())).contains(school, "РАСПОРЯЖЕНИЕ", "№ 1", mentor, mentee);
        HttpResponse<byte[]> docx = director.download(pdfLink.replace(".pdf", ".docx"));
        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(
                new ByteArrayInputStream(docx.body())))) {
            assertThat(extractor.getText()).contains(school, "№ 1", mentor);
        }
        assertThat(director.get("/programmes/" + programme + "?orders.status=draft").body())
                .contains("Нет распоряжений по этому отбору");
    }

    private static XSSFWorkbook xlsx(WebappSession session, String path) throws Exception {
        HttpResponse<byte[]> response = session.download(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        return headers;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private void withPassword(String userId) {
        IdentityService identity = engine.getIdentityService();
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setPassword(PASSWORD);
        identity.saveUser(user);
    }
}
