package ru.nastavnik.district;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.WebappSession;
import ru.nastavnik.security.Groups;

/**
 * The coordinator's district: a generated district of 50 schools whose table (page and XLSX) shows what was written,
 * another municipality's schools never shown nor opened, the role refused to everyone else, and the weekly email.
 */
class DistrictPageTest extends IntegrationTest {

    static final Pattern ROW = Pattern.compile("<tr id=\"school-(\\d+)\">(.*?)</tr>", Pattern.DOTALL);
    static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

    @Autowired
    Municipalities municipalities;
    @Autowired
    WeeklyOverdueSummary summary;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    String coordinator;
    Municipality own;
    Municipality other;
    List<GeneratedDistrict.Expected> ownSchools;
    List<GeneratedDistrict.Expected> otherSchools;

    @BeforeEach
    void district() {
        clockAt(LocalDateTime.of(2026, 11, 16, 9, 0));
        long run = System.nanoTime();
        coordinator = "coord-" + run;
        ensureUser(coordinator, Groups.COORDINATOR);
        own = municipalities.create("Округ " + run);
        other = municipalities.create("Соседний округ " + run);
        municipalities.attachCoordinator(own.id(), coordinator);
        GeneratedDistrict generator = new GeneratedDistrict(jdbc, new JdbcTemplate(dataSource), run,
                LocalDate.of(2026, 11, 16), LocalDateTime.of(2026, 11, 16, 9, 0).atZone(SCHOOL_ZONE).toInstant());
        ownSchools = generator.schools(own.id(), "Школа " + run, 50, 8);
        otherSchools = generator.schools(other.id(), "Чужая школа " + run, 3, 8);
    }

