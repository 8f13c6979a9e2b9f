package ru.nastavnik.pairorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.matching.MatchingProposal;

/** The school's own order template over HTTP: who may change it, what is refused, and the order's DOCX from it. */
class OrderTemplateApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/templates/pair-order.docx";

    @Autowired
    PairOrders orders;

    @AfterEach
    void builtInAgain() {
        assertThat(deleteTemplate().statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> deleteTemplate() {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + PATH)).DELETE()
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("director:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean custom() throws Exception {
        return JSON.readTree(RestClient.as(port, "curator", PASSWORD).get("/api/templates/pair-order").body())
                .get("template").get("custom").asBoolean();
    }

    @Test
    void theDirectorUploadsTheSchoolsLetterheadAndTheOrdersDocxIsFilledFromIt() throws Exception {
        byte[] letterhead = OrderTemplateTest.letterhead(true, null);
        HttpResponse<String> curator = RestClient.as(port, "curator", PASSWORD).postMultipart(PATH, "бланк.docx",
                letterhead);
        assertThat(curator.statusCode()).isEqualTo(403);
        assertThat(custom()).isFalse();

        HttpResponse<String> uploaded = RestClient.as(port, "director", PASSWORD).postMultipart(PATH, "бланк.docx",
                letterhead);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        JsonNode info = JSON.readTree(uploaded.body());
        assertThat(info.get("custom").asBoolean()).isTrue();
        assertThat(info.get("uploadedBy").asText()).isEqualTo("director");
        assertThat(RestClient.as(port, "curator", PASSWORD).download(PATH).body()).isEqualTo(letterhead);

        long programme = startProgrammeOverApi("Школа на бланке " + System.nanoTime(), "pupil-pupil");
        String mentor = TestParticipants.unique("Петров") + " Пётр";
        String mentee = TestParticipants.unique("Иванова") + " Анна";
        Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                TestPairs.pupil(mentor, true, "p" + programme + "@school.test", "r" + programme + "@mail.test"),
                TestPairs.pupil(mentee, false, "", "m" + programme + "@mail.test")));
        PairOrder draft = orders.create(programme, new MatchingProposal(List.of(new MatchingProposal.Group(
                String.valueOf(ids.get(mentor)), null, "pupil-pupil", "pair", 1, 0, List.of(new MatchingProposal.Member(
                String.valueOf(ids.get(mentee)), null, 0, false, List.of())))), List.of(), null), null, "curator");
        byte[] docx = RestClient.as(port, "director", PASSWORD).download("/api/programmes/" + programme + "/orders/"
                + draft.id() + ".docx").body();
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(extractor.getText()).contains("Бланк: Школа на бланке", "Распоряжение № _____", "ПРОЕКТ",
                    "1. " + mentor, mentee).doesNotContain("${");
        }
    }

    @Test
    void aZipBombAndANonDocxAreRefusedInRussianAndNothingIsStored() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) {
                zip.write(spaces);
            }
        }
        RestClient director = RestClient.as(port, "director", PASSWORD);
        HttpResponse<String> refused = director.postMultipart(PATH, "bomb.docx", bomb.toByteArray());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("zip-бомба");
        HttpResponse<String> pdf = director.postMultipart(PATH, "order.pdf",
                "%PDF-1.4 не шаблон".getBytes(StandardCharsets.UTF_8));
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(pdf.body()).contains("Это не документ Word (DOCX)");
        HttpResponse<String> noRow = director.postMultipart(PATH, "без строки.docx",
                OrderTemplateTest.letterhead(false, null));
        assertThat(noRow.statusCode()).isEqualTo(400);
        assertThat(noRow.body()).contains("нет строки таблицы с полями пар");
        assertThat(custom()).isFalse();
    }
}
