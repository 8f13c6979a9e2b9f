package ru.nastavnik;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.district.GeneratedDistrict;
import ru.nastavnik.district.Municipalities;
import ru.nastavnik.district.Municipality;
import ru.nastavnik.security.Groups;

/**
 * The coordinator's district in a real browser: from the start page to /district in the Tasklist session, sorted by
 * a column, drilled into a school, downloaded as XLSX; readable at 1400×900 and on a 390 px phone
 * (target/screenshots/district-*.png).
 */
class DistrictBrowserTest extends BrowserTest {

    static final LocalDateTime SCHOOL_NOW = LocalDateTime.of(2026, 11, 16, 9, 0);

    @Autowired
    Municipalities municipalities;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void theCoordinatorComparesSortsDrillsDownAndDownloadsOnAWideScreenAndOnAPhone() throws IOException {
        try {
            clockAt(SCHOOL_NOW);
            long run = System.nanoTime() % 100_000;
            String coordinator = "district-" + run;
            ensureUser(coordinator, Groups.COORDINATOR);
            Municipality district = municipalities.create("Городской округ Браузерный " + run);
            municipalities.attachCoordinator(district.id(), coordinator);
            List<GeneratedDistrict.Expected> schools = new GeneratedDistrict(jdbc, new JdbcTemplate(dataSource), run,
                    SCHOOL_NOW.toLocalDate(), SCHOOL_NOW.atZone(SCHOOL_ZONE).toInstant())
                    .schools(district.id(), "МБОУ «Средняя общеобразовательная школа»", 12, 20);

            Page page = tasklist.login(engine, port, coordinator, PASSWORD, SCHOOL_NOW, SCHOOL_ZONE);
            page.navigate("http://localhost:" + port + "/");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Школы муниципалитета")).click();
            assertThat(page.locator("h1")).hasText("Школы муниципалитета");
            assertThat(page.locator("#schools tbody tr")).hasCount(12);
            Tasklist.screenshot(page, "district-1400");
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("at 1400 px the table fits without scrolling sideways").isTrue();

            // Sorting by «Просрочено»: up on the first click, down on the second.
            page.locator("#sort-overdue").click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("sort=overdue$"));
            page.locator("#sort-overdue").click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("sort=-overdue$"));
            GeneratedDistrict.Expected most = schools.stream()
                    .max(Comparator.comparingInt(GeneratedDistrict.Expected::overdue)).orElseThrow();
            assertThat(page.locator("#schools tbody tr").first().locator("td").nth(3))
                    .hasText(String.valueOf(most.overdue()));

            page.setViewportSize(390, 844);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("on a phone only the table scrolls sideways, not the page").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Tasklist.SCREENSHOTS.resolve("district-390-top.png")));
            Tasklist.screenshot(page, "district-390");
            page.setViewportSize(1400, 900);

            // The XLSX of the same table.
            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Скачать XLSX")).click());
            try (InputStream in = Files.newInputStream(download.path()); XSSFWorkbook book = new XSSFWorkbook(in)) {
                assertThat(book.getSheet("Школы").getLastRowNum()).isEqualTo(12);
                assertThat(book.getSheet("Школы").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Школа");
            }

            // Drilling down: the first school's overview, in the same session.
            Locator first = page.locator("#schools tbody tr").first().locator("td.school a");
            String school = first.textContent();
            first.click();
            assertThat(page.locator("h1")).hasText(school);
            assertThat(page.locator("#roadmap")).containsText("просрочен");
            Tasklist.screenshot(page, "district-school-1400");
        } catch (AssertionError | RuntimeException e) {
            tasklist.screenshotOpenPages("failure-district");
            throw e;
        } finally {
            tasklist.closeSessions();
        }
    }
}
