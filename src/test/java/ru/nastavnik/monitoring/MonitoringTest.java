package ru.nastavnik.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.assertj.core.data.Offset;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.WebappSession;
import ru.nastavnik.closing.MenteeImprovement;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.RoadmapService;

/**
 * A simulated year's end of a «ученик – ученик» programme with hidden exit values: the mentor, a file and a personal
 * link record the exit assessments; the questionnaires come back through the links; the figures of the API, the page,
 * the XLSX, PDF and DOCX match the hand-computed ones; and nobody gets in who should not.
 *
 * <p>Everyone enters with engagement 3, activity 2, self-esteem 3, anxiety 4, grade 3.2 (TestPairs.pupil). Exits:
 * Е1 4/3/3/2/3.6 (by the mentor), Е2 2/2/3/5/3.0 (by file), Е3 4/4/4/3 (self, by link). Hand-computed: 2 of 3
 * mentees improved (66,67 %); engagement 3.00 → 3.33 (+0.33); anxiety 4.00 → 3.33 (−0.67); grade 3.20 → 3.30.
 */
class MonitoringTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https?://\\S+?(/monitoring/[A-Za-z0-9_-]+)");
    private static final String FORMULA = "=HYPERLINK(\"http://evil.test\";\"жми\")";

    @Autowired
    private PairOrders orders;
    @Autowired
    private Pairs pairs;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private RoadmapService roadmap;
    @Autowired
    private MenteeImprovement improvement;
    @Autowired
    private Monitoring monitoring;

    private final List<Pair> fixed = new ArrayList<>();

    @AfterEach
    void endPairProcesses() {
        TestPairs.end(engine.getRuntimeService(), fixed);
    }

    @Test
    void yearEndMonitoringMatchesHandComputedFiguresAndRefusesOutsiders() throws Exception {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        String school = "Школа мониторинга " + System.nanoTime();
        long programme = startProgrammeOverApi(school, "pupil-pupil");
        long otherProgramme = startProgrammeOverApi("Другая школа " + System.nanoTime(), "pupil-pupil");
        String ma = TestParticipants.unique("Петров") + " Пётр";
        String mb = TestParticipants.unique("Кузнецова") + " Ольга";
        String mc = TestParticipants.unique("Орлов") + " Иван";
        String e1 = TestParticipants.unique("Иванова") + " Анна";
        String e2 = TestParticipants.unique("Сидоров") + " Олег";
        String e3 = TestParticipants.unique("Смирнова") + " Мария";
        String e4 = TestParticipants.unique("Волков") + " Денис";
        Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                TestPairs.pupil(ma, true, "ma-" + programme + "@school.test", "rep-ma-" + programme + "@mail.test"),
                TestPairs.pupil(mb, true, "mb-" + programme + "@school.test", "rep-mb-" + programme + "@mail.test")
                        .replace(";9Б;", ";10А;"),
                TestPairs.pupil(mc, true, "mc-" + programme + "@school.test", "rep-mc-" + programme + "@mail.test")
                        .replace(";9Б;", ";11А;"),
                TestPairs.pupil(e1, false, "", "p1-" + programme + "@mail.test"),
                TestPairs.pupil(e2, false, "", "p2-" + programme + "@mail.test"),
                TestPairs.pupil(e3, false, "", "p3-" + programme + "@mail.test").replace(";6А;", ";7Б;"),
                TestPairs.pupil(e4, false, "", "p4-" + programme + "@mail.test").replace(";6А;", ";7Б;")));
        String stranger = TestParticipants.unique("Чужой") + " Гость";
        long strangerId = TestParticipants.importRows(port, otherProgramme, List.of(
                TestPairs.pupil(stranger, false, "", "x-" + otherProgramme + "@mail.test"))).get(stranger);
        clockAt(LocalDateTime.of(2026, 12, 1, 10, 0));
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        groups.put(ids.get(ma), List.of(ids.get(e1), ids.get(e2)));
        groups.put(ids.get(mb), List.of(ids.get(e3)));
        groups.put(ids.get(mc), List.of(ids.get(e4)));
        fixed.addAll(TestPairs.fix(orders, pairs, programme, groups));
        Pair pairA = byMentor(ids.get(ma));
        Pair pairB = byMentor(ids.get(mb));
        Pair pairC = byMentor(ids.get(mc));
        clockAt(LocalDateTime.of(2027, 5, 14, 10, 0));
        pairs.close(pairA.id(), Pair.FINISHED, null, "curator");
        pairs.close(pairB.id(), Pair.FINISHED, null, "curator");
        pairs.close(pairC.id(), Pair.ENDED, "Переезд в другой город", "curator");

        RestClient curator = RestClient.as(port, "curator", PASSWORD);
        String api = "/api/programmes/" + programme;

        // The mentor of pair A records Е1's exit assessment; not Е3's (pair B), nor anyone's in another programme.
        withPassword(pairA.mentorUserId());
        RestClient mentorA = RestClient.as(port, pairA.mentorUserId(), PASSWORD);
        HttpResponse<String> own = mentorA.put(api + "/exit-assessments/" + ids.get(e1), """
                {"assessedOn": "2027-05-14", "engagement": 4, "activity": 3, "selfEsteem": 3, "anxiety": 2,
                 "averageGrade": 3.6}""");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(JSON.readTree(own.body()).get("source").asText()).isEqualTo("mentor");
        HttpResponse<String> notOwn = mentorA.put(api + "/exit-assessments/" + ids.get(e3), """
                {"assessedOn": "2027-05-14", "engagement": 1}""");
        assertThat(notOwn.statusCode()).isEqualTo(403);
        assertThat(mentorA.put("/api/programmes/" + otherProgramme + "/exit-assessments/" + strangerId,
                "{\"assessedOn\": \"2027-05-14\", \"engagement\": 1}").statusCode()).isEqualTo(403);
        assertThat(mentorA.get(api + "/dynamics").statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(mentorA.get(api + "/exit-assessments").body()).findValuesAsText("fullName"))
                .containsExactly(e1, e2);
        assertThat(curator.put(api + "/exit-assessments/" + strangerId, "{\"assessedOn\": \"2027-05-14\", "
                + "\"engagement\": 1}").statusCode()).as("a participant of another programme").isEqualTo(404);
        HttpResponse<String> future = curator.put(api + "/exit-assessments/" + ids.get(e2),
                "{\"assessedOn\": \"2027-06-01\", \"engagement\": 7}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("в будущем", "от 1 до 5");
        assertThat(exitRows(programme)).as("only Е1's, nothing from refused calls").isEqualTo(1);

        // Е2 from a file: a bad file (a formula for a name, NUL in a cell) stores nothing; the good one stores Е2.
        // (CSV: XML, and so XLSX, cannot hold a NUL.)
        String bad = "ФИО;Класс;Дата оценки;Вовлечённость;Активность;Самооценка;Тревожность;Средний балл\n"
                + e2 + ";6А;14.05.2027;2;2;3;5;3,0\n\"" + FORMULA.replace("\"", "\"\"") + "\";;14.05.2027;3;;;;\n"
                + e1 + ";;14.05.2027;3\u0000;;;;\n";
        HttpResponse<String> refused = curator.postFile(api + "/exit-assessments/import", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("нет среди участников", "недопустимые символы");
        assertThat(exitRows(programme)).isEqualTo(1);
        HttpResponse<String> imported = curator.postMultipart(api + "/exit-assessments/import", "оценка.xlsx",
                exitFile(List.<String[]>of(row(e2, "6А", "14.05.2027", "2", "2", "3", "5", "3,0"))));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(exitRows(programme)).isEqualTo(2);

        // Links go to everyone of the finished pairs (minors through their representatives), not to pair C.
        forgetMail();
        HttpResponse<String> sent = curator.post(api + "/monitoring/links", "{}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(JSON.readTree(sent.body()).get("mailed").asInt()).isEqualTo(5);
        Map<String, String> links = new LinkedHashMap<>();
        for (MimeMessage m : receivedMail()) {
            String text = text(m);
            assertThat(m.getSubject()).contains(school);
            for (String name : List.of(e1, e2, e3, e4, ma, mb)) {
                if (text.contains(name)) {
                    Matcher link = LINK.matcher(text);
                    assertThat(link.find()).isTrue();
                    links.put(name, link.group(1));
                }
            }
        }
        assertThat(links).containsOnlyKeys(e1, e2, e3, ma, mb);

        // Е3 rates themselves (nobody did yet) and answers; a NUL in an answer is refused and the link stays usable.
        HttpResponse<String> e3Page = anonymousGet(links.get(e3));
        assertThat(e3Page.body()).contains("Оцените себя сейчас", school, "Удалось ли решить ваш запрос &laquo;Успеваемость&raquo;?",
                "Насколько выросли ваши успехи в учёбе?").doesNotContain("Насколько увереннее вы стали в собственных");
        Map<String, String> e3Answers = menteeAnswers("5", "Да", "Да");
        e3Answers.putAll(Map.of("engagement", "4", "activity", "4", "selfEsteem", "4", "anxiety", "3",
                "mentee.difficulties", "Мало времени\u0000"));
        assertThat(anonymousPost(links.get(e3), e3Answers).statusCode()).isEqualTo(400);
        e3Answers.put("mentee.difficulties", FORMULA);
        HttpResponse<String> e3Done = anonymousPost(links.get(e3), e3Answers);
        assertThat(e3Done.statusCode()).as(e3Done.body()).isEqualTo(200);
        assertThat(anonymousPost(links.get(e3), e3Answers).statusCode()).as("a link answers once").isEqualTo(409);
        assertThat(anonymousGet(links.get(e1)).body()).as("the mentor assessed Е1").doesNotContain("Оцените себя");
        assertThat(anonymousPost(links.get(e1), menteeAnswers("4", "Нет", "Частично")).statusCode()).isEqualTo(200);
        Map<String, String> mentor = new LinkedHashMap<>();
        for (String q : List.of("mentor.satisfaction", "mentor.training", "mentor.mentee-progress", "mentor.pp-results",
                "mentor.pp-climate")) {
            mentor.put(q, "3");
        }
        mentor.put("mentor.curator-support", "2");
        mentor.put("mentor.continue", "Да");
        mentor.put("mentor.suggestions", "Больше совместных мероприятий");
        assertThat(anonymousPost(links.get(ma), mentor).statusCode()).isEqualTo(200);
        HttpResponse<String> curatorAnswers = curator.put(api + "/monitoring/curator-questionnaire", """
                {"curator.conditions": "4", "curator.model": "4", "curator.pairs": "4", "curator.roadmap": "Частично",
                 "curator.risks": "Нагрузка педагогов"}""");
        assertThat(curatorAnswers.statusCode()).as(curatorAnswers.body()).isEqualTo(200);
        assertThat(RestClient.as(port, "coordinator", PASSWORD).put(api + "/monitoring/curator-questionnaire",
                "{}").statusCode()).isEqualTo(403);

        // Dynamics as computed by hand.
        JsonNode dynamics = JSON.readTree(curator.get(api + "/dynamics").body());
        JsonNode programmeGroup = dynamics.get("programme");
        assertThat(programmeGroup.get("participants").asInt()).isEqualTo(3);
        assertThat(programmeGroup.get("improved").asInt()).isEqualTo(2);
        assertThat(programmeGroup.get("shareImproved").decimalValue()).isEqualByComparingTo("0.6667");
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        programmeGroup.get("parameters").forEach(p -> parameters.put(p.get("parameter").asText(), p));
        assertThat(parameters.get("ENGAGEMENT").get("meanExit").decimalValue()).isEqualByComparingTo("3.33");
        assertThat(parameters.get("ENGAGEMENT").get("meanChange").decimalValue()).isEqualByComparingTo("0.33");
        assertThat(parameters.get("ANXIETY").get("meanChange").decimalValue()).isEqualByComparingTo("-0.67");
        assertThat(parameters.get("ANXIETY").get("improved").asInt()).isEqualTo(2);
        assertThat(parameters.get("AVERAGE_GRADE").get("count").asInt()).isEqualTo(2);
        assertThat(parameters.get("AVERAGE_GRADE").get("meanExit").decimalValue()).isEqualByComparingTo("3.30");
        assertThat(dynamics.get("pairs").get(0).get("shareImproved").decimalValue()).isEqualByComparingTo("0.5");

        // Coverage: roster typed, then a bad file refused whole; finished pairs only (pair C ended early).
        HttpResponse<String> typed = curator.put(api + "/roster", """
                {"classes": {"6А": 4, "7Б": 3, "9 б": 2, "10А": 1, "11А": 2}, "teachers": 20}""");
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        HttpResponse<String> badRoster = curator.postFile(api + "/roster/import", "text/csv",
                "Класс;Численность\n6А;30\n=1+2;5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(badRoster.statusCode()).isEqualTo(400);
        JsonNode coverage = JSON.readTree(curator.get(api + "/coverage").body());
        assertThat(coverage.get("pupils").get("total").asInt()).as("the typed roster stayed").isEqualTo(12);
        assertThat(coverage.get("pupils").get("involved").asInt()).as("Е1, Е2, Е3, Пётр, Ольга").isEqualTo(5);
        assertThat(coverage.get("pupils").get("share").decimalValue()).isEqualByComparingTo("0.4167");
        Map<String, JsonNode> classes = new LinkedHashMap<>();
        coverage.get("byClass").forEach(c -> classes.put(c.get("key").asText(), c));
        assertThat(classes.keySet()).containsExactly("6А", "7Б", "9Б", "10А", "11А");
        assertThat(classes.get("6А").get("share").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(classes.get("7Б").get("involved").asInt()).as("Е4's pair ended early").isEqualTo(1);
        assertThat(classes.get("10А").get("reached").asBoolean()).isTrue();
        assertThat(classes.get("11А").get("involved").asInt()).isZero();
        assertThat(coverage.get("teachers").get("share").decimalValue()).isEqualByComparingTo("0");
        assertThat(coverage.get("wantToMentor").asInt()).isEqualTo(1);
        assertThat(coverage.get("askedToMentor").asInt()).isEqualTo(2);

        // Questionnaires: expectations and the SWOT draft.
        JsonNode summary = JSON.readTree(curator.get(api + "/monitoring/questionnaires").body());
        JsonNode expectation = summary.get("expectations").get(0);
        assertThat(expectation.get("title").asText()).isEqualTo("Успеваемость");
        assertThat(expectation.get("requested").asInt()).isEqualTo(3);
        assertThat(expectation.get("met").asInt()).isEqualTo(1);
        assertThat(expectation.get("partly").asInt()).isEqualTo(1);
        JsonNode swot = JSON.readTree(curator.get(api + "/monitoring/swot").body());
        assertThat(swot.get("saved").asBoolean()).isFalse();
        // Five items tie at 4.50 (Е1 gave 4, Е3 gave 5): the first five by code, at most five.
        assertThat(swot.get("strengths").asText()).contains("Насколько комфортно вам было общаться с наставником?» "
                + "— средняя оценка 4,50 (ответов: 2)").hasLineCount(5);
        assertThat(swot.get("weaknesses").asText().lines().findFirst().orElseThrow())
                .contains("поддержка куратора", "2,00");
        assertThat(swot.get("opportunities").asText()).contains("Больше совместных мероприятий");
        assertThat(swot.get("threats").asText()).contains(FORMULA, "Нагрузка педагогов");

        // The page: its own scripts only; the SWOT form needs the session's CSRF token.
        WebappSession curatorPage = WebappSession.loggedIn(port, "curator", PASSWORD);
        HttpResponse<String> page = curatorPage.get("/programmes/" + programme + "/monitoring");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy")).anySatisfy(csp ->
                assertThat(csp).contains("default-src 'none'", "script-src 'self'"))
                .noneSatisfy(csp -> assertThat(csp).contains("unsafe-eval"));
        assertThat(page.body()).contains("data-charts=", "/webjars/echarts/5.3.1/dist/echarts.min.js", school,
                "Сохранить SWOT-анализ", "41,7 %").doesNotContain("<script>alert");
        String form = "strengths=" + URLEncoder.encode("Сильная команда", StandardCharsets.UTF_8);
        assertThat(curatorPage.postBytes("/programmes/" + programme + "/monitoring/swot",
                "application/x-www-form-urlencoded", (form + "&csrf=forged").getBytes(StandardCharsets.UTF_8))
                .statusCode()).as("a forged CSRF token").isEqualTo(403);
        assertThat(JSON.readTree(curator.get(api + "/monitoring/swot").body()).get("saved").asBoolean()).isFalse();
        assertThat(roadmap.get(programme, "7.3").completedAt()).isNull();
        String csrf = csrf(page.body());
        assertThat(curatorPage.postBytes("/programmes/" + programme + "/monitoring/swot",
                "application/x-www-form-urlencoded", (form + "&csrf=" + URLEncoder.encode(csrf,
                        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(303);
        assertThat(JSON.readTree(curator.get(api + "/monitoring/swot").body()).get("strengths").asText())
                .isEqualTo("Сильная команда");
        // The curator's questionnaire and the saved SWOT are item 7.3's work: the roadmap closed it on its own.
        assertThat(roadmap.get(programme, "7.3").completedAt()).isNotNull();
        // The nominations read every mentee's improvement in one call: the people assessed twice, nobody else.
        assertThat(improvement.byPerson(programme).keySet()).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                monitoring.dynamicsOf(programme).participants().stream().filter(c -> !c.changes().isEmpty())
                        .map(c -> c.subject().personId()).toList());
        HttpResponse<String> coordinatorPage = WebappSession.loggedIn(port, "coordinator", PASSWORD)
                .get("/programmes/" + programme + "/monitoring");
        assertThat(coordinatorPage.statusCode()).isEqualTo(200);
        assertThat(coordinatorPage.body()).contains("Сильная команда").doesNotContain("Сохранить SWOT-анализ");
        // The coordinator compares schools' outcomes: this school's row on the district page has its KPI.
        String district = WebappSession.loggedIn(port, "coordinator", PASSWORD).get("/district").body();
        String row = district.substring(district.indexOf("id=\"outcome-" + programme + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("41,7 %", "0,0 %", "/programmes/" + programme + "/monitoring");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                WebappSession.loggedIn(port, "coordinator", PASSWORD).download("/district.xlsx").body()))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            Row schoolRow = null;
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && r.getCell(0).getStringCellValue().equals(school)) {
                    schoolRow = r;
                }
            }
            assertThat(schoolRow).as("the school's row in the district XLSX").isNotNull();
            assertThat(schoolRow.getCell(headers.indexOf("Охват обучающихся")).getNumericCellValue())
                    .isCloseTo(5.0 / 12, Offset.offset(1e-9));
        }
        assertThat(WebappSession.loggedIn(port, pairA.mentorUserId(), PASSWORD)
                .get("/programmes/" + programme + "/monitoring").statusCode()).isEqualTo(403);
        assertThat(WebappSession.loggedIn(port, "mentor1", PASSWORD)
                .get("/programmes/" + programme + "/monitoring.xlsx").statusCode()).isEqualTo(403);
        for (String variant : List.of("/programmes/" + programme + "/monitoring", "//programmes/" + programme
                + "/monitoring", "/programmes;x=1/" + programme + "/monitoring", "/programmes/" + programme
                + "/monitoring/report.pdf")) {
            HttpResponse<String> anonymous = RestClient.anonymous(port).get(variant);
            assertThat(anonymous.statusCode()).as(variant).isNotEqualTo(200);
            assertThat(anonymous.body()).as(variant).doesNotContain(e1);
        }
        assertThat(RestClient.anonymous(port).get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode())
                .isEqualTo(200);

        // The mentor's exit assessment page lists their own mentees only.
        HttpResponse<String> mentorForm = WebappSession.loggedIn(port, pairA.mentorUserId(), PASSWORD)
                .get("/programmes/" + programme + "/exit-assessments");
        assertThat(mentorForm.statusCode()).isEqualTo(200);
        assertThat(mentorForm.body()).contains(e1, e2).doesNotContain(e3, mb);

        // XLSX: numbers as numbers, the formula-like answer as quoted text; PDF and DOCX name the school in Cyrillic.
        byte[] xlsx = curatorPage.download("/programmes/" + programme + "/monitoring.xlsx").body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row engagement = find(book.getSheet("Динамика по группам"), "Программа (наставляемые)", "Вовлечённость");
            assertThat(engagement.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(engagement.getCell(4).getNumericCellValue()).isEqualTo(3.33);
            Row answer = find(book.getSheet("Открытые ответы"), "Наставляемые", null);
            Cell cell = answer.getCell(2);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(FORMULA);
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(book.getSheet("Охват").getRow(1).getCell(3).getNumericCellValue()).isEqualTo(5.0 / 12,
                    org.assertj.core.data.Offset.offset(0.0001));
        }
        byte[] pdf = curatorPage.download("/programmes/" + programme + "/monitoring/report.pdf").body();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Отчёт о реализации программы наставничества", school, "Охват участников",
                    "41,7 %", "Тревожность", "Сильная команда");
        }
        byte[] docx = curatorPage.download("/programmes/" + programme + "/monitoring/report.docx").body();
        try (XWPFWordExtractor words = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(words.getText()).contains("Отчёт о реализации программы наставничества", school, "66,7 %");
        }
    }

    private Pair byMentor(long personId) {
        return fixed.stream().filter(p -> p.mentor().personId() == personId).findFirst().orElseThrow();
    }

    private long exitRows(long programme) {
        return jdbc.sql("select count(*) from exit_assessment where programme_id = :p").param("p", programme)
                .query(Long.class).single();
    }

    private static Map<String, String> menteeAnswers(String scale, String becomeMentor, String request) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String q : List.of("mentee.satisfaction", "mentee.mentor-support", "mentee.meetings-useful",
                "mentee.comfort", "mentee.pp-grades", "mentee.pp-school-life")) {
            a.put(q, scale);
        }
        a.put("mentee.goals-met", "Да");
        a.put("mentee.become-mentor", becomeMentor);
        a.put("request:academic-performance", request);
        return a;
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private static byte[] exitFile(List<String[]> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Выходная оценка");
            String[] header = {"ФИО", "Класс", "Дата оценки", "Вовлечённость", "Активность", "Самооценка",
                    "Тревожность", "Средний балл"};
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).length; c++) {
                    row.createCell(c).setCellValue(rows.get(r)[c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> anonymousPost(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static Row find(Sheet sheet, String first, String second) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && first.equals(row.getCell(0).getStringCellValue())
                    && (second == null || second.equals(row.getCell(1).getStringCellValue()))) {
                return row;
            }
        }
        throw new AssertionError("No row " + first + " / " + second + " in " + sheet.getSheetName());
    }

    private void withPassword(String userId) {
        IdentityService identity = engine.getIdentityService();
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setPassword(PASSWORD);
        identity.saveUser(user);
    }
}
