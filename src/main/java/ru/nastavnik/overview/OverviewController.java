package ru.nastavnik.overview;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.spreadsheet.SheetTemplate;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.HtmlPage;
import ru.nastavnik.shared.PageTemplates;

/** {@code /programmes/{id}}: a programme's overview page, and its roadmap as a spreadsheet. */
@HtmlPage
@RestController
class OverviewController {

    private final ProgrammeOverview overview;
    private final PageTemplates pages;
    private final CurrentUser currentUser;

    OverviewController(ProgrammeOverview overview, PageTemplates pages, CurrentUser currentUser) {
        this.overview = overview;
        this.pages = pages;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/programmes/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable long id) {
        ProgrammeOverview.View view = overview.view(id);
        return pages.render(HttpStatus.OK, "overview", Map.of("title", "Обзор программы: "
                + view.programme().title(), "v", view, "tasklist", StartPage.TASKLIST, "user", currentUser.id()));
    }

    @GetMapping("/programmes/{id}/roadmap.xlsx")
    ResponseEntity<byte[]> roadmap(@PathVariable long id) {
        return SheetTemplate.download("roadmap-" + id + ".xlsx", RoadmapSheet.xlsx(overview.roadmap(id),
                overview.today(), overview.zone()));
    }
}
