package ru.nastavnik.participant;

import java.util.List;
import ru.nastavnik.spreadsheet.SheetTemplate;

/**
 * The columns of the questionnaire file, in the template's order. Headers are matched ignoring case, spaces,
 * punctuation, «*» and «ё»; the aliases are headers found in real school spreadsheets. Other columns are ignored.
 */
public enum ImportColumn implements SheetTemplate.Column {
    FULL_NAME("ФИО", true, "Фамилия, имя и отчество (если есть)", "Фамилия Имя Отчество", "Ф.И.О.", "ФИО участника"),
    BIRTH_DATE("Дата рождения", true, "ДД.ММ.ГГГГ, ГГГГ-ММ-ДД или дата Excel; не в будущем"),
    CATEGORY("Категория", true, "Ученик, Педагог, Студент, Работодатель, Родитель, Выпускник", "Категория участника", "Статус"),
    SCHOOL_CLASS("Класс", false, "Для учеников обязательно: 1–11 и буква («7Б»; «7 б», «7-Б» тоже принимаются)"),
    EXPERIENCE("Стаж, лет", false, "Для педагогов обязательно: целое число лет педагогического стажа 0–70", "Стаж", "Педагогический стаж", "Опыт работы, лет"),
    SUBJECTS("Предметы", false, "Педагог: преподаваемые предметы; ученик: любимые предметы (через запятую)", "Предмет"),
    EMAIL("Email", false, "Адрес электронной почты; обязателен для наставников и кандидатов", "E-mail", "Эл. почта", "Электронная почта", "Почта"),
    PHONE("Телефон", false, "Российский номер, любой записью: +7 900 123-45-67, 89001234567", "Номер телефона", "Телефон участника"),
    ROLE("Роль", true, "Наставляемый, Кандидат в наставники, Наставник", "Роль в программе"),
    FORMS("Формы наставничества", true, "Через запятую: «Ученик – ученик», «Учитель – учитель», … (тире любое); только формы программы", "Форма наставничества", "Формы", "Форма"),
    REQUESTS("Запросы", false, "Для наставляемых обязательно: темы из справочника через запятую", "Запросы наставляемого", "Запрос"),
    COMPETENCIES("Компетенции", false, "Для наставников и кандидатов обязательно: темы из справочника через запятую", "Компетенции наставника"),
    DETAILS("Комментарий к запросу или компетенциям", false, "Свободный текст (до 2000 символов)", "Комментарий", "Подробнее", "Дополнительно"),
    INTERESTS("Интересы", false, "Свободный текст: хобби, увлечения (до 1000 символов)", "Увлечения", "Интересы и увлечения"),
    CAPACITY("Число наставляемых", false, "Наставник: сколько наставляемых готов вести, 1–10 (по умолчанию 1)", "Макс. число наставляемых", "Количество наставляемых"),
    ENGAGEMENT("Вовлечённость", false, "Входная оценка, 1–5 (1 — очень низкая, 5 — очень высокая)"),
    ACTIVITY("Активность", false, "Входная оценка, 1–5 (1 — очень низкая, 5 — очень высокая)"),
    SELF_ESTEEM("Самооценка", false, "Входная оценка, 1–5 (1 — очень низкая, 5 — очень высокая)"),
    ANXIETY("Тревожность", false, "Входная оценка, 1–5 (1 — очень низкая, 5 — очень высокая)"),
    AVERAGE_GRADE("Средний балл", false, "Только для учеников: 2,0–5,0", "Средний балл успеваемости"),
    CONSENT("Согласие на обработку ПД", true, "Да или Нет; без согласия строка не принимается", "Согласие", "Согласие на обработку персональных данных", "Согласие ПД"),
    CONSENT_DATE("Дата согласия", false, "Дата подписания согласия; по умолчанию — дата загрузки", "Дата согласия на обработку ПД"),
    REPRESENTATIVE("Законный представитель", false, "Для несовершеннолетних обязательно: ФИО родителя (законного представителя), давшего согласие", "ФИО законного представителя", "Родитель (законный представитель)", "ФИО родителя"),
    REPRESENTATIVE_EMAIL("Email представителя", false, "Для несовершеннолетних обязательно", "E-mail представителя", "Email законного представителя", "Почта представителя", "Email родителя");

    private final String header;
    private final boolean required;
    private final String accepts;
    private final List<String> aliases;

    ImportColumn(String header, boolean required, String accepts, String... aliases) {
        this.header = header;
        this.required = required;
        this.accepts = accepts;
        this.aliases = List.of(aliases);
    }

    /** The header as the template writes it. */
    @Override
    public String header() {
        return header;
    }

    /** Required in the file (the column must exist, the cell must be filled); others may be conditional. */
    @Override
    public boolean required() {
        return required;
    }

    @Override
    public String accepts() {
        return accepts;
    }

    public boolean matches(String headerCell) {
        return Text.matchesHeader(headerCell, header, aliases);
    }
}
