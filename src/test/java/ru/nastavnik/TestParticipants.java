package ru.nastavnik;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Questionnaire rows of adult teachers with unique names, imported through the real API. */
public final class TestParticipants {

    public static final String HEADER = "ФИО;Дата рождения;Категория;Класс;Стаж, лет;Предметы;Email;Телефон;Роль;"
            + "Формы наставничества;Запросы;Компетенции;Комментарий;Интересы;Число наставляемых;Вовлечённость;"
            + "Активность;Самооценка;Тревожность;Средний балл;Согласие на обработку ПД;Дата согласия;"
            + "Законный представитель;Email представителя";
    private static final String LETTERS = "абвгдежзиклмнопрстуфхцчшэюя";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestParticipants() {
    }

    /** «Фамилия» with random letters appended, so that no other test has the same person. */
    public static String unique(String surname) {
        StringBuilder s = new StringBuilder(surname);
        for (int i = 0; i < 6; i++) {
            s.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
        }
        return s.toString();
    }

    public static String candidate(String fullName, String email) {
        return teacher(fullName, email, "Кандидат в наставники", 2);
    }

    public static String mentor(String fullName, String email) {
        return mentor(fullName, email, 2);
    }

    /** A mentor who takes at most {@code capacity} mentees («Число наставляемых»). */
    public static String mentor(String fullName, String email, int capacity) {
        return teacher(fullName, email, "Наставник", capacity);
    }

    private static String teacher(String fullName, String email, String role, int capacity) {
        return fullName + ";12.07.1980;Учитель;;25;Русский язык;" + email + ";;" + role + ";Учитель-учитель;;"
                + "Методика преподавания, классное руководство;;;" + capacity + ";;;;;;Да;;;";
    }

    public static String mentee(String fullName) {
        return fullName + ";14.02.2000;Педагог;;1;Физика;;;Наставляемый;Учитель – учитель;"
                + "Адаптация молодого специалиста;;;;;4;4;3;2;;Да;;;";
    }

    /** Imports the rows as the curator and answers the person ids by full name. */
    public static Map<String, Long> importRows(int port, long programme, List<String> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(rows);
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("curator:" + IntegrationTest.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/programmes/" + programme + "/participants/import"))
                    .header("Authorization", auth).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\r\n", lines), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/programmes/" + programme + "/participants?size=500"))
                    .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, Long> ids = new LinkedHashMap<>();
            for (JsonNode item : JSON.readTree(list.body()).get("items")) {
                ids.put(item.get("fullName").asText(), item.get("personId").asLong());
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
