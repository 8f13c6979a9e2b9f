package ru.nastavnik.overview;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.Groups;
import ru.nastavnik.spreadsheet.ListSheet;
import ru.nastavnik.spreadsheet.ListSheet.Column;

/** The overview's lists as spreadsheets: each list's columns for {@link ListSheet}, in one place. */
final class OverviewSheets {

    private OverviewSheets() {
    }

    static byte[] roadmap(List<RoadmapItem> items, LocalDate today, ZoneId zone) {
        return ListSheet.xlsx("Дорожная карта", List.<Column<RoadmapItem>>of(
                new Column<>("№", 6, RoadmapItem::code), new Column<>("Этап", 6, RoadmapItem::stage),
                new Column<>("Мероприятие", 60, RoadmapItem::title),
                new Column<>("Ответственный", 22, i -> Groups.russianName(i.responsibleGroup())),
                new Column<>("Начало", 12, RoadmapItem::startDate), new Column<>("Срок", 12, RoadmapItem::dueDate),
                new Column<>("Состояние", 14, i -> RoadmapService.statusName(i.status(today))),
                new Column<>("Выполнено", 12, RoadmapItem::doneOn),
                new Column<>("Отметил", 16, RoadmapItem::completedBy),
                new Column<>("Когда отмечено", 18, i -> i.completedAt() == null ? null
                        : LocalDateTime.ofInstant(i.completedAt(), zone)),
                new Column<>("Результат", 40, RoadmapItem::result),
                new Column<>("Комментарий", 40, RoadmapItem::comment)), items);
    }

    static byte[] bases(List<ProgrammeOverview.Row> rows) {
        return ListSheet.xlsx("Базы", List.<Column<ProgrammeOverview.Row>>of(
                new Column<>("База", 26, ProgrammeOverview.Row::side),
                new Column<>("Форма наставничества или категория", 36, ProgrammeOverview.Row::first),
                new Column<>("Класс или роль", 22, ProgrammeOverview.Row::second),
                new Column<>("Человек", 10, ProgrammeOverview.Row::count)), rows);
    }

    static byte[] pairs(List<ProgrammeOverview.PairRow> rows) {
        return ListSheet.xlsx("Пары и группы", List.<Column<ProgrammeOverview.PairRow>>of(
                new Column<>("Наставник", 30, ProgrammeOverview.PairRow::mentor),
                new Column<>("Наставляемые", 40, ProgrammeOverview.PairRow::mentees),
                new Column<>("Форма наставничества", 22, ProgrammeOverview.PairRow::form),
                new Column<>("Группа", 8, ProgrammeOverview.PairRow::group),
                new Column<>("Состояние", 16, ProgrammeOverview.PairRow::status),
                new Column<>("Текущий шаг", 30, p -> p.step().equals("—") ? null : p.step()),
                new Column<>("Дата шага", 12, ProgrammeOverview.PairRow::stepOn),
                new Column<>("Встреч проведено", 10, ProgrammeOverview.PairRow::held),
                new Column<>("Встреч пропущено", 10, ProgrammeOverview.PairRow::missed),
                new Column<>("Замолчала", 10, ProgrammeOverview.PairRow::silent)), rows);
    }

    static byte[] orders(List<ProgrammeOverview.OrderRow> rows) {
        return ListSheet.xlsx("Распоряжения", List.<Column<ProgrammeOverview.OrderRow>>of(
                new Column<>("Номер", 8, ProgrammeOverview.OrderRow::number),
                new Column<>("Документ", 30, ProgrammeOverview.OrderRow::name),
                new Column<>("Дата", 12, ProgrammeOverview.OrderRow::day),
                new Column<>("Состояние", 14, ProgrammeOverview.OrderRow::statusName),
                new Column<>("Пар и групп", 10, ProgrammeOverview.OrderRow::pairs)), rows);
    }

    static byte[] feedback(List<ProgrammeOverview.FeedbackRow> rows) {
        return ListSheet.xlsx("Обратная связь", List.<Column<ProgrammeOverview.FeedbackRow>>of(
                new Column<>("Участник", 30, ProgrammeOverview.FeedbackRow::name),
                new Column<>("Роль", 14, ProgrammeOverview.FeedbackRow::roleName),
                new Column<>("Анкета", 30, ProgrammeOverview.FeedbackRow::kindName),
                new Column<>("Оценка", 8, ProgrammeOverview.FeedbackRow::rating),
                new Column<>("Что помогло", 40, ProgrammeOverview.FeedbackRow::helped),
                new Column<>("Чего не хватило", 40, ProgrammeOverview.FeedbackRow::missing),
                new Column<>("Продолжить", 12, ProgrammeOverview.FeedbackRow::wouldContinue),
                new Column<>("Комментарий", 40, ProgrammeOverview.FeedbackRow::comment),
                new Column<>("Получено", 18, ProgrammeOverview.FeedbackRow::submittedOn)), rows);
    }
}
