package ru.nastavnik.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ru.nastavnik.shared.PrintDocument;
import ru.nastavnik.shared.PrintDocument.Align;
import ru.nastavnik.shared.PrintDocument.Block;
import ru.nastavnik.shared.SchoolClock;

/**
 * «Отчёт о реализации программы наставничества»: the year's outcome for the school to hand upward, as PDF and DOCX
 * from one plain model (the text of both is written once, in {@link #model}): coverage against 70%, the dynamics
 * entry → exit, the questionnaires' best and worst items, what mentees expected and got, and the SWOT analysis.
 */
final class MonitoringReportDocument {

    static final String TITLE = "Отчёт о реализации программы наставничества";

    /** A heading followed by paragraphs and at most one table. */
    record Section(String heading, List<String> paragraphs, String[] header, float[] widths, List<String[]> rows) {
    }

    record Model(String school, String subtitle, List<Section> sections) {
    }

    private MonitoringReportDocument() {
    }

    static Model model(MonitoringView.View v, LocalDate today) {
        List<Section> sections = new ArrayList<>();
        Coverage.Report c = v.coverage();
        List<String[]> coverageRows = new ArrayList<>();
        for (Coverage.Share s : List.of(c.pupils(), c.teachers())) {
            coverageRows.add(share(s.label(), s));
        }
        c.byClass().forEach(s -> coverageRows.add(share("Класс " + s.label(), s)));
        c.pupilsByForm().forEach(s -> coverageRows.add(share("Обучающиеся, «" + s.label() + "»", s)));
        c.teachersByForm().forEach(s -> coverageRows.add(share("Педагоги, «" + s.label() + "»", s)));
        sections.add(new Section("1. Охват участников программы", List.of("Целевой показатель национального проекта "
                + "«Образование» — не менее 70 % обучающихся и педагогов. Участником считается прошедший полный цикл "
                + "программы в паре или группе.", "Хотят стать наставниками в следующем учебном году: "
                + c.wantToMentor() + " из " + c.askedToMentor() + " ответивших наставляемых."),
                new String[] {"Группа", "Всего", "Прошли цикл", "Доля", "Цель 70 %"}, new float[] {40, 12, 16, 14, 18},
                coverageRows));

        List<String[]> dynamicsRows = new ArrayList<>();
        List<Dynamics.Group> groups = new ArrayList<>();
        groups.add(v.dynamics().programme());
        groups.addAll(v.dynamics().forms());
        for (Dynamics.Group g : groups) {
            for (Dynamics.ParameterSummary p : g.parameters()) {
                if (p.count() > 0) {
                    dynamicsRows.add(new String[] {g.label(), p.parameter().title(), String.valueOf(p.count()),
                            QuestionnaireSummary.decimal(p.meanEntry()), QuestionnaireSummary.decimal(p.meanExit()),
                            QuestionnaireSummary.decimal(p.meanChange()), QuestionnaireSummary.percent(p.shareImproved())});
                }
            }
        }
        Dynamics.Group programme = v.dynamics().programme();
        sections.add(new Section("2. Динамика участников: вход и выход", List.of("Наставляемых, оценённых на входе и "
                + "на выходе: " + programme.participants() + "; улучшили больше показателей, чем ухудшили: "
                + programme.improved() + " (" + QuestionnaireSummary.percent(programme.shareImproved()) + "). "
                + "Тревожность улучшается, когда снижается."),
                new String[] {"Группа", "Показатель", "Оценено", "Вход", "Выход", "Изменение", "Улучшились"},
                new float[] {24, 18, 11, 10, 10, 13, 14}, dynamicsRows));

        List<String[]> ranking = v.questionnaires().ranking().stream().map(i -> new String[] {
                Question.respondentTitle(i.question().respondent()), i.question().text(), String.valueOf(i.count()),
                QuestionnaireSummary.decimal(i.mean())}).toList();
        sections.add(new Section("3. Качество реализации программы (анкетирование)", List.of("Оценки по шкале от 1 до "
                + "5, от лучших к худшим."), new String[] {"Кто отвечал", "Вопрос", "Ответов", "Среднее"},
                new float[] {18, 56, 12, 14}, ranking));

        List<String[]> expectations = v.questionnaires().expectations().stream().map(e -> new String[] {e.title(),
                String.valueOf(e.requested()), String.valueOf(e.met()), String.valueOf(e.partly()),
                String.valueOf(e.notMet())}).toList();
        sections.add(new Section("4. Ожидания и результаты наставляемых", List.of(), new String[] {"Запрос",
                "Запросили", "Решён", "Частично", "Не решён"}, new float[] {40, 15, 15, 15, 15}, expectations));

        Monitoring.Swot s = v.swot();
        sections.add(new Section("5. SWOT-анализ" + (s.saved() ? "" : " (черновик)"), List.of(
                "Сильные стороны: " + text(s.strengths()), "Слабые стороны: " + text(s.weaknesses()),
                "Возможности: " + text(s.opportunities()), "Угрозы: " + text(s.threats())), null, null, List.of()));
        return new Model(v.programme().schoolName(), v.programme().schoolYear() + " учебный год · составлен "
                + today.format(SchoolClock.RUSSIAN_DATE), sections);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "—" : "\n" + s;
    }

    private static String[] share(String label, Coverage.Share s) {
        return new String[] {label, s.total() == 0 ? "—" : String.valueOf(s.total()), String.valueOf(s.involved()),
                QuestionnaireSummary.percent(s.share()), s.reached() ? "достигнута" : "не достигнута"};
    }

    static byte[] pdf(Model m) {
        return PrintDocument.pdf(blocks(m), TITLE, m.school());
    }

    static byte[] docx(Model m) {
        return PrintDocument.docx(blocks(m), TITLE);
    }

    /** The report written once for both formats. */
    private static List<Block> blocks(Model m) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(PrintDocument.bold(m.school(), 12, Align.CENTER));
        blocks.add(PrintDocument.bold(TITLE, 14, Align.CENTER));
        blocks.add(PrintDocument.centred(m.subtitle(), 10));
        blocks.add(new PrintDocument.Space(6));
        for (Section s : m.sections()) {
            blocks.add(PrintDocument.bold(s.heading(), 12, Align.LEFT));
            s.paragraphs().forEach(p -> blocks.add(PrintDocument.text(p, 10)));
            if (s.header() != null && !s.rows().isEmpty()) {
                blocks.add(new PrintDocument.Table(List.of(s.header()), s.widths(),
                        s.rows().stream().map(List::of).toList()));
            } else if (s.header() != null) {
                blocks.add(PrintDocument.text("Данных пока нет.", 10));
            }
            blocks.add(new PrintDocument.Space(10));
        }
        return blocks;
    }
}
