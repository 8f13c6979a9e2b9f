package ru.nastavnik.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.WebappSession;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItemProcess;

/**
 * Two staff members take the same roadmap item (the deputy director owns it, the curator may take it): the one
 * who comes second is told in Russian that a colleague has it (409), on both REST APIs, and the first keeps it.
 */
class TaskClaimConflictTest extends IntegrationTest {

    @Test
    void theSecondClaimOverEngineRestIsAConflictInRussian() {
        Task item = openItem();
        RestClient deputy = RestClient.as(port, "deputy", PASSWORD);
        RestClient curator = RestClient.as(port, "curator", PASSWORD);
        String claim = "/engine-rest/task/" + item.getId() + "/claim";

        assertThat(deputy.post(claim, "{\"userId\":\"deputy\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> second = curator.post(claim, "{\"userId\":\"curator\"}");

        assertRefused(second, item);
    }

    @Test
    void theSecondClaimOverTasklistsApiIsAConflictInRussian() {
        Task item = openItem();
        WebappSession deputy = WebappSession.loggedIn(port, "deputy", PASSWORD);
        WebappSession curator = WebappSession.loggedIn(port, "curator", PASSWORD);
        String claim = "/camunda/api/engine/engine/default/task/" + item.getId() + "/claim";

        assertThat(deputy.post(claim, "{\"userId\":\"deputy\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> second = curator.post(claim, "{\"userId\":\"curator\"}");

        assertRefused(second, item);
    }

    private void assertRefused(HttpResponse<String> second, Task item) {
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(second.body()).contains("\"message\":\"Задачу уже взял в работу другой сотрудник (deputy)\"");
        assertThat(engine.getTaskService().createTaskQuery().taskId(item.getId()).singleResult().getAssignee())
                .isEqualTo("deputy");
    }

    private Task openItem() {
        clockAt(LocalDateTime.of(2026, 10, 20, 10, 0));
        long programme = startProgrammeOverApi("Школа " + UUID.randomUUID().toString().substring(0, 8), "pupil-pupil");
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(ProgrammeProcess.businessKey(programme))
                .taskDefinitionKey(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM).listPage(0, 1).get(0);
    }
}
