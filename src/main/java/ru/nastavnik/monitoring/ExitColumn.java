package ru.nastavnik.monitoring;

import ru.nastavnik.spreadsheet.SheetTemplate;

/** The columns of the exit assessment file, in the template's order (headers compared as the participant import does). */
enum ExitColumn implements SheetTemplate.Column {
    FULL_NAME("ФИО", true, "Фамилия, имя и отчество участника, как в базе программы", "Ф.И.О.", "ФИО участника"),
    SCHOOL_CLASS("Класс", false, "Только чтобы различить однофамильцев: «7Б»"),
    ASSESSED_ON("Дата оценки", true, "ДД.ММ.ГГГГ или дата Excel; не в будущем", "Дата"),
    ENGAGEMENT("Вовлечённость", false, "1–5 (1 — очень низкая, 5 — очень высокая)"),
    ACTIVITY("Активность", false, "1–5 (1 — очень низкая, 5 — очень высокая)"),
    SELF_ESTEEM("Самооценка", false, "1–5 (1 — очень низкая, 5 — очень высокая)"),
    ANXIETY("Тревожность", false, "1–5 (1 — очень низкая, 5 — очень высокая; чем ниже, тем лучше)"),
    AVERAGE_GRADE("Средний балл", false, "Только для обучающихся: 2,0–5,0", "Средний балл успеваемости");

    private final SheetTemplate.Definition definition;

    ExitColumn(String header, boolean required, String accepts, String... aliases) {
        this.definition = new SheetTemplate.Definition(header, required, accepts, aliases);
    }

    @Override
    public SheetTemplate.Definition definition() {
        return definition;
    }
}
