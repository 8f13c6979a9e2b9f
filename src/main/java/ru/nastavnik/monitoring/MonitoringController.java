package ru.nastavnik.monitoring;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.nastavnik.participant.EntryAssessment;
import ru.nastavnik.spreadsheet.ImportGuard;
import ru.nastavnik.spreadsheet.ImportRefusal;
import ru.nastavnik.spreadsheet.ImportRejectedException;
import ru.nastavnik.spreadsheet.SheetReader;

/** The monitoring API of a programme: exit assessments, questionnaires, SWOT, roster, dynamics and coverage. */
@RestController
@RequestMapping("/api/programmes/{id}")
class MonitoringController {

    /** An exit assessment as typed: the date and the values. */
    record ExitInput(LocalDate assessedOn, Integer engagement, Integer activity, Integer selfEsteem, Integer anxiety,
                     BigDecimal averageGrade) {
    }

    record Imported(int imported) {
    }

    private final ExitAssessments exits;
    private final Questionnaires questionnaires;
    private final Monitoring monitoring;
    private final Roster roster;
    private final ImportGuard guard;

    MonitoringController(ExitAssessments exits, Questionnaires questionnaires, Monitoring monitoring, Roster roster,
                         ImportGuard guard) {
        this.exits = exits;
        this.questionnaires = questionnaires;
        this.monitoring = monitoring;
        this.roster = roster;
        this.guard = guard;
    }

    @GetMapping("/exit-assessments")
    List<ExitAssessments.Assessable> assessable(@PathVariable long id) {
        return exits.assessable(id);
    }

    @PutMapping("/exit-assessments/{personId}")
    ExitAssessments.Exit record(@PathVariable long id, @PathVariable long personId, @RequestBody ExitInput input) {
        return exits.record(id, personId, input.assessedOn(), new EntryAssessment(input.engagement(),
                input.activity(), input.selfEsteem(), input.anxiety(), input.averageGrade()));
    }

    @PostMapping(path = "/exit-assessments/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Imported importExits(@PathVariable long id, @RequestPart("file") MultipartFile file) {
        return new Imported(guard.importFile(file, content -> exits.importFile(id, content)));
    }

    @PostMapping(path = "/exit-assessments/import", consumes = {"text/csv", SheetReader.XLSX_TYPE,
            "application/octet-stream", "text/plain"})
    Imported importExitsBody(@PathVariable long id, InputStream body) {
        return new Imported(guard.importBody(body, content -> exits.importFile(id, content)));
    }

    @GetMapping("/dynamics")
    Dynamics.Report dynamics(@PathVariable long id) {
        return monitoring.dynamics(id);
    }

    @GetMapping("/coverage")
    Coverage.Report coverage(@PathVariable long id) {
        return monitoring.coverage(id);
    }

    @GetMapping("/roster")
    Roster.Counts roster(@PathVariable long id) {
        return roster.get(id);
    }

    @PutMapping("/roster")
    Roster.Counts replaceRoster(@PathVariable long id, @RequestBody Roster.Counts counts) {
        return roster.replace(id, counts);
    }

    @PostMapping(path = "/roster/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Imported importRoster(@PathVariable long id, @RequestPart("file") MultipartFile file) {
        return new Imported(guard.importFile(file, content -> roster.importFile(id, content)));
    }

    @PostMapping(path = "/roster/import", consumes = {"text/csv", SheetReader.XLSX_TYPE, "application/octet-stream",
            "text/plain"})
    Imported importRosterBody(@PathVariable long id, InputStream body) {
        return new Imported(guard.importBody(body, content -> roster.importFile(id, content)));
    }

    @PostMapping("/monitoring/links")
    Questionnaires.Sent sendLinks(@PathVariable long id) {
        return questionnaires.sendLinks(id);
    }

    @PutMapping("/monitoring/curator-questionnaire")
    Monitoring.Progress answerAsCurator(@PathVariable long id, @RequestBody Map<String, String> answers) {
        questionnaires.answerAsCurator(id, answers);
        return monitoring.progress(id);
    }

    @PutMapping("/monitoring/questionnaires/{personId}")
    Monitoring.Progress answerFor(@PathVariable long id, @PathVariable long personId,
                                  @RequestBody Map<String, String> answers) {
        questionnaires.answerFor(id, personId, answers);
        return monitoring.progress(id);
    }

    @GetMapping("/monitoring/questionnaires")
    QuestionnaireSummary.Summary summary(@PathVariable long id) {
        return monitoring.questionnaires(id);
    }

    @GetMapping("/monitoring/swot")
    Monitoring.Swot swot(@PathVariable long id) {
        return monitoring.swot(id);
    }

    @PutMapping("/monitoring/swot")
    Monitoring.Swot saveSwot(@PathVariable long id, @RequestBody QuestionnaireSummary.Swot swot) {
        return monitoring.saveSwot(id, swot);
    }

    @GetMapping("/monitoring/progress")
    Monitoring.Progress progress(@PathVariable long id) {
        return monitoring.progress(id);
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ImportRefusal> refused(ImportRejectedException e) {
        return ImportRefusal.of(e);
    }
}
