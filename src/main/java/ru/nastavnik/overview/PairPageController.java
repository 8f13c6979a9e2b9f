package ru.nastavnik.overview;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.HtmlPage;
import ru.nastavnik.shared.PageTemplates;

/** {@code /programmes/{id}/pairs/{pairId}}: one pair's page, for the staff and the pair's own mentor. */
@HtmlPage
@RestController
class PairPageController {

    private final PairPage pair;
    private final PageTemplates pages;
    private final CurrentUser currentUser;

    PairPageController(PairPage pair, PageTemplates pages, CurrentUser currentUser) {
        this.pair = pair;
        this.pages = pages;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/programmes/{id}/pairs/{pairId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable long id, @PathVariable long pairId) {
        PairPage.View view = pair.view(id, pairId);
        return pages.render(HttpStatus.OK, "pair", Map.of("title", (view.group() ? "Группа: " : "Пара: ")
                + view.mentor(), "v", view, "staff", view.answers() != null, "user", currentUser.id()));
    }

    /** The individual plan to sign, as PDF or DOCX; the same readers as the page. */
    @GetMapping("/programmes/{id}/pairs/{pairId}/plan.{format:pdf|docx}")
    ResponseEntity<byte[]> plan(@PathVariable long id, @PathVariable long pairId, @PathVariable String format) {
        return PrintedDocuments.download("Индивидуальный_план_пары_" + pairId, pair.plan(id, pairId),
                PrintedDocuments.PLAN_TITLE, "Пара " + pairId, format.equals("pdf"));
    }
}
