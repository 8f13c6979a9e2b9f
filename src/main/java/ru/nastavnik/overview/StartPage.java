package ru.nastavnik.overview;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.HtmlPage;
import ru.nastavnik.shared.PageTemplates;

/**
 * The site's root: the product's start page with the programmes the user may open, a mentor's own pairs, and the
 * way into the Russian Tasklist, where school staff work. Only for a user logged into Tasklist; anyone else is sent
 * to its login page (security's page filter). Camunda's own index redirect
 * (camunda.bpm.webapp.index-redirect-enabled, off in application.yml) would open its English
 * Welcome page with the "migrate to Camunda 8" banner.
 */
@HtmlPage
@RestController
class StartPage {

    static final String TASKLIST = "/camunda/app/tasklist/";

    private final ProgrammeOverview overview;
    private final PairPage pairs;
    private final PageTemplates pages;
    private final CurrentUser currentUser;

    StartPage(ProgrammeOverview overview, PairPage pairs, PageTemplates pages, CurrentUser currentUser) {
        this.overview = overview;
        this.pairs = pairs;
        this.pages = pages;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> start() {
        return pages.render(HttpStatus.OK, "start", Map.of("title", "Наставник", "user", currentUser.id(),
                "programmes", overview.visible(), "ownPairs", pairs.ownPairs(), "tasklist", TASKLIST,
                "coordinator", currentUser.inAnyGroup(List.of(Groups.COORDINATOR))));
    }
}
