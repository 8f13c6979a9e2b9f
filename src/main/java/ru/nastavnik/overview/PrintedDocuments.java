package ru.nastavnik.overview;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import ru.nastavnik.shared.PrintDocument;
import ru.nastavnik.shared.PrintDocument.Align;
import ru.nastavnik.shared.PrintDocument.Block;
import ru.nastavnik.shared.PrintDocument.Space;
import ru.nastavnik.shared.PrintDocument.Table;
import ru.nastavnik.shared.PrintDocument.Text;

/**
 * The documents to sign from the overview's data: the programme's roadmap (curator and director sign; the director
 * approves it) and a pair's individual plan (mentor, each mentee and, for a pupil, a parent). Both headed with the
 * school and the programme, as PDF (opened in the browser) and DOCX (saved, to edit).
 */
final class PrintedDocuments {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final String ROADMAP_TITLE = "ДОРОЖНАЯ КАРТА";
    static final String PLAN_TITLE = "ИНДИВИДУАЛЬНЫЙ ПЛАН РАЗВИТИЯ ПОД РУКОВОДСТВОМ НАСТАВНИКА";

    private PrintedDocuments() {
    }

    static String programmeLine(String schoolYear) {
        return "Программа наставничества на " + schoolYear + " учебный год";
    }

    /** The roadmap: «УТВЕРЖДАЮ» for the director, the 35 items by stage with the marks of what is done. */
    static List<Block> roadmap(ProgrammeOverview.Printed v) {
        List<Block> b = new ArrayList<>();
        b.add(new Text("УТВЕРЖДАЮ\nДиректор " + v.programme().schoolName() + "\n______________ / ______________ /\n"
                + "«___» __________ 20__ г.", false, 10, Align.RIGHT, false, 14));
        header(b, v.programme().schoolName(), ROADMAP_TITLE, "реализации программы наставничества на "
                + v.programme().schoolYear() + " учебный год");
        List<List<String>> rows = new ArrayList<>();
        int stage = 0;
        for (ProgrammeOverview.Item i : v.roadmap()) {
            if (i.stage() != stage) {
                stage = i.stage();
                rows.add(List.of("", ProgrammeOverview.stageName(stage), "", "", ""));
            }
            rows.add(List.of(i.code(), i.title(), i.responsible(), i.start() + " – " + i.due(),
                    i.doneOn().isEmpty() ? i.statusName() : "выполнено " + i.doneOn()
                            + (i.completedBy().isEmpty() ? "" : ", " + i.completedBy())));
        }
        b.add(new Table(List.of("№", "Мероприятие", "Ответственный", "Сроки", "Отметка о выполнении"),
                new float[] {7, 41, 19, 17, 16}, rows));
        b.add(new Space(18));
        b.add(PrintDocument.signature("Куратор программы наставничества", v.curator()));
        b.add(PrintDocument.signature("Директор", null));
        return b;
    }

    /** The plan as written at the planning meeting, or blank lines to fill in by hand before it is. */
    static List<Block> plan(PairPage.View v, String curator) {
        List<Block> b = new ArrayList<>();
        header(b, v.programme().schoolName(), PLAN_TITLE, programmeLine(v.programme().schoolYear()));
        b.add(PrintDocument.text((v.group() ? "Группа. " : "Пара. ") + "Наставник: " + v.mentor(), 11));
        b.add(PrintDocument.text((v.mentees().size() > 1 ? "Наставляемые: " : "Наставляемый: ")
                + String.join(", ", v.mentees()), 11));
        b.add(PrintDocument.text("Форма наставничества: " + v.form(), 11));
        b.add(PrintDocument.text("Закреплена: " + v.order() + (v.startedOn().isEmpty() ? "" : ", с " + v.startedOn()),
                11));
        PairPage.PlanView plan = v.plan();
        String blank = "______________________________________________________________\n"
                + "______________________________________________________________";
        b.add(PrintDocument.text("Периодичность встреч: " + (plan == null ? "______________" : plan.frequency()), 11));
        section(b, "Цели", plan == null ? blank : plan.goals());
        section(b, "Мероприятия", plan == null ? blank : plan.items());
        if (plan != null && !plan.requests().isEmpty()) {
            section(b, "Запросы наставляемых", String.join("\n", plan.requests()));
        }
        if (!v.meetings().isEmpty()) {
            b.add(new Text("Встречи", true, 11, Align.LEFT, false, 6));
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (PairPage.MeetingRow m : v.meetings()) {
                rows.add(List.of(n++ + ".", m.title(), m.planned(), m.heldOn().isEmpty() ? m.stateName()
                        : "проведена " + m.heldOn()));
            }
            b.add(new Table(List.of("№", "Встреча", "Плановая дата", "Отметка о проведении"),
                    new float[] {7, 51, 18, 24}, rows));
        }
        b.add(new Space(12));
        b.add(PrintDocument.text(plan == null ? "План составлен «___» __________ 20__ г."
                : "План составлен " + plan.writtenOn(), 11));
        b.add(new Space(10));
        b.add(PrintDocument.signature("Наставник", v.mentor()));
        for (String mentee : v.mentees()) {
            b.add(PrintDocument.signature("Наставляемый", mentee));
            if (pupils(v.form())) {
                b.add(PrintDocument.signature("Родитель (законный представитель)", null));
            }
        }
        b.add(PrintDocument.signature("Согласовано: куратор программы", curator));
        return b;
    }

    /** «Ученик – ученик», «Учитель – ученик» …: the mentee is a pupil, so a parent signs too. */
    static boolean pupils(String formTitle) {
        return formTitle.toLowerCase().endsWith("– ученик");
    }

    private static void header(List<Block> b, String school, String title, String subtitle) {
        b.add(PrintDocument.bold(school, 12, Align.CENTER));
        b.add(new Text(title, true, 14, Align.CENTER, false, 2));
        b.add(new Text(subtitle, false, 12, Align.CENTER, false, 14));
    }

    private static void section(List<Block> b, String title, String text) {
        b.add(new Text(title, true, 11, Align.LEFT, false, 2));
        b.add(new Text(text, false, 11, Align.JUSTIFY, false, 8));
    }

    /** PDF inline (the browser's viewer), DOCX as a download; the Russian file name for both. */
    static ResponseEntity<byte[]> download(String name, List<Block> blocks, String title, String subject,
                                           boolean pdf) {
        byte[] body = pdf ? PrintDocument.pdf(blocks, title, subject) : PrintDocument.docx(blocks, title);
        ContentDisposition.Builder disposition = pdf ? ContentDisposition.inline() : ContentDisposition.attachment();
        return ResponseEntity.ok().contentType(pdf ? MediaType.APPLICATION_PDF : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(name + (pdf ? ".pdf" : ".docx"),
                        StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
