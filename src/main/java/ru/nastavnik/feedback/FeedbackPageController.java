package ru.nastavnik.feedback;

import static ru.nastavnik.shared.PublicPage.esc;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.shared.PersonalLinks;
import ru.nastavnik.shared.PublicPage;
import ru.nastavnik.shared.SchoolClock;

/**
 * The public questionnaire page behind a personal feedback link: no login, the token in the address is the only
 * key and opens nothing but this one form (no links into the product, nobody else's data). Outside /api, so
 * {@code ApiAuthenticationFilter} does not apply, as for the password page; no session or cookie is involved, so
 * another site cannot post in the person's name without the secret token.
 */
@RestController
class FeedbackPageController {

    static final String PATH = "/feedback/";

    private static final Logger log = LoggerFactory.getLogger(FeedbackPageController.class);

    private final FeedbackService feedback;
    private final ProgrammeService programmes;
    private final Pairs pairs;
    private final SchoolClock clock;

    FeedbackPageController(FeedbackService feedback, ProgrammeService programmes, Pairs pairs, SchoolClock clock) {
        this.feedback = feedback;
        this.programmes = programmes;
        this.pairs = pairs;
        this.clock = clock;
    }

    @GetMapping(path = PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(@PathVariable String token) {
        PersonalLinks.Check<FeedbackLinks.Link> check = feedback.check(token);
        if (check.state() != PersonalLinks.State.VALID) {
            return refused(check);
        }
        return PublicPage.html(HttpStatus.OK, title(check.link()), form(token, check.link(), FeedbackForm.EMPTY,
                List.of()));
    }

    @PostMapping(path = PATH + "{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> submit(@PathVariable String token,
                                  @RequestParam(required = false) String rating,
                                  @RequestParam(required = false) String helped,
                                  @RequestParam(required = false) String missing,
                                  @RequestParam(name = "continue", required = false) String wouldContinue,
                                  @RequestParam(required = false) String comment) {
        PersonalLinks.Check<FeedbackLinks.Link> check = feedback.check(token);
        if (check.state() != PersonalLinks.State.VALID) {
            return refused(check);
        }
        FeedbackForm answers = new FeedbackForm(rating, helped, missing, wouldContinue, comment);
        List<String> errors = answers.errors();
        if (!errors.isEmpty()) {
            return PublicPage.html(HttpStatus.BAD_REQUEST, title(check.link()), form(token, check.link(), answers,
                    errors));
        }
        boolean stored;
        try {
            stored = feedback.submit(token, check.link(), answers);
        } catch (DuplicateKeyException e) {
            // The person answered through an earlier link of the same kind.
            stored = false;
        }
        if (!stored) {
            return refused(new PersonalLinks.Check<>(PersonalLinks.State.USED, check.link()));
        }
        log.info("Feedback ({}) stored for person {} of pair {}", check.link().kind().code(),
                check.link().personId(), check.link().pairId());
        return PublicPage.answerStored();
    }

    private ResponseEntity<String> refused(PersonalLinks.Check<FeedbackLinks.Link> check) {
        return PublicPage.linkRefused(check.state(), check.link() == null ? null : check.link().expiresAt(),
                clock.zone());
    }

    private static String title(FeedbackLinks.Link link) {
        return link.kind() == FeedbackKind.MENTEE ? "Обратная связь о работе с наставником"
                : "Удовлетворённость участием в программе наставничества";
    }

    private String form(String token, FeedbackLinks.Link link, FeedbackForm typed, List<String> errors) {
        boolean mentee = link.kind() == FeedbackKind.MENTEE;
        StringBuilder html = new StringBuilder();
        html.append("<p>Программа наставничества: <b>").append(esc(programmes.get(link.programmeId()).schoolName()))
                .append("</b></p>");
        if (mentee) {
            html.append("<p>Наставник: <b>").append(esc(pairs.get(link.pairId()).mentor().fullName()))
                    .append("</b></p>");
        }
        html.append(PublicPage.errorList(errors));
        html.append("<form method=\"post\" action=\"").append(PATH).append(esc(token)).append("\">");
        html.append("<fieldset><p><b>").append(mentee ? "Насколько вы довольны работой с наставником?"
                : "Насколько вы довольны участием в программе?").append("</b> (1 — совсем не доволен, 5 — очень "
                + "доволен)<br>");
        for (int i = 1; i <= 5; i++) {
            html.append("<label><input type=\"radio\" name=\"rating\" value=\"").append(i).append('"')
                    .append(String.valueOf(i).equals(typed.ratingText()) ? " checked" : "").append("> ").append(i)
                    .append("</label> ");
        }
        html.append("</p></fieldset>");
        textarea(html, "helped", "Что помогло?", typed.helped());
        textarea(html, "missing", "Чего не хватило?", typed.missing());
        html.append("<fieldset><p><b>").append(mentee ? "Хотели бы вы продолжить работу с наставником?"
                : "Хотели бы вы участвовать в программе наставничества снова?").append("</b><br>");
        radio(html, "continue", "yes", "да", typed.continueText());
        radio(html, "continue", "no", "нет", typed.continueText());
        html.append("</p></fieldset>");
        textarea(html, "comment", "Комментарий", typed.comment());
        html.append("<p><button type=\"submit\">Отправить ответ</button></p></form>")
                .append("<p class=\"hint\">Ответить можно один раз. Ответы видят только куратор и руководители "
                        + "программы.</p>");
        return html.toString();
    }

    private static void textarea(StringBuilder html, String name, String label, String value) {
        html.append("<p><label>").append(esc(label)).append("<br><textarea name=\"").append(name)
                .append("\" rows=\"3\" maxlength=\"").append(FeedbackForm.MAX_TEXT).append("\">").append(esc(value))
                .append("</textarea></label></p>");
    }

    private static void radio(StringBuilder html, String name, String value, String label, String typed) {
        html.append("<label><input type=\"radio\" name=\"").append(name).append("\" value=\"").append(value)
                .append('"').append(value.equals(typed) ? " checked" : "").append("> ").append(esc(label))
                .append("</label> ");
    }
}
