package ru.nastavnik.monitoring;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.spreadsheet.ImportPage;
import ru.nastavnik.spreadsheet.ImportPageController;
import ru.nastavnik.spreadsheet.SheetTemplate;

/**
 * The upload page of the exit assessments, on the participant import's {@link ImportPage} (login, CSRF, Russian
 * answer with every bad row), and the exit assessment template.
 */
@RestController
@RequestMapping(ExitImportPageController.PATH)
class ExitImportPageController extends ImportPageController {

    static final String PATH = "/monitoring/exit-assessments";

    ExitImportPageController(ImportPage page, ExitAssessments assessments) {
        super(page, new ImportPage.Kind(PATH + IMPORT, "Загрузка выходной оценки участников", "Мониторинг программы",
                "файл с выходной оценкой", "Загрузить оценки", """
                <a href="/monitoring/exit-assessments/template.xlsx">Скачать шаблон (XLSX)</a>: одна строка — один
                  участник пары или группы; показатели те же, что при входе. Загружаются все строки файла или ни одной;
                  новая оценка участника заменяет прежнюю.""",
                "Выходную оценку из файла загружают куратор, заместитель директора или директор",
                (programmeId, content) -> List.of(new ImportPage.Count("imported", "Загружено оценок",
                        assessments.importFile(programmeId, content)))));
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return SheetTemplate.download("exit-assessment.xlsx", SheetTemplate.build((book, bold) -> {
            SheetTemplate.headerSheet(book, bold, "Выходная оценка", List.of(ExitColumn.values()),
                    new int[] {36, 8, 14, 14});
            var help = book.createSheet("Пояснения");
            SheetTemplate.columns(help, 0, bold, "Столбцы", List.of(ExitColumn.values()));
        }));
    }
}
