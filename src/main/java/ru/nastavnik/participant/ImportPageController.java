package ru.nastavnik.participant;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.TasklistSession;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ValidationException;

/**
 * The questionnaire upload page, opened from the «Загрузить анкеты» task in Tasklist (Camunda Forms have no file
 * picker): a file input posting to the same {@link ParticipantService#importFile} as the API, and the result in
 * Russian — the counts, or every bad row with «ничего не загружено». Only for a user logged into Tasklist; the
 * upload carries the session's Tasklist CSRF token, so another site cannot post a file in the user's name.
 */
@RestController
class ImportPageController {

    static final String PATH = "/participants/import";
    private static final String TASKLIST = "/camunda/app/tasklist/";

    private final TasklistSession tasklist;
    private final IdentityService identity;
    private final ParticipantService participants;
    private final ProgrammeService programmes;

    ImportPageController(TasklistSession tasklist, IdentityService identity, ParticipantService participants,
                         ProgrammeService programmes) {
        this.tasklist = tasklist;
        this.identity = identity;
        this.participants = participants;
        this.programmes = programmes;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(@RequestParam(required = false) String programme, HttpServletRequest request) {
        Optional<TasklistSession.User> user = tasklist.user(request);
        if (user.isEmpty()) {
            return loginFirst();
        }
        return as(user.get(), () -> {
            Programme p = programme(programme);
            requireEditor();
            String token = tasklist.csrfToken(request);
            if (token == null) {
                // Tasklist hands out its token on its next call after the login; without it no upload would pass.
                return page(HttpStatus.CONFLICT, p, "<p class=\"error\">Вход в Tasklist ещё не завершён: откройте "
                        + "Tasklist и вернитесь на эту страницу по ссылке из задачи «Загрузить анкеты».</p>"
                        + tasklistLink());
            }
            return page(HttpStatus.OK, p, form(p, token));
        });
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> upload(@RequestParam(required = false) String programme,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "file", required = false) MultipartFile file,
                                  HttpServletRequest request) {
        Optional<TasklistSession.User> user = tasklist.user(request);
        if (user.isEmpty()) {
            return loginFirst();
        }
        if (!tasklist.csrfValid(request, csrf)) {
            return page(HttpStatus.FORBIDDEN, null, "<p class=\"error\">Страница устарела или открыта не из Tasklist: "
                    + "файл не принят. Откройте страницу загрузки заново из задачи в Tasklist.</p>" + tasklistLink());
        }
        return as(user.get(), () -> {
            Programme p = programme(programme);
            String token = tasklist.csrfToken(request);
            if (file == null || file.isEmpty()) {
                return page(HttpStatus.BAD_REQUEST, p, "<p class=\"error\">Выберите файл с анкетами (XLSX или CSV)."
                        + "</p>" + form(p, token));
            }
            if (file.getSize() > SheetReader.MAX_FILE_BYTES) {
                return page(HttpStatus.BAD_REQUEST, p, "<p class=\"error\">Файл больше 10 МБ: разделите его на части."
                        + "</p>" + form(p, token));
            }
            byte[] content;
            try {
                content = file.getBytes();
            } catch (IOException e) {
                return page(HttpStatus.BAD_REQUEST, p, "<p class=\"error\">Файл не удалось прочитать: загрузите его "
                        + "снова.</p>" + form(p, token));
            }
            String name = file.getOriginalFilename() == null ? "" : " «" + esc(file.getOriginalFilename()) + "»";
            try {
                ParticipantService.ImportResult r = participants.importFile(p.id(), content);
                return page(HttpStatus.OK, p, """
                        <p class="ok">Файл%s загружен.</p>
                        <table class="counts"><tr><th>Новых участников</th><td id="imported">%d</td></tr>
                        <tr><th>Обновлено</th><td id="updated">%d</td></tr>
                        <tr><th>Без изменений</th><td id="unchanged">%d</td></tr></table>
                        <h2>Загрузить ещё файл</h2>
                        """.formatted(name, r.imported(), r.updated(), r.unchanged()) + form(p, token));
            } catch (ImportRejectedException e) {
                return page(HttpStatus.BAD_REQUEST, p, rejected(name, e.errors()) + form(p, token));
            }
        });
    }

    private interface Body {
        ResponseEntity<String> get();
    }

    /** Runs the page as the Tasklist user, so that the service's group checks and the audit log see them. */
    private ResponseEntity<String> as(TasklistSession.User user, Body body) {
        identity.setAuthentication(user.id(), user.groups());
        try {
            return body.get();
        } catch (ValidationException e) {
            StringBuilder html = new StringBuilder("<ul class=\"error\">");
            e.errors().forEach(err -> html.append("<li>").append(esc(err.message())).append("</li>"));
            return page(HttpStatus.BAD_REQUEST, null, html.append("</ul>").toString() + tasklistLink());
        } catch (ApiException e) {
            return page(e.status(), null, "<p class=\"error\">" + esc(e.getMessage()) + "</p>" + tasklistLink());
        } finally {
            identity.clearAuthentication();
        }
    }

    private Programme programme(String id) {
        long programmeId;
        try {
            programmeId = Long.parseLong(id == null ? "" : id.trim());
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Не указана программа: откройте страницу по ссылке из задачи «Загрузить "
                    + "анкеты» в Tasklist");
        }
        return programmes.get(programmeId);
    }

