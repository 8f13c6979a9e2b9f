package ru.nastavnik.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import ru.nastavnik.shared.PdfPages;
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
        try (PdfPages w = new PdfPages()) {
            w.paragraph(m.school(), w.bold, 12, PdfPages.Align.CENTER, 0, 8);
            w.paragraph(TITLE, w.bold, 14, PdfPages.Align.CENTER, 0, 2);
            w.paragraph(m.subtitle(), w.regular, 10, PdfPages.Align.CENTER, 0, 12);
            for (Section s : m.sections()) {
                w.paragraph(s.heading(), w.bold, 12, PdfPages.Align.LEFT, 0, 4);
                for (String p : s.paragraphs()) {
                    w.paragraph(p, w.regular, 10, PdfPages.Align.LEFT, 0, 4);
                }
                if (s.header() != null && !s.rows().isEmpty()) {
                    boolean[] numeric = new boolean[s.header().length];
                    for (int i = 2; i < numeric.length; i++) {
                        numeric[i] = true;
                    }
                    w.table(s.header(), s.widths(), s.rows(), numeric);
                } else if (s.header() != null) {
                    w.paragraph("Данных пока нет.", w.regular, 10, PdfPages.Align.LEFT, 0, 0);
                }
                w.space(10);
            }
            return w.save(TITLE, m.school());
        }
    }

    static byte[] docx(Model m) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            para(doc, m.school(), true, 13, ParagraphAlignment.CENTER);
            para(doc, TITLE, true, 15, ParagraphAlignment.CENTER);
            para(doc, m.subtitle(), false, 11, ParagraphAlignment.CENTER);
            for (Section s : m.sections()) {
                para(doc, s.heading(), true, 13, ParagraphAlignment.LEFT);
                s.paragraphs().forEach(p -> para(doc, p, false, 12, ParagraphAlignment.BOTH));
                if (s.header() != null && !s.rows().isEmpty()) {
                    XWPFTable table = doc.createTable(s.rows().size() + 1, s.header().length);
                    table.setWidth("100%");
                    for (int c = 0; c < s.header().length; c++) {
                        cell(table, 0, c, s.header()[c], true);
                    }
                    for (int r = 0; r < s.rows().size(); r++) {
                        for (int c = 0; c < s.header().length; c++) {
                            cell(table, r + 1, c, s.rows().get(r)[c], false);
                        }
                    }
                } else if (s.header() != null) {
                    para(doc, "Данных пока нет.", false, 12, ParagraphAlignment.LEFT);
                }
            }
            doc.getProperties().getCoreProperties().setTitle(TITLE);
            doc.getProperties().getCoreProperties().setSubjectProperty(m.school());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void para(XWPFDocument doc, String text, boolean bold, int size, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingAfter(120);
        lines(p, text, bold, size);
    }

    private static void cell(XWPFTable table, int row, int column, String text, boolean bold) {
        XWPFParagraph p = table.getRow(row).getCell(column).getParagraphs().get(0);
        lines(p, text == null ? "" : text, bold, 10);
    }

    /** The text's lines as one paragraph with line breaks. */
    private static void lines(XWPFParagraph p, String text, boolean bold, int size) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = p.createRun();
            r.setFontFamily("Times New Roman");
            r.setFontSize(size);
            r.setBold(bold);
            r.setText(lines[i]);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }
}
