package ru.nastavnik.district;

import java.util.List;
import java.util.stream.Collectors;
import ru.nastavnik.spreadsheet.ListSheet;
import ru.nastavnik.spreadsheet.ListSheet.Column;
import ru.nastavnik.spreadsheet.ListSheet.Share;

/**
 * The district table as XLSX: Russian headers, every count a number cell and every share the exact per cent (not the
 * page's rounded one), an empty cell where there is nothing to judge; texts are kept as text ({@link ListSheet}).
 */
final class DistrictSheet {

    static final List<Column<DistrictTable.School>> COLUMNS = List.of(
            new Column<>("Школа", 44, DistrictTable.School::school),
            new Column<>("Учебный год", 11, DistrictTable.School::schoolYear),
            new Column<>("Муниципалитет", 28, DistrictTable.School::municipality),
            new Column<>("Этап", 6, DistrictTable.School::stage),
            new Column<>("Где сейчас", 36, DistrictTable.School::stageTitle),
            new Column<>("Просрочено пунктов", 12, DistrictTable.School::overdueCount),
            new Column<>("Просроченные пункты", 60, s -> s.overdue().stream()
                    .map(i -> i.code() + " " + i.title() + " (срок " + i.dueText() + ")")
                    .collect(Collectors.joining("; "))),
            new Column<>("Наставляемых", 13, DistrictTable.School::mentees),
            new Column<>("Наставников", 13, DistrictTable.School::mentors),
            new Column<>("Пар работает", 12, DistrictTable.School::activePairs),
            new Column<>("Пар завершили", 12, DistrictTable.School::finishedPairs),
            new Column<>("Пар прекращено досрочно", 14, DistrictTable.School::endedPairs),
            new Column<>("Встречаются по плану", 14, s -> new Share(s.pairsOnPlan(), s.workingPairs())),
            new Column<>("Обратная связь: разослано", 14, DistrictTable.School::feedbackSent),
            new Column<>("Обратная связь: ответили", 14, DistrictTable.School::feedbackAnswered),
            new Column<>("Обратная связь", 12, s -> new Share(s.feedbackAnswered(), s.feedbackSent())),
            new Column<>("Охват обучающихся", 12, s -> s.outcome().pupils()),
            new Column<>("Охват педагогов", 12, s -> s.outcome().teachers()),
            new Column<>("Наставляемые с улучшениями", 14, s -> s.outcome().improved()));

    private DistrictSheet() {
    }

    static byte[] xlsx(List<DistrictTable.School> schools) {
        return ListSheet.xlsx("Школы", COLUMNS, schools);
    }
}