    @Test
    void theTableOfFiftySchoolsShowsWhatTheDatabaseHolds() {
        HttpResponse<String> page = WebappSession.loggedIn(port, coordinator, PASSWORD).get("/district");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<Long, List<String>> rows = rows(page.body());
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                ownSchools.stream().map(GeneratedDistrict.Expected::programmeId).toList());
        for (GeneratedDistrict.Expected e : ownSchools) {
            List<String> cells = rows.get(e.programmeId());
            assertThat(cells).as(e.school()).containsExactly(e.school() + " 2026/2027", own.name(), "Этап не начат",
                    String.valueOf(e.overdue()), String.valueOf(e.mentees()), String.valueOf(e.mentors()),
                    String.valueOf(e.active()), String.valueOf(e.finished()), String.valueOf(e.ended()),
                    share(e.onPlan(), e.working()), share(e.answered(), e.sent()));
        }
        // The generator made every kind of school: with and without overdue items, missed meetings, answers.
        assertThat(ownSchools).anyMatch(e -> e.overdue() == 0).anyMatch(e -> e.overdue() > 2)
                .anyMatch(e -> e.onPlan() < e.working()).anyMatch(e -> e.ended() > 0);
        String body = page.body();
        assertThat(body).contains("Итого", "href=\"/programmes/" + ownSchools.get(0).programmeId() + "\"",
                "href=\"/district.xlsx\"");
        otherSchools.forEach(e -> assertThat(body).doesNotContain(e.school()));
        assertThat(body).doesNotContain(other.name());
        // Each overdue item is listed under its school, with a link to it on the school's overview.
        GeneratedDistrict.Expected late = ownSchools.stream().filter(e -> e.overdue() > 0).findFirst().orElseThrow();
        List<String> codes = jdbc.sql("""
                        select code from roadmap_item where programme_id = :p and completed_at is null
                          and activated_at is not null and due_date < :today order by stage, position""")
                .param("p", late.programmeId()).param("today", LocalDate.of(2026, 11, 16)).query(String.class).list();
        assertThat(codes).hasSize(late.overdue());
        codes.forEach(code -> assertThat(body).contains("href=\"/programmes/" + late.programmeId() + "#item-" + code + "\""));
    }

    @Test
    void sortingByAColumnOrdersTheRowsAndTurnsAround() {
        WebappSession session = WebappSession.loggedIn(port, coordinator, PASSWORD);

        List<Long> byOverdueDown = new ArrayList<>(rows(session.get("/district?sort=-overdue").body()).keySet());
        List<Long> byMenteesUp = new ArrayList<>(rows(session.get("/district?sort=mentees").body()).keySet());
        List<Long> bySchoolUp = new ArrayList<>(rows(session.get("/district").body()).keySet());

        // Ties in school order, «№ 2» before «№ 10».
        Comparator<GeneratedDistrict.Expected> bySchool = Comparator.comparingInt(e ->
                Integer.parseInt(e.school().substring(e.school().lastIndexOf(' ') + 1)));
        assertThat(byOverdueDown).containsExactlyElementsOf(ownSchools.stream().sorted(
                Comparator.comparingInt(GeneratedDistrict.Expected::overdue).reversed().thenComparing(bySchool))
                .map(GeneratedDistrict.Expected::programmeId).toList());
        assertThat(byMenteesUp).containsExactlyElementsOf(ownSchools.stream().sorted(
                Comparator.comparingLong(GeneratedDistrict.Expected::mentees).thenComparing(bySchool))
                .map(GeneratedDistrict.Expected::programmeId).toList());
        assertThat(bySchoolUp).containsExactlyElementsOf(ownSchools.stream().map(GeneratedDistrict.Expected::programmeId)
                .toList());
        // The heading sorted by links to the other direction.
        assertThat(session.get("/district?sort=mentees").body()).contains("href=\"/district?sort=-mentees\"");
    }

    @Test
    void theXlsxHasRussianHeadersNumberCellsAndOnlyOwnSchools() throws IOException {
        HttpResponse<byte[]> xlsx = WebappSession.loggedIn(port, coordinator, PASSWORD).download("/district.xlsx");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        Map<String, GeneratedDistrict.Expected> byName = ownSchools.stream()
                .collect(Collectors.toMap(GeneratedDistrict.Expected::school, Function.identity()));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheet("Школы");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).startsWith("Школа", "Учебный год", "Муниципалитет", "Этап", "Где сейчас",
                    "Просрочено пунктов");
            assertThat(sheet.getLastRowNum()).isEqualTo(50);
            for (int r = 1; r <= 50; r++) {
                Row row = sheet.getRow(r);
                GeneratedDistrict.Expected e = byName.get(row.getCell(0).getStringCellValue());
                assertThat(e).as(row.getCell(0).getStringCellValue()).isNotNull();
                assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(List.of(row.getCell(5), row.getCell(7), row.getCell(8), row.getCell(9), row.getCell(10),
                        row.getCell(11), row.getCell(13), row.getCell(14)).stream().map(Cell::getNumericCellValue)
                        .toList()).containsExactly((double) e.overdue(), (double) e.mentees(), (double) e.mentors(),
                        (double) e.active(), (double) e.finished(), (double) e.ended(), (double) e.sent(),
                        (double) e.answered());
                if (e.working() > 0) {
                    assertThat(row.getCell(12).getNumericCellValue()).isCloseTo((double) e.onPlan() / e.working(),
                            org.assertj.core.data.Offset.offset(1e-9));
                }
            }
            List<String> names = new ArrayList<>();
            sheet.forEach(row -> row.forEach(c -> {
                if (c.getCellType() == CellType.STRING) {
                    names.add(c.getStringCellValue());
                }
            }));
            otherSchools.forEach(e -> assertThat(names).noneMatch(n -> n.contains(e.school())));
        }
    }

    @Test
    void aCoordinatorReadsOwnSchoolsOnlyHoweverTheAddressIsSpelt() {
        WebappSession session = WebappSession.loggedIn(port, coordinator, PASSWORD);
        long mine = ownSchools.get(0).programmeId();
        long foreign = otherSchools.get(0).programmeId();

        assertThat(session.get("/programmes/" + mine).statusCode()).isEqualTo(200);
        for (String path : List.of("/programmes/" + foreign, "/programmes;x/" + foreign, "//programmes/" + foreign,
                "/programmes/" + foreign + ";x", "/programmes/" + foreign + "/roadmap.xlsx",
                "/programmes/" + foreign + "/pairs/1")) {
            HttpResponse<String> refused = session.get(path);
            // Spring MVC matches no handler for «//programmes/…»: not found, which shows nothing either.
            assertThat(refused.statusCode()).as(path).isEqualTo(path.startsWith("//") ? 404 : 403);
            assertThat(refused.body()).as(path).doesNotContain(otherSchools.get(0).school());
            if (!path.startsWith("//")) {
                assertThat(refused.body()).as(path).contains("Это программа другой школы");
            }
        }
        RestClient api = RestClient.as(port, coordinator, PASSWORD);
        for (String path : List.of("/api/programmes/" + foreign + "/pairs", "/api/programmes/" + foreign + "/orders",
                "/api/programmes/" + foreign + "/participants", "/api/programmes/" + foreign + "/feedback")) {
            HttpResponse<String> refused = api.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("Участник");
        }
        assertThat(api.get("/api/programmes/" + mine + "/pairs").statusCode()).isEqualTo(200);
        for (String path : List.of("/district;x", "//district", "/district/", "/district.xlsx;x")) {
            HttpResponse<String> variant = session.get(path);
            assertThat(variant.statusCode()).as(path).isIn(200, 404);
            otherSchools.forEach(e -> assertThat(variant.body()).as(path).doesNotContain(e.school()));
        }
        // The start page lists the coordinator's schools, links to the district, and names no other school.
        String start = session.get("/").body();
        assertThat(start).contains("href=\"/district\"", ownSchools.get(0).school());
        otherSchools.forEach(e -> assertThat(start).doesNotContain(e.school()));
    }

    @Test
    void mentorsCuratorsAndStrangersAreRefusedTheDistrict() {
        for (String user : List.of("mentor1", "curator")) {
            WebappSession session = WebappSession.loggedIn(port, user, PASSWORD);
            for (String path : List.of("/district", "/district.xlsx", "/district;x", "//district")) {
                HttpResponse<String> refused = session.get(path);
                assertThat(refused.statusCode()).as(user + " " + path).isEqualTo(path.startsWith("//") ? 404 : 403);
                assertThat(refused.body()).as(user + " " + path).doesNotContain(ownSchools.get(0).school());
                if (!path.startsWith("//")) {
                    assertThat(refused.body()).as(user + " " + path).contains("видит координатор");
                }
            }
        }
        assertThat(WebappSession.loggedIn(port, "curator", PASSWORD).get("/").body()).doesNotContain("href=\"/district\"");
        for (String path : List.of("/district", "/district.xlsx", "//district", "/district;x")) {
            HttpResponse<String> anonymous = RestClient.anonymous(port).get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).endsWith("/camunda/app/tasklist/default/#/login"));
        }
    }

    @Test
    void theWeeklyEmailListsEachOwnSchoolsOverdueItemsOnce() throws Exception {
        forgetMail();

        summary.send();
        summary.send();

        List<MimeMessage> mine = Arrays.stream(receivedMail()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(coordinator + "@school.test");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(mine).hasSize(1);
        String text = text(mine.get(0));
        long total = ownSchools.stream().mapToInt(GeneratedDistrict.Expected::overdue).sum();
        assertThat(mine.get(0).getSubject()).contains("просроченные пункты", own.name(), String.valueOf(total), "16.11.2026");
        for (GeneratedDistrict.Expected e : ownSchools) {
            if (e.overdue() > 0) {
                assertThat(text).contains(e.school() + ", 2026/2027", "/programmes/" + e.programmeId());
            } else {
                assertThat(text).doesNotContain(e.school() + ", ");
            }
        }
        otherSchools.forEach(e -> assertThat(text).doesNotContain(e.school()));
        assertThat(text).contains("Мероприятие ", "— срок ", "/district");
        System.out.println("Weekly summary:\n" + mine.get(0).getSubject() + "\n\n" + text);
    }

    @Test
    void onlyTheAdminSetsUpMunicipalitiesAndAProgrammeNamesAnExistingOne() {
        RestClient admin = RestClient.as(port, "admin", "admin-test");
        String name = "Новый округ " + System.nanoTime();

        HttpResponse<String> created = admin.post("/api/municipalities", "{\"name\": \"  " + name + " \"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"name\":\"" + name + "\"");
        assertThat(admin.post("/api/municipalities", "{\"name\": \"" + name + "\"}").statusCode()).isEqualTo(409);
        assertThat(admin.post("/api/municipalities", "{\"name\": \"  \"}").body()).contains("Укажите название");
        assertThat(admin.put("/api/municipalities/" + own.id() + "/coordinators/mentor1", "").body())
                .contains("только пользователя с ролью «Координатор»");
        for (String user : List.of("curator", coordinator)) {
            assertThat(RestClient.as(port, user, PASSWORD).post("/api/municipalities", "{\"name\": \"x\"}").statusCode())
                    .isEqualTo(403);
            assertThat(RestClient.as(port, user, PASSWORD).put("/api/municipalities/" + own.id() + "/programmes/"
                    + otherSchools.get(0).programmeId(), "").statusCode()).isEqualTo(403);
        }

        // A school moved into the coordinator's municipality appears in their table; a running one with its stage.
        assertThat(admin.put("/api/municipalities/" + own.id() + "/programmes/" + otherSchools.get(1).programmeId(), "")
                .statusCode()).isEqualTo(204);
        String running = "Школа с процессом " + System.nanoTime();
        long started = startProgrammeOverApi(running, "pupil-pupil");
        assertThat(admin.put("/api/municipalities/" + own.id() + "/programmes/" + started, "").statusCode())
                .isEqualTo(204);
        Map<Long, List<String>> rows = rows(WebappSession.loggedIn(port, coordinator, PASSWORD).get("/district").body());
        assertThat(rows.get(otherSchools.get(1).programmeId()).get(0)).startsWith(otherSchools.get(1).school());
        assertThat(rows.get(started)).startsWith(running + " 2026/2027", own.name(), "Этап 1. Подготовка условий");

        String school = "Школа без округа " + System.nanoTime();
        HttpResponse<String> refused = RestClient.as(port, "curator", PASSWORD).post("/api/programmes", """
                {"schoolName": "%s", "schoolYear": "2026/2027", "forms": ["pupil-pupil"], "curatorId": "curator",
                 "municipalityId": 999999}""".formatted(school));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Муниципалитет 999999 не найден");
        assertThat(jdbc.sql("select count(*) from programme where school_name = :s").param("s", school)
                .query(Long.class).single()).isZero();
    }

    /** The cells of each row, tags stripped and spaces joined, in the page's order. */
    static Map<Long, List<String>> rows(String html) {
        Map<Long, List<String>> rows = new java.util.LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
            }
            rows.put(Long.parseLong(row.group(1)), cells);
        }
        return rows;
    }

    static String share(long part, long whole) {
        return whole == 0 ? "—" : Math.round(100.0 * part / whole) + " %";
    }
}
