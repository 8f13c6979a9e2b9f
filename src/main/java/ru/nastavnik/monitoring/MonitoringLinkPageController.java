package ru.nastavnik.monitoring;

import static ru.nastavnik.shared.PublicPage.esc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.participant.EntryAssessment;
import ru.nastavnik.participant.ParticipantProfiles;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.shared.PersonalLinks;
import ru.nastavnik.shared.PublicPage;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;

/**
 * The exit questionnaire behind a personal link: no login, the token is the only key and opens this one form (no
 * links into the product, nobody else's data), as the feedback page. A mentee (or a mentor) whose exit assessment
 * nobody recorded yet also rates themselves on the entry assessment's scales.
 */
@RestController
class MonitoringLinkPageController {

    static final String PATH = "/monitoring/";
    private static final String[] SELF = {"engagement", "activity", "selfEsteem", "anxiety"};

    private static final Logger log = LoggerFactory.getLogger(MonitoringLinkPageController.class);

    private final Questionnaires questionnaires;
    private final ProgrammeService programmes;
    private final ParticipantProfiles profiles;
    private final SchoolClock clock;

    MonitoringLinkPageController(Questionnaires questionnaires, ProgrammeService programmes,
                                 ParticipantProfiles profiles, SchoolClock clock) {
        this.questionnaires = questionnaires;
        this.programmes = programmes;
        this.profiles = profiles;
        this.clock = clock;
    }

    @GetMapping(path = PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(@PathVariable String token) {
        PersonalLinks.Check<MonitoringLinks.Link> check = questionnaires.check(token);
        if (check.state() != PersonalLinks.State.VALID) {
            return refused(check);
        }
        return PublicPage.html(HttpStatus.OK, TITLE, form(token, check.link(), Map.of(), List.of()));
    }

    @PostMapping(path = PATH + "{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> submit(@PathVariable String token, @RequestBody MultiValueMap<String, String> posted) {
        PersonalLinks.Check<MonitoringLinks.Link> check = questionnaires.check(token);
        if (check.state() != PersonalLinks.State.VALID) {
            return refused(check);
        }
        MonitoringLinks.Link link = check.link();
        Map<String, String> typed = new LinkedHashMap<>();
        posted.forEach((k, v) -> typed.put(k, v == null || v.isEmpty() ? null : v.get(0)));
        Map<String, String> answers = new LinkedHashMap<>(typed);
        for (String field : SELF) {
            answers.remove(field);
        }
        boolean stored;
        try {
            EntryAssessment self = self(typed);
            stored = questionnaires.submit(token, link, answers, self, pupil(link));
        } catch (ValidationException e) {
            return PublicPage.html(HttpStatus.BAD_REQUEST, TITLE, form(token, link, typed,
                    e.errors().stream().map(ValidationException.FieldError::message).toList()));
        } catch (DuplicateKeyException e) {
            stored = false;
        }
        if (!stored) {
            return refused(new PersonalLinks.Check<>(PersonalLinks.State.USED, link));
        }
        log.info("Monitoring questionnaire stored for person {} of programme {}", link.personId(), link.programmeId());
        return PublicPage.answerStored();
    }

    static final String TITLE = "Анкета по итогам программы наставничества";

    /** The self-assessment typed on the page; null when the participant left all of it empty. */
    private static EntryAssessment self(Map<String, String> typed) {
        boolean any = false;
        for (String field : SELF) {
            any |= typed.get(field) != null && !typed.get(field).isBlank();
        }
        if (!any) {
            return null;
        }
        return new EntryAssessment(AssessmentValues.scale(typed.get("engagement"), Parameter.ENGAGEMENT),
                AssessmentValues.scale(typed.get("activity"), Parameter.ACTIVITY),
                AssessmentValues.scale(typed.get("selfEsteem"), Parameter.SELF_ESTEEM),
                AssessmentValues.scale(typed.get("anxiety"), Parameter.ANXIETY), null);
    }

    private boolean pupil(MonitoringLinks.Link link) {
        ParticipantProfiles.Profile p = profiles.of(link.programmeId()).get(link.personId());
        return p != null && p.pupil();
    }

    private ResponseEntity<String> refused(PersonalLinks.Check<MonitoringLinks.Link> check) {
        return PublicPage.linkRefused(check.state(), check.link() == null ? null : check.link().expiresAt(),
                clock.zone());
    }

    private String form(String token, MonitoringLinks.Link link, Map<String, String> typed, List<String> errors) {
        StringBuilder html = new StringBuilder();
        html.append("<p>Программа наставничества: <b>").append(esc(programmes.get(link.programmeId()).schoolName()))
                .append("</b></p>");
        html.append(PublicPage.errorList(errors));
        html.append("<form method=\"post\" action=\"").append(PATH).append(esc(token)).append("\">");
        if (questionnaires.asksSelfAssessment(link)) {
            html.append("<h2>Оцените себя сейчас</h2><p class=\"hint\">1 — очень низкая, 5 — очень высокая. Можно "
                    + "пропустить.</p>");
            String[] titles = {"Вовлечённость в учёбу (работу) и жизнь школы", "Активность",
                    "Самооценка, уверенность в себе", "Тревожность (чем ниже, тем лучше)"};
            for (int i = 0; i < SELF.length; i++) {
                scale(html, SELF[i], titles[i], typed.get(SELF[i]));
            }
            html.append("<h2>Вопросы анкеты</h2>");
        }
        for (Question q : questionnaires.questionsOf(link)) {
            if (q.scale()) {
                scale(html, q.code(), q.text() + " (1 — совсем нет, 5 — полностью)", typed.get(q.code()));
            } else if (q.closed()) {
                html.append("<fieldset><p><b>").append(esc(q.text())).append("</b><br>");
                for (String option : q.options()) {
                    radio(html, q.code(), option, typed.get(q.code()));
                }
                html.append("</p></fieldset>");
            } else {
                html.append("<p><label><b>").append(esc(q.text())).append("</b><br><textarea name=\"")
                        .append(esc(q.code())).append("\" rows=\"3\" maxlength=\"").append(Questionnaires.MAX_TEXT)
                        .append("\">").append(esc(typed.get(q.code()))).append("</textarea></label></p>");
            }
        }
        html.append("<p><button type=\"submit\">Отправить ответ</button></p></form>")
                .append("<p class=\"hint\">Ответить можно один раз. Ответы видят только куратор и руководители "
                        + "программы.</p>");
        return html.toString();
    }

    private static void scale(StringBuilder html, String name, String label, String typed) {
        html.append("<fieldset><p><b>").append(esc(label)).append("</b><br>");
        for (int i = 1; i <= 5; i++) {
            radio(html, name, String.valueOf(i), typed);
        }
        html.append("</p></fieldset>");
    }

    private static void radio(StringBuilder html, String name, String value, String typed) {
        html.append("<label><input type=\"radio\" name=\"").append(esc(name)).append("\" value=\"").append(esc(value))
                .append('"').append(value.equals(typed) ? " checked" : "").append("> ").append(esc(value))
                .append("</label> ");
    }
}
