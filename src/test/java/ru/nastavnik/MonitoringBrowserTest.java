package ru.nastavnik;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;

/**
 * The monitoring page in Chromium: ECharts loads from the webjar under the page's CSP, all four charts draw on a
 * canvas, the console stays free of errors, at 1400×900 and on a 390 px phone (target/screenshots/monitoring-*.png).
 */
class MonitoringBrowserTest extends BrowserTest {

    static final LocalDateTime SCHOOL_NOW = LocalDateTime.of(2027, 5, 20, 10, 0);
    static final List<String> CHARTS = List.of("chart-dynamics", "chart-classes", "chart-forms", "chart-meetings");

    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;

    @Test
    void chartsRenderWithoutConsoleErrorsOnAWideScreenAndOnAPhone() {
        List<Pair> fixed = new ArrayList<>();
        try {
            clockAt(LocalDateTime.of(2026, 10, 1, 10, 0));
            long programme = startProgrammeOverApi("МБОУ СОШ № " + (System.nanoTime() % 1000) + " «Итоговая»",
                    "pupil-pupil");
            String mentor = TestParticipants.unique("Петров") + " Пётр";
            String anna = TestParticipants.unique("Иванова") + " Анна";
            String oleg = TestParticipants.unique("Сидоров") + " Олег";
            Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                    TestPairs.pupil(mentor, true, "p" + programme + "@school.test", "r" + programme + "@mail.test"),
                    TestPairs.pupil(anna, false, "", "a" + programme + "@mail.test"),
                    TestPairs.pupil(oleg, false, "", "o" + programme + "@mail.test").replace(";6А;", ";7Б;")));
            fixed.addAll(TestPairs.fix(orders, pairs, programme, Map.of(ids.get(mentor),
                    List.of(ids.get(anna), ids.get(oleg)))));
            clockAt(SCHOOL_NOW);
            pairs.close(fixed.get(0).id(), Pair.FINISHED, null, "curator");
            RestClient curator = RestClient.as(port, "curator", PASSWORD);
            String api = "/api/programmes/" + programme;
            for (Map.Entry<String, String> exit : Map.of(anna, "4, \"activity\": 4, \"selfEsteem\": 4, \"anxiety\": 2",
                    oleg, "3, \"activity\": 3, \"selfEsteem\": 2, \"anxiety\": 3").entrySet()) {
                HttpResponse<String> saved = curator.put(api + "/exit-assessments/" + ids.get(exit.getKey()),
                        "{\"assessedOn\": \"2027-05-20\", \"engagement\": " + exit.getValue() + "}");
                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            }
            assertThat(curator.put(api + "/roster", "{\"classes\": {\"6А\": 3, \"7Б\": 2, \"9Б\": 1}, "
                    + "\"teachers\": 12}").statusCode()).isEqualTo(200);

            Page page = tasklist.login(engine, port, "curator", PASSWORD, SCHOOL_NOW, SCHOOL_ZONE);
            List<String> errors = new ArrayList<>();
            page.onConsoleMessage(m -> {
                // The browser's own favicon request is not the page's (no page of the product has an icon).
                if ("error".equals(m.type()) && !m.location().contains("/favicon.ico")) {
                    errors.add(m.text() + " at " + m.location());
                }
            });
            page.onPageError(errors::add);
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    errors.add(r.status() + " " + r.url());
                }
            });
            page.setViewportSize(1400, 900);
            page.navigate("http://localhost:" + port + "/programmes/" + programme + "/monitoring");
            page.waitForFunction("() => document.querySelectorAll('.chart canvas').length >= 4");
            for (String chart : CHARTS) {
                assertThat(page.locator("#" + chart + " canvas").count()).as(chart).isPositive();
            }
            // Пётр (9Б), Анна (6А), Олег (7Б) of 6 pupils.
            assertThat(page.locator("#coverage-pupil").textContent()).contains("50,0 %");
            Tasklist.screenshot(page, "monitoring-1400");
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

            page.setViewportSize(390, 844);
            page.waitForTimeout(300);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("on a phone only the tables scroll sideways, not the page").isTrue();
            assertThat((Number) page.evaluate("document.querySelector('#chart-classes canvas').getBoundingClientRect()"
                    + ".width")).satisfies(w -> assertThat(w.doubleValue()).isLessThanOrEqualTo(390));
            page.screenshot(new Page.ScreenshotOptions().setPath(Tasklist.SCREENSHOTS.resolve("monitoring-390.png")));
            page.locator("#chart-classes").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Tasklist.SCREENSHOTS.resolve("monitoring-390-classes.png")));
            assertThat(errors).as("console errors").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            tasklist.screenshotOpenPages("failure-monitoring");
            throw e;
        } finally {
            tasklist.closeSessions();
            TestPairs.end(engine.getRuntimeService(), fixed);
        }
    }
}
