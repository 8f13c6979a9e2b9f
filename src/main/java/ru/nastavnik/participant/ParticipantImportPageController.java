package ru.nastavnik.participant;

import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.spreadsheet.ImportPage;
import ru.nastavnik.spreadsheet.ImportPageController;

/**
 * The questionnaire upload page, opened from the «Загрузить анкеты» task in Tasklist: a file input posting to the
 * same {@link ParticipantService#importFile} as the API; the session, CSRF and answer are {@link ImportPage}'s.
 */
@RestController
@RequestMapping(ParticipantImportPageController.PATH)
class ParticipantImportPageController extends ImportPageController {

    static final String PATH = "/participants";

    ParticipantImportPageController(ImportPage page, ParticipantService participants) {
        super(page, new ImportPage.Kind(PATH + IMPORT, "Загрузка анкет участников", "Загрузить анкеты",
                "файл с анкетами", "Загрузить анкеты", """
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
                }));
    }
}
