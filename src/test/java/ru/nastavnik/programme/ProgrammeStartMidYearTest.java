package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;

/** A programme started on 4 December, as a school joining mid-year does: nothing escalates on its first day. */
class ProgrammeStartMidYearTest extends IntegrationTest {

    @Test
    void aProgrammeStartedInDecemberEscalatesNothingOnItsFirstDay() throws Exception {
        clockAt(LocalDateTime.of(2026, 12, 4, 10, 0));
        String school = "Школа № " + UUID.randomUUID().toString().substring(0, 8);
        long id = startProgrammeOverApi(school, "pupil-pupil");
        RestClient curator = RestClient.as(port, "curator", PASSWORD);
        JsonNode roadmap = new ObjectMapper().readTree(curator.get("/api/programmes/" + id + "/roadmap").body());
        assertThat(roadmap).hasSize(35).allSatisfy(item -> {
            assertThat(item.get("status").asText()).isNotEqualTo("overdue");
            assertThat(LocalDate.parse(item.get("dueDate").asText())).isAfterOrEqualTo(LocalDate.of(2026, 12, 18));
        });

        // The whole first day passes: every timer due by then fires, and no reminder or escalation goes out.
        clockAt(LocalDateTime.of(2026, 12, 4, 23, 59));
        runEveryDueJob();
        // Every subject names its school: other tests' programmes, started in September, may well be overdue now.
        assertThat(Arrays.stream(receivedMail()).map(ProgrammeStartMidYearTest::subject)
                .filter(s -> s.endsWith(school)))
                .noneMatch(s -> s.startsWith("Просрочено") || s.startsWith("Напоминание"));
    }

    @Test
    void theStartDateIsTakenAndMustLieInTheSchoolYear() throws Exception {
        clockAt(LocalDateTime.of(2026, 12, 4, 10, 0));
        RestClient curator = RestClient.as(port, "curator", PASSWORD);
        String request = """
                {"schoolName": "Школа № %s", "schoolYear": "2026/2027", "forms": ["pupil-pupil"],
                 "curatorId": "curator", "startDate": "%s"}""";
        HttpResponse<String> outside = curator.post("/api/programmes",
                request.formatted(UUID.randomUUID().toString().substring(0, 8), "2027-09-01"));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("startDate").contains("не входит в 2026/2027 учебный год");
        HttpResponse<String> late = curator.post("/api/programmes",
                request.formatted(UUID.randomUUID().toString().substring(0, 8), "2027-05-20"));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("не позже 30.04.2027");
    }

    /** Jobs of other tests' processes may be due as well; a job gone with an earlier one is skipped. */
    private void runEveryDueJob() {
        for (Job job : engine.getManagementService().createJobQuery().executable().list()) {
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (ProcessEngineException gone) {
                // removed by a job that ran before it, or failing in another test's process: not this test's concern
            }
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
