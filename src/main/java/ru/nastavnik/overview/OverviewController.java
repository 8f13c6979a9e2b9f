package ru.nastavnik.overview;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.spreadsheet.SheetTemplate;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.HtmlPage;
import ru.nastavnik.shared.PageTemplates;

/**
 * {@code /programmes/{id}}: a programme's overview page with its lists filtered by GET parameters, each list as a
 * spreadsheet, and the roadmap to sign as PDF or DOCX.
 */
@HtmlPage
@RestController
class OverviewController {

    private final ProgrammeOverview overview;
    private final PageTemplates pages;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    OverviewController(ProgrammeOverview overview, PageTemplates pages, CurrentUser currentUser, AuditLog audit) {
        this.audit = audit;
        this.overview = overview;
        this.pages = pages;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/programmes/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable long id, @RequestParam Map<String, String> params) {
        ProgrammeOverview.View view = overview.view(id, params);
        return pages.render(HttpStatus.OK, "overview", Map.of("title", "Обзор программы: "
                + view.programme().title(), "v", view, "tasklist", StartPage.TASKLIST, "user", currentUser.id()));
    }

    /** The roadmap to sign, as PDF or DOCX. */
    @GetMapping("/programmes/{id}/roadmap.{format:pdf|docx}")
    ResponseEntity<byte[]> roadmapDocument(@PathVariable long id, @PathVariable String format) {
        ProgrammeOverview.Printed printed = overview.printed(id);
        return PrintedDocuments.download("Дорожная_карта_" + printed.programme().schoolYear().replace('/', '-'),
                PrintedDocuments.roadmap(printed), PrintedDocuments.ROADMAP_TITLE,
                printed.programme().schoolName(), format.equals("pdf"));
    }

    /** Each list of the page as XLSX, filtered by the page's filters of that list (without the list's prefix). */
    @GetMapping("/programmes/{id}/roadmap.xlsx")
    ResponseEntity<byte[]> roadmap(@PathVariable long id, @RequestParam Map<String, String> params) {
        return SheetTemplate.download("roadmap-" + id + ".xlsx", overview.roadmapXlsx(id, params));
    }

    @GetMapping("/programmes/{id}/bases.xlsx")
    ResponseEntity<byte[]> bases(@PathVariable long id, @RequestParam Map<String, String> params) {
        return SheetTemplate.download("bases-" + id + ".xlsx", overview.basesXlsx(id, params));
    }

    @GetMapping("/programmes/{id}/pairs.xlsx")
    ResponseEntity<byte[]> pairs(@PathVariable long id, @RequestParam Map<String, String> params) {
        byte[] xlsx = overview.pairsXlsx(id, params);
        audit.record(currentUser.id(), "pairs.exported", id, null, null);
        return SheetTemplate.download("pairs-" + id + ".xlsx", xlsx);
    }

    @GetMapping("/programmes/{id}/orders.xlsx")
    ResponseEntity<byte[]> orders(@PathVariable long id, @RequestParam Map<String, String> params) {
        return SheetTemplate.download("orders-" + id + ".xlsx", overview.ordersXlsx(id, params));
    }

    @GetMapping("/programmes/{id}/feedback.xlsx")
    ResponseEntity<byte[]> feedback(@PathVariable long id, @RequestParam Map<String, String> params) {
        byte[] xlsx = overview.feedbackXlsx(id, params);
        audit.record(currentUser.id(), "feedback.exported", id, null, null);
        return SheetTemplate.download("feedback-" + id + ".xlsx", xlsx);
    }
}
