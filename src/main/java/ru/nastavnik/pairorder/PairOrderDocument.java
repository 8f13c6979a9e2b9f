package ru.nastavnik.pairorder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ru.nastavnik.shared.PrintDocument;
import ru.nastavnik.shared.PrintDocument.Align;
import ru.nastavnik.shared.PrintDocument.Block;
import ru.nastavnik.shared.PrintDocument.Space;
import ru.nastavnik.shared.PrintDocument.Table;
import ru.nastavnik.shared.PrintDocument.Text;
import ru.nastavnik.shared.PrintDocument.TwoSided;
import ru.nastavnik.shared.SchoolClock;

/**
 * «Распоряжение о закреплении наставнических пар (групп)» rendered from a plain model: as DOCX by filling a Word
 * template ({@link OrderTemplate}; the school may upload its own, on its letterhead) and as PDF by
 * {@link PrintDocument} (DejaVu Sans embedded, so Cyrillic shows everywhere). No Spring, no database.
 * {@link #paragraphs(Model)} is the PDF's text; the built-in template says the same.
 */
public final class PairOrderDocument {

    /** A table row: one mentor with the mentee (a pair) or mentees (a group). */
    public record Row(String mentor, List<String> mentees, String form, String roleVariant) {
    }

    /**
     * @param number      null for a draft (then the document says «ПРОЕКТ» and leaves the number blank)
     * @param date        null for a draft
     * @param city        the school's town, or null when not known (the line is then left out)
     * @param replaces    the order this one changes, as «№ 1 от 15.09.2026», or null
     * @param director    the director's name for the signature line, or null (blank to sign by hand)
     */
    public record Model(String school, String schoolYear, String city, String number, LocalDate date,
                        String curator, String director, String replaces, List<Row> rows) {

        public boolean draft() {
            return number == null;
        }
    }

    public static final String TITLE = "РАСПОРЯЖЕНИЕ";
    public static final String SUBJECT = "О закреплении наставнических пар (групп)";
    static final String[] HEADER = {"№ п/п", "Наставник", "Наставляемый (наставляемые)", "Форма наставничества",
            "Вариант ролей"};
    /** Relative widths of the table's columns, the same in both formats. */
    private static final float[] WIDTHS = {7, 24, 29, 19, 21};

    private PairOrderDocument() {
    }

    // ---------------------------------------------------------------- the text

    static String dateText(Model m) {
        return m.date() == null ? "«___» __________ 20__ г." : SchoolClock.RUSSIAN_DATE.format(m.date());
    }

    static String numberText(Model m) {
        return m.number() == null ? "_____" : m.number();
    }

    /** The body before the table: the preamble and the numbered points. */
    static List<String> paragraphs(Model m) {
        List<String> p = new ArrayList<>();
        p.add("В целях реализации программы наставничества " + m.school()
                + (m.schoolYear() == null ? "" : " на " + m.schoolYear() + " учебный год")
                + " в соответствии с целевой моделью наставничества (распоряжение Министерства просвещения "
                + "Российской Федерации от 25.12.2019 № Р-145) и по итогам формирования наставнических пар (групп)");
        p.add("ПРЕДПИСЫВАЮ:");
        p.add("1. Закрепить наставнические пары (группы) согласно приложению к настоящему распоряжению "
                + "(пар и групп: " + m.rows().size() + ", наставляемых: "
                + m.rows().stream().mapToInt(r -> r.mentees().size()).sum() + ").");
        p.add("2. Куратору программы наставничества " + m.curator() + " организовать работу наставнических пар "
                + "(групп) в соответствии с дорожной картой программы.");
        int next = 3;
        if (m.replaces() != null) {
            p.add(next++ + ". Распоряжение " + m.replaces() + " в части закрепления наставнических пар (групп) "
                    + "считать утратившим силу со дня подписания настоящего распоряжения.");
        }
        p.add(next + ". Контроль за исполнением настоящего распоряжения оставляю за собой.");
        return p;
    }

    static String tableCaption() {
        return "Приложение. Наставнические пары (группы)";
    }

    static String responsible(Model m) {
        return "Ответственный: куратор программы наставничества " + m.curator();
    }

    static String signature(Model m) {
        return "Директор  ______________________  " + (m.director() == null ? "/ ______________________ /"
                : "/ " + m.director() + " /");
    }

    static String[] cells(int index, Row row) {
        return new String[] {index + 1 + ".", row.mentor(), String.join("\n", row.mentees()), row.form(),
                row.roleVariant() == null || row.roleVariant().isBlank() ? "—" : row.roleVariant()};
    }

    // ---------------------------------------------------------------- the documents

    /** The DOCX from the built-in template (src/main/resources/documents/pair-order.docx). */
    public static byte[] docx(Model m) {
        return OrderTemplate.fill(OrderTemplate.builtIn(), m);
    }

    /** The PDF, always generated: the same text as the built-in template. */
    public static byte[] pdf(Model m) {
        return PrintDocument.pdf(blocks(m), TITLE + " " + SUBJECT.toLowerCase(), m.school());
    }

    static List<Block> blocks(Model m) {
        List<Block> b = new ArrayList<>();
        if (m.draft()) {
            b.add(new Text("ПРОЕКТ", true, 10, Align.RIGHT, false, 4));
        }
        b.add(new Text(m.school(), true, 12, Align.CENTER, false, 12));
        b.add(new Text(TITLE, true, 14, Align.CENTER, false, 2));
        b.add(new Text(SUBJECT, false, 12, Align.CENTER, false, 12));
        b.add(new TwoSided(dateText(m), "№ " + numberText(m), 11, m.city() == null ? 12 : 2));
        if (m.city() != null) {
            b.add(new Text("г. " + m.city(), false, 11, Align.CENTER, false, 12));
        }
        for (String text : paragraphs(m)) {
            boolean order = text.equals("ПРЕДПИСЫВАЮ:");
            b.add(new Text(text, order, 11, Align.JUSTIFY, !order, 6));
        }
        b.add(new Space(8));
        b.add(new Text(tableCaption(), true, 11, Align.CENTER, false, 6));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < m.rows().size(); i++) {
            rows.add(List.of(cells(i, m.rows().get(i))));
        }
        b.add(new Table(List.of(HEADER), WIDTHS, rows));
        b.add(new Space(14));
        b.add(new Text(responsible(m), false, 11, Align.LEFT, false, 18));
        b.add(new Text(signature(m), false, 11, Align.LEFT, false, 0));
        return b;
    }
}
