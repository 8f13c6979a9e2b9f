package ru.nastavnik.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.WebappSession;
import ru.nastavnik.spreadsheet.ImportGuard;
import ru.nastavnik.spreadsheet.ImportLimits;
import ru.nastavnik.spreadsheet.SheetReader;
import ru.nastavnik.spreadsheet.ZipBomb;

/**
 * Imports from the attacker's side: a zip bomb is refused while it is read and stores nothing, and imports beyond
 * the concurrency limit are refused at once with 429 while a normal import still goes through afterwards.
 */
class UploadLimitsApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ImportGuard guard;

    @Autowired
    private ImportLimits limits;

    private RestClient curator;
    private long programme;

    @BeforeEach
    void setUp() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        curator = RestClient.as(port, "curator", PASSWORD);
        programme = startProgrammeOverApi("Школа бомб " + java.util.UUID.randomUUID(), "pupil-pupil", "teacher-teacher", "teacher-pupil");
    }

    @Test
    void aZipBombUnderPoisRatioIsRefusedAndStoresNothing() throws Exception {
        byte[] bomb = ZipBomb.xlsx(60);
        HttpResponse<String> refused = curator.postFile(importPath(), SheetReader.XLSX_TYPE, bomb);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("message").asText())
                .startsWith("Файл слишком велик в распакованном виде (больше 40 МБ данных)");
        assertThat(participantCount()).isZero();
        assertThat(curator.postFile(importPath(), "text/csv", goodFile()).statusCode()).isEqualTo(200);
    }

    @Test
    void importsBeyondTheLimitAreRefusedAtOnceAndANormalOneGoesThroughAfterwards() throws Exception {
        CountDownLatch holding = new CountDownLatch(limits.maxConcurrent());
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?>[] running = new CompletableFuture<?>[limits.maxConcurrent()];
        for (int i = 0; i < running.length; i++) {
            // Imports that take their slot and wait: as long-running uploads would.
            running[i] = CompletableFuture.runAsync(() -> guard.run(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
        }
        holding.await();
        try {
            HttpResponse<String> api = curator.postFile(importPath(), "text/csv", goodFile());
            assertThat(api.statusCode()).as(api.body()).isEqualTo(429);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(JSON.readTree(api.body()).get("message").asText())
                    .isEqualTo("Сервер сейчас загружает другие файлы: повторите загрузку через полминуты. "
                            + "Ничего не загружено");
            HttpResponse<String> preferences = curator.postMultipart("/api/programmes/" + programme
                    + "/preferences/import", "prefs.csv", "ФИО;Хочу в пару с\n".getBytes(StandardCharsets.UTF_8));
            assertThat(preferences.statusCode()).isEqualTo(429);
            assertThat(participantCount()).isZero();
        } finally {
            release.countDown();
            CompletableFuture.allOf(running).join();
        }
        HttpResponse<String> normal = curator.postFile(importPath(), "text/csv", goodFile());
        assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
        assertThat(participantCount()).isEqualTo(ParticipantImporterTest.GOOD.size());
    }

    @Test
    void aDozenBombsAndOversizedInstancesAtOnceLeaveTheNodeAnsweringAndNothingStored() throws Exception {
        byte[] bomb = ZipBomb.xlsx(60);
        String mentees = java.util.stream.IntStream.range(0, 10_001)
                .mapToObj(i -> "{\"id\":\"m" + i + "\",\"form\":\"pupil-pupil\"}")
                .collect(java.util.stream.Collectors.joining(","));
        String oversized = "{\"mentees\":[" + mentees + "],\"mentors\":[]}";
        // From a logged-in browser session, as a hostile or careless user would, so that no password is checked.
        WebappSession session = WebappSession.loggedIn(port, "curator", PASSWORD);
        java.util.List<CompletableFuture<HttpResponse<String>>> attacks = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            attacks.add(CompletableFuture.supplyAsync(() -> session.postBytes(importPath(), SheetReader.XLSX_TYPE, bomb)));
        }
        for (int i = 0; i < 6; i++) {
            attacks.add(CompletableFuture.supplyAsync(() -> session.post("/api/matching/solve", oversized)));
        }
        for (CompletableFuture<HttpResponse<String>> attack : attacks) {
            HttpResponse<String> answer = attack.get(2, java.util.concurrent.TimeUnit.MINUTES);
            // Refused while read (400), too large (413) or beyond the bound of imports at once (429): never 500.
            assertThat(answer.statusCode()).as(answer.body()).isIn(400, 413, 429);
        }
        // Right afterwards a normal user is served, and nothing of the attack was stored.
        assertThat(RestClient.anonymous(port).get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(participantCount()).isZero();
        HttpResponse<String> normal = curator.postFile(importPath(), "text/csv", goodFile());
        assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
        assertThat(participantCount()).isEqualTo(ParticipantImporterTest.GOOD.size());
    }

    private String importPath() {
        return "/api/programmes/" + programme + "/participants/import";
    }

    private static byte[] goodFile() {
        return ParticipantImporterTest.csv(ParticipantImporterTest.withHeader(null, ParticipantImporterTest.GOOD),
                StandardCharsets.UTF_8);
    }

    private int participantCount() throws Exception {
        HttpResponse<String> list = curator.get("/api/programmes/" + programme + "/participants");
        assertThat(list.statusCode()).isEqualTo(200);
        return JSON.readTree(list.body()).get("total").asInt();
    }
}
