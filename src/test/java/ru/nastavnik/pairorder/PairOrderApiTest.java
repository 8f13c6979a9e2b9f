package ru.nastavnik.pairorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestParticipants;

/**
 * The order on the pairs over real HTTP: a draft from the programme's own matching proposal, both documents, the
 * director's approval (as the process step does it), and a change of a pair as a second order that leaves the first as it was.
 */
class PairOrderApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PairOrders orders;

    private RestClient curator;
    private RestClient director;
    private long programme;
    private String school;
    private Map<String, Long> ids;
    private String anna, oleg, petr, olga;

    @BeforeEach
    void importSchool() throws Exception {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        curator = RestClient.as(port, "curator", PASSWORD);
        director = RestClient.as(port, "director", PASSWORD);
        // No «№» in the school's name: the tests look for the order's own number.
        school = "Гимназия " + UUID.randomUUID().toString().substring(0, 8);
        programme = startProgrammeOverApi(school, "pupil-pupil");
        anna = TestParticipants.unique("Иванова") + " Анна";
        oleg = TestParticipants.unique("Сидоров") + " Олег";
        petr = TestParticipants.unique("Петров") + " Пётр";
        olga = TestParticipants.unique("Кузнецова") + " Ольга";
        String parent = ";01.09.2026;Родитель Мария Ивановна;parent@mail.ru";
        ids = TestParticipants.importRows(port, programme, List.of(
                anna + ";10.03.2014;Ученик;6А;;математика;;;Наставляемый;Ученик – ученик;"
                        + "Успеваемость, Олимпиады и конкурсы;;;шахматы;;3;2;3;4;3,2;Да" + parent,
                oleg + ";11.04.2013;Ученик;7Б;;;;;Наставляемый;Ученик – ученик;Спорт;;;футбол;;;;;;;Да" + parent,
                petr + ";01.02.2011;Ученик;9Б;;математика;petr@school.ru;;Наставник;Ученик – ученик;;"
                        + "Успеваемость, Олимпиады и конкурсы;;шахматы;2;;5;;;4,8;Да" + parent,
                olga + ";03.03.2010;Ученик;10А;;;olga@school.ru;;Наставник;Ученик – ученик;;Спорт;;футбол;1;;;;;;Да"
                        + parent));
        assertThat(ids).hasSize(4);
    }

    private String path(String rest) {
        return "/api/programmes/" + programme + "/orders" + rest;
    }

    private String proposal(String body) {
        HttpResponse<String> response = curator.post("/api/programmes/" + programme + "/matching", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void draftDocumentsApprovalAndAChangeAsANewOrder() throws Exception {
        String proposal = proposal("");
        assertThat(JSON.readTree(proposal).get("totals").get("matched").asInt()).isEqualTo(2);

        // Only staff who prepare orders create them.
        assertThat(RestClient.as(port, "coordinator", PASSWORD).post(path(""), proposal).statusCode()).isEqualTo(403);
        HttpResponse<String> created = curator.post(path(""), proposal);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode draft = JSON.readTree(created.body());
        long first = draft.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue(path("/" + first));
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.has("number")).isFalse();
        assertThat(draft.get("pairs")).hasSize(2);
        assertThat(created.body()).contains(anna, oleg, petr, olga, "успевающий – неуспевающий");

        // The draft downloads as a draft: no number yet.
        Download draftDocx = download("coordinator", path("/" + first + ".docx"));
        assertThat(draftDocx.status()).isEqualTo(200);
        assertThat(draftDocx.fileName()).isEqualTo("Проект_распоряжения_" + first + ".docx");
        assertThat(docxText(draftDocx.body())).contains("ПРОЕКТ", school, anna, petr);

        // Only the director approves; then it has number 1 and today's date.
        HttpResponse<String> refused = curator.post(path("/" + first + "/approval"), "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("message").asText())
                .isEqualTo("Утверждает распоряжение только директор");
        // No stage-5 task waits for this draft: the REST door refuses it (see PairOrderApprovalTest), so the test
        // approves it as a process step does.
        HttpResponse<String> withoutTask = director.post(path("/" + first + "/approval"), "");
        assertThat(withoutTask.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(curator.get(path("/" + first)).body()).get("status").asText()).isEqualTo("draft");
        orders.approve(programme, first, "director");
        JsonNode firstApproved = JSON.readTree(curator.get(path("/" + first)).body());
        assertThat(firstApproved.get("status").asText()).isEqualTo("approved");
        assertThat(firstApproved.get("number").asInt()).isEqualTo(1);
        assertThat(firstApproved.get("date").asText()).isEqualTo("2026-09-15");
        assertThat(firstApproved.get("approvedBy").asText()).isEqualTo("director");
        HttpResponse<String> again = director.post(path("/" + first + "/approval"), "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("уже утверждено");

        Download docx = download("curator", path("/" + first + ".docx"));
        assertThat(docx.contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.fileName()).isEqualTo("Распоряжение_№1_от_15.09.2026.docx");
        assertThat(docx.disposition()).isEqualTo("attachment");
        assertThat(docxText(docx.body())).contains("РАСПОРЯЖЕНИЕ", school, "15.09.2026", "№ 1", anna, oleg, petr,
                olga, "Ученик – ученик", "куратор программы наставничества Тестовый curator",
                "Тестовый director").doesNotContain("ПРОЕКТ");
        Download pdf = download("director", path("/" + first + ".pdf"));
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.fileName()).isEqualTo("Распоряжение_№1_от_15.09.2026.pdf");
        // Opened in the browser's PDF viewer, not saved.
        assertThat(pdf.disposition()).isEqualTo("inline");
        assertThat(pdfText(pdf.body())).contains("РАСПОРЯЖЕНИЕ", school, "15.09.2026", "№ 1", anna, oleg, petr,
                olga);

        // A change of a pair (Анна gets another mentor) is a second order that names the first.
        clockAt(LocalDateTime.of(2026, 10, 1, 9, 0));
        String changed = proposal("{\"pinned\": [{\"mentorId\": \"" + ids.get(olga) + "\", \"menteeId\": \""
                + ids.get(anna) + "\"}]}");
        HttpResponse<String> second = curator.post(path("?replaces=" + first), changed);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        long secondId = JSON.readTree(second.body()).get("id").asLong();
        assertThat(JSON.readTree(second.body()).get("replaces").asLong()).isEqualTo(first);
        orders.approve(programme, secondId, "director");
        HttpResponse<String> secondApproved = curator.get(path("/" + secondId));
        assertThat(JSON.readTree(secondApproved.body()).get("number").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(secondApproved.body()).get("date").asText()).isEqualTo("2026-10-01");
        String secondText = pdfText(download("curator", path("/" + secondId + ".pdf")).body());
        assertThat(secondText).contains("№ 2", "01.10.2026", "Распоряжение от 15.09.2026 № 1");
        JsonNode annaRow = null;
        for (JsonNode pair : JSON.readTree(secondApproved.body()).get("pairs")) {
            if (pair.findValuesAsText("id").contains(String.valueOf(ids.get(anna)))) {
                annaRow = pair;
            }
        }
        assertThat(annaRow).isNotNull();
        assertThat(annaRow.get("mentorName").asText()).isEqualTo(olga);

        // The first order is exactly as it was approved, and its documents too.
        assertThat(JSON.readTree(curator.get(path("/" + first)).body())).isEqualTo(firstApproved);
        assertThat(docxText(download("curator", path("/" + first + ".docx")).body())).contains("№ 1", "15.09.2026")
                .contains(anna + "\t") .doesNotContain("№ 2");
        HttpResponse<String> list = RestClient.as(port, "coordinator", PASSWORD).get(path(""));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body())).hasSize(2);
    }

    @Test
    void refusesForeignPeopleAndChangesOfADraft() throws Exception {
        String proposal = proposal("");
        JsonNode tree = JSON.readTree(proposal);
        String forged = proposal.replace("\"menteeId\":\"" + tree.findValuesAsText("menteeId").get(0) + "\"",
                "\"menteeId\":\"999999999\"");
        HttpResponse<String> bad = curator.post(path(""), forged);
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("groups[", "не наставляемый этой программы с действующим согласием");
        assertThat(curator.post(path(""), "{\"groups\": []}").statusCode()).isEqualTo(400);

        long draft = JSON.readTree(curator.post(path(""), proposal).body()).get("id").asLong();
        HttpResponse<String> ofDraft = curator.post(path("?replaces=" + draft), proposal);
        assertThat(ofDraft.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(ofDraft.body()).get("message").asText()).contains("ещё не утверждено");
        assertThat(RestClient.as(port, "mentor1", PASSWORD).get(path("/" + draft + ".pdf")).statusCode())
                .isEqualTo(403);
        assertThat(curator.get(path("/424242.pdf")).statusCode()).isEqualTo(404);
    }

    record Download(int status, String contentType, String disposition, String fileName, byte[] body) {
    }

    private Download download(String user, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        String encoded = disposition.replaceAll(".*filename\\*=UTF-8''([^;]+).*", "$1");
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                disposition.split(";")[0],
                disposition.contains("filename*=") ? URLDecoder.decode(encoded, StandardCharsets.UTF_8) : null,
                response.body());
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            return extractor.getText();
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
