package ru.nastavnik.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.nastavnik.spreadsheet.ImportPage;
import ru.nastavnik.spreadsheet.SheetTemplate;

/**
 * The upload pages of monitoring, on the participant import's {@link ImportPage} (login, CSRF, Russian answer with
 * every bad row): the exit assessments, and the school's roster for the coverage KPI; and the exit assessment
 * template.
 */
@RestController
class MonitoringImportPageController {

    static final String EXITS = "/monitoring/exit-assessments/import";
    static final String ROSTER = "/monitoring/roster/import";

    private final ImportPage page;
    private final ImportPage.Kind exits;
    private final ImportPage.Kind roster;

    MonitoringImportPageController(ImportPage page, ExitAssessments assessments, Roster rosters) {
        this.page = page;
        this.exits = new ImportPage.Kind(EXITS, "Загрузка выходной оценки участников", "Мониторинг программы",
                "файл с выходной оценкой", "Загрузить оценки", """
                <a href="/monitoring/exit-assessments/template.xlsx">Скачать шаблон (XLSX)</a>: одна строка — один
                  участник пары или группы; показатели те же, что при входе. Загружаются все строки файла или ни одной;
                  новая оценка участника заменяет прежнюю.""",
                "Выходную оценку из файла загружают куратор, заместитель директора или директор",
                (programmeId, content) -> List.of(new ImportPage.Count("imported", "Загружено оценок",
                        assessments.importFile(programmeId, content))));
        this.roster = new ImportPage.Kind(ROSTER, "Загрузка контингента школы", "Мониторинг программы",
                "файл с контингентом", "Загрузить контингент", """
                Столбцы «Класс» (например, «7Б», или слово «Педагоги») и «Численность». Файл заменяет прежний
                  контингент целиком; загружаются все строки или ни одной.""",
                "Контингент школы загружают куратор, заместитель директора или директор",
                (programmeId, content) -> List.of(new ImportPage.Count("imported", "Строк контингента",
                        rosters.importFile(programmeId, content))));
    }

    @GetMapping(path = EXITS, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> exitsForm(@RequestParam(required = false) String programme, HttpServletRequest request) {
        return page.form(exits, programme, request);
    }

    @PostMapping(path = EXITS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> exitsUpload(@RequestParam(required = false) String programme,
                                       @RequestParam(name = "csrf", required = false) String csrf,
                                       @RequestParam(name = "file", required = false) MultipartFile file,
                                       HttpServletRequest request) {
        return page.upload(exits, programme, csrf, file, request);
    }

    @GetMapping(path = ROSTER, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> rosterForm(@RequestParam(required = false) String programme, HttpServletRequest request) {
        return page.form(roster, programme, request);
    }

    @PostMapping(path = ROSTER, consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> rosterUpload(@RequestParam(required = false) String programme,
                                        @RequestParam(name = "csrf", required = false) String csrf,
                                        @RequestParam(name = "file", required = false) MultipartFile file,
                                        HttpServletRequest request) {
        return page.upload(roster, programme, csrf, file, request);
    }

    @GetMapping("/monitoring/exit-assessments/template.xlsx")
    ResponseEntity<byte[]> template() {
        return SheetTemplate.download("exit-assessment.xlsx", SheetTemplate.build((book, bold) -> {
            SheetTemplate.headerSheet(book, bold, "Выходная оценка", List.of(ExitColumn.values()),
                    new int[] {36, 8, 14, 14});
            var help = book.createSheet("Пояснения");
            SheetTemplate.columns(help, 0, bold, "Столбцы", List.of(ExitColumn.values()));
        }));
    }
}
