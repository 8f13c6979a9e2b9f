package ru.nastavnik.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.participant.EntryAssessment;
import ru.nastavnik.spreadsheet.SheetTemplate;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.TasklistSession;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.HtmlPage;
import ru.nastavnik.shared.PageTemplates;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;

/**
 * {@code /programmes/{id}/monitoring}: the programme's monitoring page with its charts, the XLSX tables and the
 * final report (PDF, DOCX); {@code /programmes/{id}/exit-assessments}: the exit assessment form for the staff and
 * for a mentor's own mentees. Forms post with the session's Tasklist CSRF token, so another site cannot post them.
 */
@HtmlPage
@RestController
class MonitoringPageController {

    private final MonitoringView views;
    private final Monitoring monitoring;
    private final ExitAssessments exits;
    private final ProgrammeService programmes;
    private final PageTemplates pages;
    private final CurrentUser currentUser;
    private final TasklistSession tasklist;
    private final SchoolClock clock;
    private final ObjectMapper json;

    MonitoringPageController(MonitoringView views, Monitoring monitoring, ExitAssessments exits,
                             ProgrammeService programmes, PageTemplates pages, CurrentUser currentUser,
                             TasklistSession tasklist, SchoolClock clock, ObjectMapper json) {
        this.views = views;
        this.monitoring = monitoring;
        this.exits = exits;
        this.programmes = programmes;
        this.pages = pages;
        this.currentUser = currentUser;
        this.tasklist = tasklist;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping(path = "/programmes/{id}/monitoring", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable long id, HttpServletRequest request) {
        return page(HttpStatus.OK, views.of(id), request);
    }

    @PostMapping(path = "/programmes/{id}/monitoring/swot", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> saveSwot(@PathVariable long id, @RequestParam(required = false) String csrf,
                                    @RequestParam(required = false) String strengths,
                                    @RequestParam(required = false) String weaknesses,
                                    @RequestParam(required = false) String opportunities,
                                    @RequestParam(required = false) String threats, HttpServletRequest request) {
        requireCsrf(request, csrf);
        monitoring.saveSwot(id, new QuestionnaireSummary.Swot(strengths, weaknesses, opportunities, threats));
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, "/programmes/" + id + "/monitoring#swot").build();
    }

    @GetMapping("/programmes/{id}/monitoring.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return SheetTemplate.download("monitoring-" + id + ".xlsx", MonitoringSheet.xlsx(views.of(id)));
    }

    @GetMapping("/programmes/{id}/monitoring/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return download("report-" + id + ".pdf", MediaType.APPLICATION_PDF,
                MonitoringReportDocument.pdf(MonitoringReportDocument.model(views.of(id), clock.today())));
    }

    @GetMapping("/programmes/{id}/monitoring/report.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        return download("report-" + id + ".docx", MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                MonitoringReportDocument.docx(MonitoringReportDocument.model(views.of(id), clock.today())));
    }

    @GetMapping(path = "/programmes/{id}/exit-assessments", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> exitForm(@PathVariable long id, HttpServletRequest request) {
        return exitPage(HttpStatus.OK, id, null, null, request);
    }

    @PostMapping(path = "/programmes/{id}/exit-assessments/{personId}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> exitSave(@PathVariable long id, @PathVariable long personId,
                                    @RequestParam(required = false) String csrf,
                                    @RequestParam(required = false) String assessedOn,
                                    @RequestParam(required = false) String engagement,
                                    @RequestParam(required = false) String activity,
                                    @RequestParam(required = false) String selfEsteem,
                                    @RequestParam(required = false) String anxiety,
                                    @RequestParam(required = false) String averageGrade, HttpServletRequest request) {
        requireCsrf(request, csrf);
        try {
            LocalDate on = assessedOn == null || assessedOn.isBlank() ? null : LocalDate.parse(assessedOn.trim());
            exits.record(id, personId, on, new EntryAssessment(AssessmentValues.scale(engagement, Parameter.ENGAGEMENT),
                    AssessmentValues.scale(activity, Parameter.ACTIVITY),
                    AssessmentValues.scale(selfEsteem, Parameter.SELF_ESTEEM),
                    AssessmentValues.scale(anxiety, Parameter.ANXIETY), AssessmentValues.grade(averageGrade)));
        } catch (ValidationException e) {
            return exitPage(HttpStatus.BAD_REQUEST, id, String.join("; ", e.errors().stream()
                    .map(ValidationException.FieldError::message).toList()), null, request);
        } catch (java.time.format.DateTimeParseException e) {
            return exitPage(HttpStatus.BAD_REQUEST, id, "Неверная дата оценки", null, request);
        }
        return exitPage(HttpStatus.OK, id, null, "Выходная оценка сохранена", request);
    }

    private ResponseEntity<String> page(HttpStatus status, MonitoringView.View view, HttpServletRequest request) {
        String charts;
        try {
            charts = json.writeValueAsString(MonitoringView.charts(view));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Мониторинг: " + view.programme().title());
        model.put("v", view);
        model.put("charts", charts);
        model.put("csrf", tasklist.csrfToken(request));
        model.put("user", currentUser.id());
        return pages.renderWithScripts(status, "monitoring", model);
    }

    private ResponseEntity<String> exitPage(HttpStatus status, long id, String message, String saved,
                                            HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Выходная оценка: " + programmes.get(id).title());
        model.put("programme", programmes.get(id));
        model.put("people", exits.assessable(id));
        model.put("today", clock.today());
        model.put("csrf", tasklist.csrfToken(request));
        model.put("user", currentUser.id());
        model.put("message", message);
        model.put("saved", saved);
        return pages.render(status, "exit-assessments", model);
    }

    private void requireCsrf(HttpServletRequest request, String csrf) {
        if (!tasklist.csrfValid(request, csrf)) {
            throw ApiException.forbidden("Страница устарела или открыта не из Tasklist: ничего не сохранено. Откройте "
                    + "страницу заново");
        }
    }

    private static ResponseEntity<byte[]> download(String name, MediaType type, byte[] content) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(content);
    }
}
