package ru.nastavnik.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.spreadsheet.SheetReader;

/** Questionnaire import, the participants list and cards, and the template, over real HTTP. */
class ParticipantApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private RestClient curator;
    private long programme;

    @BeforeEach
    void setUp() throws Exception {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        curator = RestClient.as(port, "curator", PASSWORD);
        HttpResponse<String> created = curator.post("/api/programmes", """
                {"schoolName": "Гимназия %s", "schoolYear": "2026/2027",
                 "forms": ["pupil-pupil", "teacher-teacher", "teacher-pupil"], "curatorId": "curator",
                 "deputyDirectorId": "deputy", "directorId": "director", "municipalityId": %d}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), testMunicipality));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        programme = JSON.readTree(created.body()).get("id").asLong();
    }

    @Test
    void importsAllOrNothingAndRecognisesARepeatedFile() throws Exception {
        String path = "/api/programmes/" + programme + "/participants";
        byte[] good = ParticipantImporterTest.csv(ParticipantImporterTest.withHeader("Анкеты 2026/2027",
                ParticipantImporterTest.GOOD), SheetReader.WINDOWS_1251);

        List<String> withBad = new ArrayList<>(ParticipantImporterTest.GOOD);
        withBad.add("Лебедева Анна;10.10.2012;Ученик;5А;;;;;Наставляемый;Ученик – ученик;Успеваемость;;;;;;;;;;Нет;;;");
        withBad.add("Смирнов Олег;01.01.2030;Ученик;12Ж;;;;;Наставляемый;Ученик – ученик;Успеваемость;;;;;;;;;;Да;;;");
        HttpResponse<String> refused = post(path + "/import", "curator", "text/csv",
                ParticipantImporterTest.csv(ParticipantImporterTest.withHeader(null, withBad), StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode refusal = JSON.readTree(refused.body());
        assertThat(refusal.get("message").asText()).startsWith("Файл не загружен");
        assertThat(refusal.get("errors").findValuesAsText("row")).contains("5", "6");
        assertThat(refusal.get("errors").findValuesAsText("message"))
                .anyMatch(m -> m.contains("Нет согласия законного представителя"))
                .anyMatch(m -> m.contains("ещё не наступила"));
        assertThat(JSON.readTree(curator.get(path).body()).get("total").asLong()).isZero();

        HttpResponse<String> imported = multipart(path + "/import", "curator", "анкеты.csv", good);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).get("imported").asInt()).isEqualTo(3);

        HttpResponse<String> again = post(path + "/import", "curator", "text/csv", good);
        JsonNode repeat = JSON.readTree(again.body());
        assertThat(repeat.get("imported").asInt()).isZero();
        assertThat(repeat.get("updated").asInt()).isZero();
        assertThat(repeat.get("unchanged").asInt()).isEqualTo(3);

        byte[] changed = ParticipantImporterTest.csv(ParticipantImporterTest.withHeader(null,
                List.of(ParticipantImporterTest.GOOD.get(0).replace("7 б", "8 б"))), StandardCharsets.UTF_8);
        JsonNode update = JSON.readTree(post(path + "/import", "curator", "text/csv", changed).body());
        assertThat(update.get("updated").asInt()).isEqualTo(1);

        JsonNode list = JSON.readTree(curator.get(path).body());
        assertThat(list.get("total").asLong()).isEqualTo(3);
        assertThat(list.get("items").findValuesAsText("fullName"))
                .containsExactly("Кузнецова Елена Викторовна", "Орлова Мария", "Семёнов Пётр Ильич");
        JsonNode mentee = list.get("items").get(2);
        assertThat(mentee.get("schoolClass").asText()).isEqualTo("8Б");
        assertThat(mentee.get("consent").get("title").asText()).isEqualTo("есть согласие");

        assertThat(JSON.readTree(curator.get(path + "?role=mentee").body()).get("total").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(curator.get(path + "?form=teacher-teacher&consent=given").body())
                .get("items").findValuesAsText("fullName")).containsExactly("Кузнецова Елена Викторовна");
        assertThat(JSON.readTree(curator.get(path + "?consent=missing").body()).get("total").asLong()).isZero();
        assertThat(JSON.readTree(curator.get(path + "?page=1&size=2").body()).get("items")).hasSize(1);
        assertThat(curator.get(path + "?role=boss").statusCode()).isEqualTo(400);

        long personId = mentee.get("personId").asLong();
        HttpResponse<String> card = RestClient.as(port, "coordinator", PASSWORD).get(path + "/" + personId);
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(card.body());
        assertThat(view.get("birthDate").asText()).isEqualTo("2013-03-05");
        assertThat(view.get("representativeName").asText()).isEqualTo("Семёнова Анна Петровна");
        assertThat(view.get("requests").findValuesAsText("code")).containsExactly("academic-performance",
                "learning-motivation");
        assertThat(view.get("averageGrade").decimalValue()).isEqualByComparingTo("3.4");
        assertThat(view.get("consents").get(0).get("givenBy").asText()).isEqualTo("Семёнова Анна Петровна");
        assertThat(curator.get(path + "/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aNulOrAnEscapeInACellRefusesTheWholeFile() throws Exception {
        String path = "/api/programmes/" + programme + "/participants";
        List<String> rows = new ArrayList<>(ParticipantImporterTest.GOOD);
        rows.set(1, rows.get(1).replaceFirst(";", "\u0000;"));
        rows.set(2, rows.get(2).replaceFirst(";", "\u001b[31m;"));
        HttpResponse<String> refused = post(path + "/import", "curator", "text/csv",
                ParticipantImporterTest.csv(ParticipantImporterTest.withHeader(null, rows), StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("недопустимые символы");
        assertThat(JSON.readTree(curator.get(path).body()).get("total").asLong()).isZero();
    }

    @Test
    void onlyStaffSeePersonalDataAndImport() {
        String path = "/api/programmes/" + programme + "/participants";
        RestClient mentor = RestClient.as(port, "mentor1", PASSWORD);
        assertThat(mentor.get(path).statusCode()).isEqualTo(403);
        assertThat(mentor.get(path + "/1").statusCode()).isEqualTo(403);
        HttpResponse<String> refused = post(path + "/import", "mentor1", "text/csv",
                ParticipantImporterTest.csv(ParticipantImporterTest.withHeader(null, ParticipantImporterTest.GOOD),
                        StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(RestClient.as(port, "coordinator", PASSWORD).get(path).statusCode()).isEqualTo(200);
        assertThat(RestClient.as(port, "deputy", PASSWORD).get(path).statusCode()).isEqualTo(200);
        assertThat(RestClient.anonymous(port).get(path).statusCode()).isEqualTo(401);
        assertThat(curator.get("/api/programmes/999999/participants").statusCode()).isEqualTo(404);
    }

    @Test
    void servesATemplateThatImportsOnceFilledIn() throws Exception {
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/templates/participants.xlsx"))
                .header("Authorization", basic("mentor1")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue(SheetReader.XLSX_TYPE);

        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.body()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            assertThat(book.getSheetName(0)).isEqualTo("Анкеты");
            assertThat(book.getSheetName(1)).isEqualTo("Справочники");
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ФИО *");
            String[] values = {"Белова Софья Андреевна", "14.02.2000", "Педагог", "", "1", "Физика",
                    "belova@school.ru", "", "Наставляемый", "Учитель – учитель", "Адаптация молодого специалиста",
                    "", "", "", "", "4", "4", "3", "2", "", "Да", "", "", ""};
            Row row = sheet.createRow(1);
            for (int c = 0; c < values.length; c++) {
                row.createCell(c).setCellValue(values[c]);
            }
            book.write(out);
            filled = out.toByteArray();
        }
        HttpResponse<String> imported = post("/api/programmes/" + programme + "/participants/import", "deputy",
                SheetReader.XLSX_TYPE, filled);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).get("imported").asInt()).isEqualTo(1);
    }

    private HttpResponse<String> post(String path, String user, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpResponse<String> multipart(String path, String user, String filename, byte[] content) {
        String boundary = "----nastavnik" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
