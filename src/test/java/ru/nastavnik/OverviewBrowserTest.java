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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
class OverviewBrowserTest extends IntegrationTest {

    static final LocalDateTime SCHOOL_NOW = LocalDateTime.of(2026, 10, 5, 10, 0);

    private static Tasklist tasklist;

    @Autowired
    TaskService taskService;
    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;

    @BeforeAll
    static void launchChromium() {
        tasklist = Tasklist.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (tasklist != null) {
            tasklist.close();
        }
    }

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
}
