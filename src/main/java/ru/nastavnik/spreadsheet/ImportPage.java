package ru.nastavnik.spreadsheet;

import static ru.nastavnik.shared.PublicPage.esc;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.Groups;
import ru.nastavnik.security.TasklistSession;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ConcurrencyLimit;
import ru.nastavnik.shared.ValidationException;

/**
 * What the file upload pages opened from Tasklist tasks share (Camunda Forms have no file picker): only for a user
 * logged into Tasklist, the upload only with the session's Tasklist CSRF token (so another site cannot post a file
 * in the user's name), the page run as that user (the import's group checks and audit log see them), and the
 * import's answer in Russian — the counts, or every bad row with «ничего не загружено». A page controller gives
 * its {@link Kind}: its texts and the call to its import service.
 */
@Component
public class ImportPage {

    private static final String TASKLIST = "/camunda/app/tasklist/";

    /** One number of a successful import, shown as a table row; {@code id} is the cell's HTML id. */
    public record Count(String id, String label, int value) {
    }

    /** The import of a page: stores the file's content in the programme or throws {@link ImportRejectedException}. */
    @FunctionalInterface
    public interface Importer {
        List<Count> importFile(long programmeId, byte[] content);
    }

    /**
     * One upload page: its path, heading, the Tasklist task that links to it, the file described in the accusative
     * («файл с анкетами»), the submit button, the hint under the form (trusted HTML: template link and rules), the
     * refusal for users outside {@link ParticipantService#EDITORS}, and the import.
     */
    public record Kind(String path, String heading, String task, String file, String button, String hintHtml,
                       String forbidden, Importer importer) {
    }

    private final TasklistSession tasklist;
    private final IdentityService identity;
    private final ProgrammeService programmes;
    private final ImportGuard guard;

    ImportPage(TasklistSession tasklist, IdentityService identity, ProgrammeService programmes, ImportGuard guard) {
        this.tasklist = tasklist;
        this.identity = identity;
        this.programmes = programmes;
        this.guard = guard;
    }

    /** The page with the upload form. */
    public ResponseEntity<String> form(Kind kind, String programme, HttpServletRequest request) {
        Optional<TasklistSession.User> user = tasklist.user(request);
        if (user.isEmpty()) {
            return loginFirst(kind);
        }
        return as(kind, user.get(), () -> {
            Programme p = programme(kind, programme);
            requireEditor(kind);
            String token = tasklist.csrfToken(request);
            if (token == null) {
                // Tasklist hands out its token on its next call after the login; without it no upload would pass.
                return page(kind, HttpStatus.CONFLICT, p, "<p class=\"error\">Вход в Tasklist ещё не завершён: "
                        + "откройте Tasklist и вернитесь на эту страницу по ссылке из задачи «" + esc(kind.task())
                        + "».</p>" + tasklistLink());
            }
            return page(kind, HttpStatus.OK, p, form(kind, p, token));
        });
    }

    /** The posted file: imported, and the answer with the form again for the next (or the corrected) file. */
    public ResponseEntity<String> upload(Kind kind, String programme, String csrf, MultipartFile file,
                                         HttpServletRequest request) {
        Optional<TasklistSession.User> user = tasklist.user(request);
        if (user.isEmpty()) {
            return loginFirst(kind);
        }
        if (!tasklist.csrfValid(request, csrf)) {
            return page(kind, HttpStatus.FORBIDDEN, null, "<p class=\"error\">Страница устарела или открыта не из "
                    + "Tasklist: файл не принят. Откройте страницу загрузки заново из задачи в Tasklist.</p>"
                    + tasklistLink());
        }
        return as(kind, user.get(), () -> {
            Programme p = programme(kind, programme);
            String form = form(kind, p, tasklist.csrfToken(request));
            if (file == null || file.isEmpty()) {
                return page(kind, HttpStatus.BAD_REQUEST, p, "<p class=\"error\">Выберите " + esc(kind.file())
                        + " (XLSX или CSV).</p>" + form);
            }
            if (file.getSize() > SheetReader.MAX_FILE_BYTES) {
                return page(kind, HttpStatus.BAD_REQUEST, p, "<p class=\"error\">Файл больше 10 МБ: разделите его "
                        + "на части.</p>" + form);
            }
            String name = file.getOriginalFilename() == null ? "" : " «" + esc(file.getOriginalFilename()) + "»";
            return guard.run(() -> {
                byte[] content;
                try {
                    content = file.getBytes();
                } catch (IOException e) {
                    return page(kind, HttpStatus.BAD_REQUEST, p, "<p class=\"error\">Файл не удалось прочитать: "
                            + "загрузите его снова.</p>" + form);
                }
                try {
                    List<Count> counts = kind.importer().importFile(p.id(), content);
                    return page(kind, HttpStatus.OK, p, "<p class=\"ok\">Файл" + name + " загружен.</p>"
                            + counts(counts) + "<h2>Загрузить ещё файл</h2>" + form);
                } catch (ImportRejectedException e) {
                    return page(kind, HttpStatus.BAD_REQUEST, p, rejected(name, e.errors()) + form);
                }
            });
        });
    }

