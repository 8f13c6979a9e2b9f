package ru.nastavnik.matching;

import ru.nastavnik.participant.ImportColumn;
import ru.nastavnik.spreadsheet.SheetTemplate;

/**
 * The columns of the preference questionnaire file, in the template's order. The person's columns are those of the
 * participant import (same headers and aliases); the wish columns are matched the same way. A wish column must be in
 * the file, but its cell may be empty (it clears that list).
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

    private final SheetTemplate.Definition definition;

    PreferenceColumn(ImportColumn same, boolean required, String accepts) {
        this(same.header(), required, accepts, same.definition().aliases().toArray(String[]::new));
    }

    PreferenceColumn(String header, boolean required, String accepts, String... aliases) {
        this.definition = new SheetTemplate.Definition(header, required, accepts, aliases);
    }

    @Override
    public SheetTemplate.Definition definition() {
        return definition;
    }
}
