package ru.nastavnik.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.WebappSession;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairMeetings;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pair.SilentPairs;
import ru.nastavnik.pairorder.PairOrders;

/** A programme's overview page over HTTP with a Tasklist session, and its roadmap as XLSX. */
class OverviewPageTest extends IntegrationTest {

    static final String HOSTILE = "<script>alert(1)</script>";

    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;
    @Autowired
    ProgrammeOverview overview;

    @Test
    void theCuratorSeesRoadmapBasesPairsAndOrdersWithTypedNamesKeptAsText() {
        String school = "Школа " + HOSTILE + " № " + System.nanoTime();
        long programme = startProgrammeOverApi(school, "pupil-pupil");
        String mentor = TestParticipants.unique("Петров") + " Пётр";
        String mentee = TestParticipants.unique("Иванова") + " Анна";
        Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                TestPairs.pupil(mentor, true, "petr-" + programme + "@school.test", "rep-" + programme + "@mail.test"),
                TestPairs.pupil(mentee, false, "", "parent-" + programme + "@mail.test")));
        List<Pair> fixed = TestPairs.fix(orders, pairs, programme, Map.of(ids.get(mentor), List.of(ids.get(mentee))));
        assertThat(fixed).hasSize(1);

        HttpResponse<String> page = WebappSession.loggedIn(port, "curator", PASSWORD).get("/programmes/" + programme);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        // No scripts on the page at all (on top of the product's frame-ancestors policy).
        assertThat(page.headers().allValues("Content-Security-Policy")).anySatisfy(csp ->
                assertThat(csp).contains("default-src 'none'"));
        String html = page.body();
        assertThat(html).contains("lang=\"ru\"", "Дорожная карта", "2026/2027", "Этап 1. Подготовка условий",
                "Базы в цифрах", "Пары и группы", "Распоряжения о закреплении пар");
        // The school's typed name stays text.
        assertThat(html).contains("Школа &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
        // Stage 1 runs: its items are in work with a link to their open task, the rest planned.
        assertThat(html).contains("status-active\">в работе", "status-planned\">запланирован",
                "href=\"/camunda/app/tasklist/default/#/?task=");
        assertThat(count(html, "<tr id=\"item-")).isEqualTo(35);
        assertThat(html).contains("в работе: 4", "запланирован: 31").doesNotContain("null");
        assertThat(html).contains(mentor, mentee, "Ученик – ученик", "Наставник");
        assertThat(html).contains("Распоряжение № 1", "утверждено",
                "href=\"/api/programmes/" + programme + "/orders/", ".pdf\"", ".docx\"");
        assertThat(html).contains(ProgrammeOverview.silentRule());
    }

    @Test
    void aMentorIsRefusedWithARussianPageAndAStrangerGoesToTheLogin() {
        long programme = startProgrammeOverApi("Школа отказа " + System.nanoTime(), "pupil-pupil");

        HttpResponse<String> mentor = WebappSession.loggedIn(port, "mentor1", PASSWORD).get("/programmes/" + programme);
        assertThat(mentor.statusCode()).isEqualTo(403);
        assertThat(mentor.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(mentor.body()).contains("Нет доступа", "Обзор программы видят куратор").doesNotContain("Дорожная карта");
        assertThat(WebappSession.loggedIn(port, "mentor1", PASSWORD).download("/programmes/" + programme
                + "/roadmap.xlsx").statusCode()).isEqualTo(403);

        assertThat(WebappSession.loggedIn(port, "coordinator", PASSWORD).get("/programmes/" + programme).statusCode())
                .isEqualTo(200);
        assertThat(WebappSession.loggedIn(port, "curator", PASSWORD).get("/programmes/999999").statusCode())
                .isEqualTo(404);

        for (String path : List.of("/programmes/" + programme, "/programmes/" + programme + "/roadmap.xlsx",
                "/programmes;x/" + programme, "//programmes/" + programme, "/programmes/" + programme + ";x")) {
            HttpResponse<String> anonymous = RestClient.anonymous(port).get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).endsWith("/camunda/app/tasklist/default/#/login"));
        }
    }

    @Test
    void theRoadmapDownloadsAsXlsxWithRussianHeadersAndRealDates() throws IOException {
        long programme = startProgrammeOverApi("Школа таблицы " + System.nanoTime(), "pupil-pupil");

        HttpResponse<byte[]> xlsx = WebappSession.loggedIn(port, "deputy", PASSWORD)
                .download("/programmes/" + programme + "/roadmap.xlsx");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("roadmap-" + programme + ".xlsx"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheet("Дорожная карта");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).startsWith("№", "Этап", "Мероприятие", "Ответственный", "Начало", "Срок", "Состояние");
            assertThat(sheet.getLastRowNum()).isEqualTo(35);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("1.1");
            Cell due = first.getCell(5);
            assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
            LocalDateTime dueDate = due.getLocalDateTimeCellValue();
            assertThat(dueDate.toLocalDate()).isBetween(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31));
            assertThat(first.getCell(6).getStringCellValue()).isIn("в работе", "просрочен", "запланирован");
        }
    }

    @Test
    void aPairGoesSilentAfterTwoMissedMeetingsInARowOrAMonthWithoutReports() {
        LocalDate today = LocalDate.of(2026, 11, 20);
        java.time.Instant started = LocalDate.of(2026, 11, 1).atStartOfDay(SCHOOL_ZONE).toInstant();
        java.time.Instant reported = LocalDate.of(2026, 11, 10).atStartOfDay(SCHOOL_ZONE).toInstant();
        java.time.Instant late = LocalDate.of(2026, 11, 15).atStartOfDay(SCHOOL_ZONE).toInstant();

        assertThat(silent(List.of(), started, today)).isFalse();
        assertThat(silent(List.of(), started, today.plusDays(30))).isTrue();
        assertThat(silent(List.of(meeting(reported, null), meeting(null, late)), started, today)).isFalse();
        assertThat(silent(List.of(meeting(reported, null), meeting(null, late), meeting(null, late)),
                started, today)).isTrue();
        // A reported meeting between two missed ones breaks the row.
        assertThat(silent(List.of(meeting(null, late), meeting(reported, null), meeting(null, late)),
                started, today)).isFalse();
    }

    private static boolean silent(List<PairMeetings.Meeting> meetings, java.time.Instant started, LocalDate today) {
        return SilentPairs.silent(meetings, started, today, SCHOOL_ZONE);
    }

    private static PairMeetings.Meeting meeting(java.time.Instant reportedAt, java.time.Instant overdueAt) {
        return new PairMeetings.Meeting(1, 1, "regular", 1, "Встреча", null, null, overdueAt, reportedAt, null, null,
                null, null, null, null, List.of(), 0);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
