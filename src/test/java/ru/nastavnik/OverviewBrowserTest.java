package ru.nastavnik;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItemProcess;

/**
 * The overview page in a real browser: reached from a task form's «Обзор программы» link in the same Tasklist
 * session, and readable at 1400×900 and on a 390 px phone (target/screenshots/overview-*.png).
 */
class OverviewBrowserTest extends BrowserTest {

    static final LocalDateTime SCHOOL_NOW = LocalDateTime.of(2026, 10, 5, 10, 0);

    @Autowired
    TaskService taskService;
    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;

    @Test
    void theCuratorOpensTheOverviewFromATaskFormOnAWideScreenAndOnAPhone() {
        try {
            clockAt(SCHOOL_NOW);
            long programme = startProgrammeOverApi("МБОУ СОШ № " + (System.nanoTime() % 1000) + " «Обзорная»",
                    "pupil-pupil");
            String mentor = TestParticipants.unique("Петров") + " Пётр";
            String mentee = TestParticipants.unique("Иванова") + " Анна";
            Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                    TestPairs.pupil(mentor, true, "p" + programme + "@school.test", "r" + programme + "@mail.test"),
                    TestPairs.pupil(mentee, false, "", "m" + programme + "@mail.test")));
            TestPairs.fix(orders, pairs, programme, Map.of(ids.get(mentor), List.of(ids.get(mentee))));
            Task item = taskService.createTaskQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(programme))
                    .taskDefinitionKey(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM).list().get(0);

            Page page = tasklist.openTask(tasklist.login(engine, port, "curator", PASSWORD, SCHOOL_NOW, SCHOOL_ZONE),
                    port, item);
            Locator link = page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Обзор программы"));
            assertThat(link).hasAttribute("href", "/programmes/" + programme);

            // The same session: no second login.
            page.navigate("http://localhost:" + port + link.getAttribute("href"));
            assertThat(page.locator("h1")).containsText("Обзорная");
            assertThat(page.locator("#item-1\\.1 .status")).hasText("в работе");
            assertThat(page.locator("#pairs")).containsText(mentor);
            Tasklist.screenshot(page, "overview-1400");
            // Nothing wider than the window at 1400 px: the tables fit without scrolling the page sideways.
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

            page.setViewportSize(390, 844);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("on a phone only the tables scroll sideways, not the page").isTrue();
            Tasklist.screenshot(page, "overview-390");
            // The full page is too tall to read at once: the first screen and the pairs as a phone shows them.
            page.screenshot(new Page.ScreenshotOptions().setPath(Tasklist.SCREENSHOTS.resolve("overview-390-top.png")));
            page.locator("#pairs").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Tasklist.SCREENSHOTS.resolve("overview-390-pairs.png")));
        } catch (AssertionError | RuntimeException e) {
            tasklist.screenshotOpenPages("failure-overview");
            throw e;
        } finally {
            tasklist.closeSessions();
        }
    }

    /**
     * The lists' filter forms in a real browser at both widths (target/screenshots/overview-filters-*.png), and the
     * documents to sign rendered to images (target/screenshots/document-*.png) to be looked at.
     */
    @Test
    void theDirectorFiltersThePairsAndOpensTheDocumentsOnAWideScreenAndOnAPhone() throws Exception {
        try {
            clockAt(SCHOOL_NOW);
            long programme = startProgrammeOverApi("МБОУ СОШ № " + (System.nanoTime() % 1000) + " «Фильтры»",
                    "pupil-pupil");
            String mentor = TestParticipants.unique("Петров") + " Пётр";
            String mentee = TestParticipants.unique("Иванова") + " Анна";
            String otherMentor = TestParticipants.unique("Кузнецова") + " Ольга";
            String otherMentee = TestParticipants.unique("Сидоров") + " Олег";
            Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                    TestPairs.pupil(mentor, true, "p" + programme + "@school.test", "r" + programme + "@mail.test"),
                    TestPairs.pupil(otherMentor, true, "o" + programme + "@school.test", "q" + programme + "@mail.test"),
                    TestPairs.pupil(mentee, false, "", "m" + programme + "@mail.test"),
                    TestPairs.pupil(otherMentee, false, "", "n" + programme + "@mail.test")));
            List<ru.nastavnik.pair.Pair> fixed = TestPairs.fix(orders, pairs, programme, Map.of(ids.get(mentor),
                    List.of(ids.get(mentee)), ids.get(otherMentor), List.of(ids.get(otherMentee))));
            Page page = tasklist.login(engine, port, "director", PASSWORD, SCHOOL_NOW, SCHOOL_ZONE);
            page.setViewportSize(1400, 900);
            page.navigate("http://localhost:" + port + "/programmes/" + programme);

            Locator pairsForm = page.locator("#pairs form.filters");
            pairsForm.locator("select[name='pairs.status']").selectOption("active");
            pairsForm.locator("input[name='pairs.q']").fill(mentor.substring(0, 8));
            pairsForm.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Показать")).click();
            page.waitForURL(url -> url.contains("pairs.q="));
            assertThat(page.locator("#pairs tbody tr")).hasCount(1);
            assertThat(page.locator("#pairs tbody")).containsText(mentor);
            assertThat(page.locator("#pairs")).containsText("Показано 1 из 2");
            // A second list's filter keeps the first.
            page.locator("#roadmap select[name='roadmap.stage']").selectOption("5");
            page.locator("#roadmap form.filters button").click();
            page.waitForURL(url -> url.contains("roadmap.stage=5"));
            assertThat(page.locator("#pairs tbody tr")).hasCount(1);
            assertThat(page.locator("#roadmap tbody tr").first()).hasId("item-5.1");
            assertThat(page.locator("#roadmap a", new Page.LocatorOptions().setHasText("XLSX")))
                    .hasAttribute("href", "/programmes/" + programme + "/roadmap.xlsx?stage=5");
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            Tasklist.screenshot(page, "overview-filters-1400");
            page.locator("#pairs").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Tasklist.SCREENSHOTS.resolve("overview-filters-1400-pairs.png")));

            page.setViewportSize(390, 844);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("on a phone the filter forms wrap, only tables scroll sideways").isTrue();
            page.locator("#pairs").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Tasklist.SCREENSHOTS.resolve("overview-filters-390-pairs.png")));
            page.locator("#roadmap form.filters").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Tasklist.SCREENSHOTS.resolve("overview-filters-390-roadmap.png")));

            // The documents the links open, in the same session, rendered to look at.
            render(page.request().get("http://localhost:" + port + "/programmes/" + programme + "/roadmap.pdf")
                    .body(), "document-roadmap");
            long pairId = fixed.stream().filter(p -> p.mentor().personId() == ids.get(mentor)).findFirst()
                    .orElseThrow().id();
            render(page.request().get("http://localhost:" + port + "/programmes/" + programme + "/pairs/" + pairId
                    + "/plan.pdf").body(), "document-plan");
            String orderPdf = page.locator("#orders a", new Page.LocatorOptions().setHasText("PDF")).first()
                    .getAttribute("href");
            render(page.request().get("http://localhost:" + port + orderPdf).body(), "document-order");
            for (ru.nastavnik.pair.Pair p : fixed) {
                engine.getRuntimeService().deleteProcessInstance(p.processInstanceId(), "test over");
            }
        } catch (AssertionError | RuntimeException e) {
            tasklist.screenshotOpenPages("failure-overview-filters");
            throw e;
        } finally {
            tasklist.closeSessions();
        }
    }

    /** The PDF's first page as a PNG at 100 dpi. */
    private static void render(byte[] pdf, String name) throws java.io.IOException {
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 100);
            javax.imageio.ImageIO.write(image, "png", Tasklist.SCREENSHOTS.resolve(name + ".png").toFile());
        }
    }
}
