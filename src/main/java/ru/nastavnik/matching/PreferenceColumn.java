package ru.nastavnik.matching;

import java.util.List;
import ru.nastavnik.participant.ImportColumn;
import ru.nastavnik.spreadsheet.SheetTemplate;
import ru.nastavnik.participant.Text;

/**
 * The columns of the preference questionnaire file, in the template's order. The person's columns are those of the
 * participant import (same headers and aliases); the wish columns are matched the same way.
 */
enum PreferenceColumn implements SheetTemplate.Column {
    FULL_NAME(ImportColumn.FULL_NAME, true, "Фамилия, имя и отчество — как в анкете участника"),
    BIRTH_DATE(ImportColumn.BIRTH_DATE, false, "Только чтобы различить тёзок: ДД.ММ.ГГГГ"),
    SCHOOL_CLASS(ImportColumn.SCHOOL_CLASS, false, "Только чтобы различить тёзок-учеников: «7Б»"),
    PREFERRED("Хочу в пару с", true, "ФИО желаемых наставников (для наставляемого) или наставляемых (для наставника) "
            + "через «;» или «,», в порядке предпочтения; тёзок различает класс или дата рождения в скобках: "
            + "«Иванов Иван (7Б)»", "Хочу в пару", "Хотел бы в пару с", "Желаемые партнёры", "Предпочтения"),
    AVOID("Не хочу в пару с", true, "ФИО тех, с кем участник не хотел бы работать, через «;» или «,»",
            "Не хочу в пару", "Не хотел бы в пару с", "Не хотел бы работать с", "Избегать");

    private final ImportColumn same;
    private final String header;
    private final boolean required;
    private final String accepts;
    private final List<String> aliases;

    PreferenceColumn(ImportColumn same, boolean required, String accepts) {
        this.same = same;
        this.header = same.header();
        this.required = required;
        this.accepts = accepts;
        this.aliases = List.of();
    }

    PreferenceColumn(String header, boolean required, String accepts, String... aliases) {
        this.same = null;
        this.header = header;
        this.required = required;
        this.accepts = accepts;
        this.aliases = List.of(aliases);
    }

    @Override
    public String header() {
        return header;
    }

    /** The column must be in the file; a wish cell may still be empty (it clears that list). */
    @Override
    public boolean required() {
        return required;
    }

    @Override
    public String accepts() {
        return accepts;
    }

    boolean matches(String headerCell) {
        return same != null ? same.matches(headerCell) : Text.matchesHeader(headerCell, header, aliases);
    }
}
