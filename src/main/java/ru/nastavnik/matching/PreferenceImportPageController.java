package ru.nastavnik.matching;

import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.spreadsheet.ImportPage;
import ru.nastavnik.spreadsheet.ImportPageController;

/**
 * The preference questionnaire upload page, opened from the stage 5 task «Внести анкеты предпочтений» in Tasklist:
 * a file input posting to the same {@link PreferenceImport#importFile} as the API; the session, CSRF and answer are
 * {@link ImportPage}'s.
 */
@RestController
@RequestMapping(PreferenceImportPageController.PATH)
class PreferenceImportPageController extends ImportPageController {

    static final String PATH = "/preferences";

    PreferenceImportPageController(ImportPage page, PreferenceImport imports) {
        super(page, new ImportPage.Kind(PATH + IMPORT, "Загрузка анкет предпочтений", "Внести анкеты предпочтений",
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
                }));
    }
}
