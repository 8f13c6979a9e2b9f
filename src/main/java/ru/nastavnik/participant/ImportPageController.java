package ru.nastavnik.participant;

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

/**
 * The questionnaire upload page, opened from the «Загрузить анкеты» task in Tasklist: a file input posting to the
 * same {@link ParticipantService#importFile} as the API; the session, CSRF and answer are {@link ImportPage}'s.
 */
@RestController
class ImportPageController {

    private static final String PATH = "/participants/import";

    private final ImportPage page;
    private final ImportPage.Kind kind;

    ImportPageController(ImportPage page, ParticipantService participants) {
        this.page = page;
        this.kind = new ImportPage.Kind(PATH, "Загрузка анкет участников", "Загрузить анкеты", "файл с анкетами",
                "Загрузить анкеты", """
                <a href="/api/templates/participants.xlsx">Скачать шаблон анкет (XLSX)</a>: лист
                  «Анкеты», допустимые значения — на листе «Справочники». Загружаются все строки файла или ни одной;
                  повторная загрузка того же файла ничего не меняет. Без согласия на обработку персональных данных
                  строка не принимается; за несовершеннолетнего согласие даёт законный представитель.""",
                "Загружать анкеты могут куратор, заместитель директора или директор",
                (programmeId, content) -> {
                    ParticipantService.ImportResult r = participants.importFile(programmeId, content);
                    return List.of(new ImportPage.Count("imported", "Новых участников", r.imported()),
                            new ImportPage.Count("updated", "Обновлено", r.updated()),
                            new ImportPage.Count("unchanged", "Без изменений", r.unchanged()));
                });
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(@RequestParam(required = false) String programme, HttpServletRequest request) {
        return page.form(kind, programme, request);
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> upload(@RequestParam(required = false) String programme,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "file", required = false) MultipartFile file,
                                  HttpServletRequest request) {
        return page.upload(kind, programme, csrf, file, request);
    }
}
