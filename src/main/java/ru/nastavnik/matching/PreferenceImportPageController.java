package ru.nastavnik.matching;

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
 * The preference questionnaire upload page, opened from the stage 5 task «Внести анкеты предпочтений» in Tasklist:
 * a file input posting to the same {@link PreferenceImport#importFile} as the API; the session, CSRF and answer are
 * {@link ImportPage}'s.
 */
@RestController
class PreferenceImportPageController {

    private static final String PATH = "/preferences/import";

    private final ImportPage page;
    private final ImportPage.Kind kind;

    PreferenceImportPageController(ImportPage page, PreferenceImport imports) {
        this.page = page;
        this.kind = new ImportPage.Kind(PATH, "Загрузка анкет предпочтений", "Внести анкеты предпочтений",
                "файл с анкетами предпочтений", "Загрузить анкеты предпочтений", """
                <a href="/api/templates/preferences.xlsx">Скачать шаблон анкет предпочтений (XLSX)</a>: одна строка —
                  один участник: «ФИО», «Хочу в пару с» (через запятую, в порядке предпочтения), «Не хочу в пару с»;
                  однофамильцев различают класс или дата рождения. Загружаются все строки файла или ни одной;
                  пожелания каждого участника из файла заменяют прежние, у остальных остаются.""",
                "Загружать анкеты предпочтений могут куратор, заместитель директора или директор",
                (programmeId, content) -> {
                    PreferenceImport.ImportResult r = imports.importFile(programmeId, content);
                    return List.of(new ImportPage.Count("participants", "Анкет участников", r.participants()),
                            new ImportPage.Count("preferred", "Желаемых партнёров", r.preferred()),
                            new ImportPage.Count("avoid", "Нежелательных партнёров", r.avoid()));
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
