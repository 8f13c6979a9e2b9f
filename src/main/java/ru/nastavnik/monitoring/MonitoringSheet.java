package ru.nastavnik.monitoring;

import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import ru.nastavnik.spreadsheet.SheetTemplate;

/**
 * The monitoring tables as XLSX: Russian headers, figures as number cells (shares as percentages Excel can sum and
 * chart), every text through {@link SheetTemplate#text} so that an answer typed like a formula stays text.
 */
final class MonitoringSheet {

    private MonitoringSheet() {
    }

    static byte[] xlsx(MonitoringView.View v) {
        return SheetTemplate.build((book, bold) -> {
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));

            Sheet coverage = sheet(book, bold, "Охват", "Группа", "Всего", "Прошли цикл", "Доля", "Цель 70 % достигнута");
            int r = 1;
            for (List<Coverage.Share> shares : List.of(List.of(v.coverage().pupils(), v.coverage().teachers()),
                    v.coverage().byClass(), v.coverage().pupilsByForm(), v.coverage().teachersByForm())) {
                for (Coverage.Share s : shares) {
                    Row row = coverage.createRow(r++);
                    String prefix = shares == v.coverage().byClass() ? "Класс " : shares == v.coverage().pupilsByForm()
                            ? "Обучающиеся, " : shares == v.coverage().teachersByForm() ? "Педагоги, " : "";
                    SheetTemplate.text(row, 0, prefix + s.label());
                    row.createCell(1).setCellValue(s.total());
                    row.createCell(2).setCellValue(s.involved());
                    number(row, 3, s.share(), percent);
                    SheetTemplate.text(row, 4, s.reached() ? "да" : "нет");
                }
            }
            Row want = coverage.createRow(r + 1);
            SheetTemplate.text(want, 0, "Хотят стать наставниками в следующем году (из ответивших)");
            want.createCell(1).setCellValue(v.coverage().askedToMentor());
            want.createCell(2).setCellValue(v.coverage().wantToMentor());

            Sheet groups = sheet(book, bold, "Динамика по группам", "Группа", "Показатель", "Оценено", "Вход",
                    "Выход", "Изменение", "Улучшились", "Доля улучшившихся");
            r = 1;
            for (Dynamics.Group g : v.dynamics().groups()) {
                for (Dynamics.ParameterSummary p : g.parameters()) {
                    Row row = groups.createRow(r++);
                    SheetTemplate.text(row, 0, g.label());
                    SheetTemplate.text(row, 1, p.parameter().title());
                    row.createCell(2).setCellValue(p.count());
                    number(row, 3, p.meanEntry(), decimal);
                    number(row, 4, p.meanExit(), decimal);
                    number(row, 5, p.meanChange(), decimal);
                    row.createCell(6).setCellValue(p.improved());
                    number(row, 7, p.shareImproved(), percent);
                }
            }

            String[] header = new String[3 + Parameter.values().length * 3 + 1];
            header[0] = "ФИО";
            header[1] = "Роль";
            header[2] = "Пара (группа)";
            int c = 3;
            for (Parameter p : Parameter.values()) {
                header[c++] = p.title() + ": вход";
                header[c++] = p.title() + ": выход";
                header[c++] = p.title() + ": изменение";
            }
            header[c] = "Улучшился в целом";
            Sheet people = sheet(book, bold, "Динамика участников", header);
            r = 1;
            for (Dynamics.ParticipantChange pc : v.dynamics().participants()) {
                Row row = people.createRow(r++);
                SheetTemplate.text(row, 0, pc.subject().fullName());
                SheetTemplate.text(row, 1, "mentor".equals(pc.subject().role()) ? "Наставник" : "Наставляемый");
                SheetTemplate.text(row, 2, pc.subject().pairLabel());
                for (Dynamics.Change ch : pc.changes()) {
                    int base = 3 + ch.parameter().ordinal() * 3;
                    number(row, base, ch.entry(), decimal);
                    number(row, base + 1, ch.exit(), decimal);
                    number(row, base + 2, ch.delta(), decimal);
                }
                SheetTemplate.text(row, header.length - 1, pc.improved() ? "да" : "нет");
            }

            Sheet scales = sheet(book, bold, "Анкеты", "Кто отвечал", "Вопрос", "Форма", "Ответов", "Среднее",
                    "1", "2", "3", "4", "5");
            r = 1;
            for (QuestionnaireSummary.ScaleLine l : v.questionnaires().scales()) {
                Row row = scales.createRow(r++);
                SheetTemplate.text(row, 0, Question.respondentTitle(l.question().respondent()));
                SheetTemplate.text(row, 1, l.question().text());
                SheetTemplate.text(row, 2, l.formTitle());
                row.createCell(3).setCellValue(l.count());
                number(row, 4, l.mean(), decimal);
                for (int i = 0; i < 5; i++) {
                    row.createCell(5 + i).setCellValue(l.distribution().get(i));
                }
            }

            Sheet open = sheet(book, bold, "Открытые ответы", "Кто отвечал", "Вопрос", "Ответ");
            r = 1;
            for (QuestionnaireSummary.OpenGroup g : v.questionnaires().open()) {
                for (String text : g.texts()) {
                    Row row = open.createRow(r++);
                    SheetTemplate.text(row, 0, Question.respondentTitle(g.question().respondent()));
                    SheetTemplate.text(row, 1, g.question().text());
                    SheetTemplate.text(row, 2, text);
                }
            }

            Sheet expectations = sheet(book, bold, "Ожидания", "Запрос", "Запросили", "Ответили", "Решён",
                    "Частично", "Не решён");
            r = 1;
            for (QuestionnaireSummary.Expectation e : v.questionnaires().expectations()) {
                Row row = expectations.createRow(r++);
                SheetTemplate.text(row, 0, e.title());
                int[] n = {e.requested(), e.answered(), e.met(), e.partly(), e.notMet()};
                for (int i = 0; i < n.length; i++) {
                    row.createCell(1 + i).setCellValue(n[i]);
                }
            }

            Sheet swot = sheet(book, bold, "SWOT", "Часть", "Содержание");
            String[][] parts = {{"Сильные стороны (S)", v.swot().strengths()}, {"Слабые стороны (W)",
                    v.swot().weaknesses()}, {"Возможности (O)", v.swot().opportunities()},
                    {"Угрозы (T)", v.swot().threats()}};
            for (int i = 0; i < parts.length; i++) {
                Row row = swot.createRow(i + 1);
                SheetTemplate.text(row, 0, parts[i][0]);
                SheetTemplate.text(row, 1, parts[i][1] == null ? "" : parts[i][1]);
            }
        });
    }

    private static Sheet sheet(Workbook book, CellStyle bold, String name, String... headers) {
        Sheet sheet = book.createSheet(name);
        Row header = sheet.createRow(0);
        for (int c = 0; c < headers.length; c++) {
            SheetTemplate.text(header, c, headers[c]).setCellStyle(bold);
            sheet.setColumnWidth(c, (c < 3 ? 30 : 14) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            var cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }
}