    private void requireEditor() {
        List<String> groups = identity.getCurrentAuthentication().getGroupIds();
        if (groups == null || groups.stream().noneMatch(ParticipantService.EDITORS::contains)) {
            throw ApiException.forbidden("Загружать анкеты могут куратор, заместитель директора или директор");
        }
    }

    private static String rejected(String name, List<ImportError> errors) {
        StringBuilder html = new StringBuilder();
        html.append("<p class=\"error\"><b>Файл").append(name).append(" не загружен: ничего не загружено.</b> ")
                .append("Исправьте ошибки (").append(errors.size())
                .append(") и загрузите файл снова — все строки сразу.</p>");
        html.append("<table class=\"errors\"><thead><tr><th>Строка</th><th>Столбец</th><th>Ошибка</th></tr></thead>"
                + "<tbody>");
        for (ImportError e : errors) {
            html.append("<tr><td>").append(e.row() == null ? "—" : e.row()).append("</td><td>")
                    .append(e.column() == null ? "—" : esc(e.column())).append("</td><td>").append(esc(e.message()))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table><h2>Загрузить исправленный файл</h2>").toString();
    }

    private static String form(Programme p, String csrf) {
        return """
                <form method="post" action="%s?programme=%d" enctype="multipart/form-data">
                  <input type="hidden" name="csrf" value="%s">
                  <p><label>Файл с анкетами (XLSX или CSV, до 10 МБ)<br>
                    <input type="file" name="file" required
                      accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
                  </label></p>
                  <p><button type="submit">Загрузить анкеты</button></p>
                </form>
                <p class="hint"><a href="/api/templates/participants.xlsx">Скачать шаблон анкет (XLSX)</a>: лист
                  «Анкеты», допустимые значения — на листе «Справочники». Загружаются все строки файла или ни одной;
                  повторная загрузка того же файла ничего не меняет. Без согласия на обработку персональных данных
                  строка не принимается; за несовершеннолетнего согласие даёт законный представитель.</p>
                """.formatted(PATH, p.id(), esc(csrf)) + tasklistLink();
    }

    private static String tasklistLink() {
        return "<p class=\"hint\"><a href=\"" + TASKLIST + "\">Вернуться в Tasklist</a></p>";
    }

    private static ResponseEntity<String> loginFirst() {
        return page(HttpStatus.UNAUTHORIZED, null, "<p class=\"error\">Страница загрузки анкет открывается только после "
                + "входа в Tasklist.</p><p><a href=\"" + TASKLIST + "\">Войдите в Tasklist</a> и откройте страницу "
                + "заново по ссылке из задачи «Загрузить анкеты».</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, Programme p, String body) {
        String subtitle = p == null ? "" : "<p class=\"hint\">Программа: " + esc(p.schoolName()) + ", "
                + esc(p.schoolYear()) + " учебный год</p>";
        String html = """
                <!DOCTYPE html>
                <html lang="ru"><head><meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Загрузка анкет — Наставник</title>
                <style>body{font-family:sans-serif;max-width:56em;margin:2em auto;padding:0 1em;line-height:1.4}
                .error{color:#b00020}.ok{color:#1b5e20;font-weight:bold}.hint{color:#555;font-size:.9em}
                table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;
                vertical-align:top}button{padding:.5em 1.2em;font-size:1em}</style></head>
                <body><h1>Загрузка анкет участников</h1>
                %s
                %s
                </body></html>
                """.formatted(subtitle, body);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                        + "frame-ancestors 'none'")
                .body(html);
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
