package ru.nastavnik.monitoring;

import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.spreadsheet.ImportPage;
import ru.nastavnik.spreadsheet.ImportPageController;

/** The upload page of the school's roster, for the coverage KPI, on the participant import's {@link ImportPage}. */
@RestController
@RequestMapping(RosterImportPageController.PATH)
class RosterImportPageController extends ImportPageController {

    static final String PATH = "/monitoring/roster";

    RosterImportPageController(ImportPage page, Roster rosters) {
        super(page, new ImportPage.Kind(PATH + IMPORT, "Загрузка контингента школы", "Мониторинг программы",
                "файл с контингентом", "Загрузить контингент", """
                Столбцы «Класс» (например, «7Б», или слово «Педагоги») и «Численность». Файл заменяет прежний
                  контингент целиком; загружаются все строки или ни одной.""",
                "Контингент школы загружают куратор, заместитель директора или директор",
                (programmeId, content) -> List.of(new ImportPage.Count("imported", "Строк контингента",
                        rosters.importFile(programmeId, content)))));
    }
}