    /** Runs the page as the Tasklist user; the service's refusals become the page's Russian answer. */
    private ResponseEntity<String> as(Kind kind, TasklistSession.User user, Supplier<ResponseEntity<String>> body) {
        identity.setAuthentication(user.id(), user.groups());
        try {
            return body.get();
        } catch (ValidationException e) {
            StringBuilder html = new StringBuilder("<ul class=\"error\">");
            e.errors().forEach(err -> html.append("<li>").append(esc(err.message())).append("</li>"));
            return page(kind, HttpStatus.BAD_REQUEST, null, html.append("</ul>") + tasklistLink());
        } catch (ConcurrencyLimit.BusyException e) {
            ResponseEntity<String> busy = page(kind, e.status(), null, "<p class=\"error\">" + esc(e.getMessage())
                    + "</p>" + tasklistLink());
            return ResponseEntity.status(busy.getStatusCode()).headers(busy.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(busy.getBody());
        } catch (ApiException e) {
            return page(kind, e.status(), null, "<p class=\"error\">" + esc(e.getMessage()) + "</p>" + tasklistLink());
        } finally {
            identity.clearAuthentication();
        }
    }

    private Programme programme(Kind kind, String id) {
        long programmeId;
        try {
            programmeId = Long.parseLong(id == null ? "" : id.trim());
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Не указана программа: откройте страницу по ссылке из задачи «" + kind.task()
                    + "» в Tasklist");
        }
        return programmes.get(programmeId);
    }

    /** The form is refused at once to those whose upload the import would refuse anyway. */
    private void requireEditor(Kind kind) {
        List<String> groups = identity.getCurrentAuthentication().getGroupIds();
        if (groups == null || groups.stream().noneMatch(Groups.PROGRAMME_LEADERS::contains)) {
            throw ApiException.forbidden(kind.forbidden());
        }
    }

    private static String counts(List<Count> counts) {
        StringBuilder html = new StringBuilder("<table class=\"counts\">");
        for (Count c : counts) {
            html.append("<tr><th>").append(esc(c.label())).append("</th><td id=\"").append(esc(c.id())).append("\">")
                    .append(c.value()).append("</td></tr>");
        }
        return html.append("</table>").toString();
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

    private static String form(Kind kind, Programme p, String csrf) {
        String file = esc(kind.file());
        return """
                <form method="post" action="%s?programme=%d" enctype="multipart/form-data">
                  <input type="hidden" name="csrf" value="%s">
                  <p><label>%s (XLSX или CSV, до 10 МБ)<br>
                    <input type="file" name="file" required
                      accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
                  </label></p>
                  <p><button type="submit">%s</button></p>
                </form>
                <p class="hint">%s</p>
                """.formatted(kind.path(), p.id(), esc(csrf), Character.toUpperCase(file.charAt(0)) + file.substring(1),
                esc(kind.button()), kind.hintHtml()) + tasklistLink();
    }

    private static String tasklistLink() {
        return "<p class=\"hint\"><a href=\"" + TASKLIST + "\">Вернуться в Tasklist</a></p>";
    }

    private static ResponseEntity<String> loginFirst(Kind kind) {
        return page(kind, HttpStatus.UNAUTHORIZED, null, "<p class=\"error\">Страница «" + esc(kind.heading())
                + "» открывается только после входа в Tasklist.</p><p><a href=\"" + TASKLIST + "\">Войдите в "
                + "Tasklist</a> и откройте страницу заново по ссылке из задачи «" + esc(kind.task()) + "».</p>");
    }

    private static ResponseEntity<String> page(Kind kind, HttpStatus status, Programme p, String body) {
        String subtitle = p == null ? "" : "<p class=\"hint\">Программа: " + esc(p.schoolName()) + ", "
                + esc(p.schoolYear()) + " учебный год</p>";
        String heading = esc(kind.heading());
        String html = """
                <!DOCTYPE html>
                <html lang="ru"><head><meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — Наставник</title>
                <style>body{font-family:sans-serif;max-width:56em;margin:2em auto;padding:0 1em;line-height:1.4}
                .error{color:#b00020}.ok{color:#1b5e20;font-weight:bold}.hint{color:#555;font-size:.9em}
                table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;
                vertical-align:top}button{padding:.5em 1.2em;font-size:1em}</style></head>
                <body><h1>%s</h1>
                %s
                %s
                </body></html>
                """.formatted(heading, heading, subtitle, body);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                        + "frame-ancestors 'none'")
                .body(html);
    }
}
