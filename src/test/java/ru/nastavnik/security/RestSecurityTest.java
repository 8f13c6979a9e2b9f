package ru.nastavnik.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.SchoolStaff;
import ru.nastavnik.programme.RoadmapItemProcess;

/** The security baseline over real HTTP: authentication, task visibility (expressions: QueryExpressionGuardTest). */
class RestSecurityTest extends IntegrationTest {

    @Autowired
    ProgrammeService programmes;
    @Autowired
    TaskService taskService;

    private Task directorTask;
    private Programme programme;

    @BeforeEach
    void directorHasATask() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        loginAs("curator");
        programme = programmes.start(programmeRequest());
        engine.getIdentityService().clearAuthentication();
        // Roadmap item 7.1 belongs to the director; a task of the director is made here directly.
        directorTask = taskService.newTask();
        directorTask.setName("Утвердить распоряжение (тест)");
        taskService.saveTask(directorTask);
        taskService.addCandidateGroup(directorTask.getId(), Groups.DIRECTOR);
        assertThat(programme.processInstanceId()).isNotNull();
    }

    @Test
    void anonymousCallsAreRefused() {
        RestClient anonymous = RestClient.anonymous(port);
        assertThat(anonymous.get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/engine-rest/task", "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> api = anonymous.get("/api/programmes");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("Требуется вход");
        assertThat(anonymous.post("/api/programmes", "{}").statusCode()).isEqualTo(401);
        assertThat(RestClient.as(port, "curator", "wrong").get("/api/programmes").statusCode()).isEqualTo(401);
        assertThat(RestClient.as(port, "curator", "wrong").get("/engine-rest/task").statusCode()).isEqualTo(401);
    }

    @Test
    void aMentorNeitherSeesNorCompletesTheDirectorsTask() {
        RestClient mentor = RestClient.as(port, "mentor1", PASSWORD);
        HttpResponse<String> list = mentor.get("/engine-rest/task");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(directorTask.getId());
        assertThat(mentor.get("/engine-rest/task/" + directorTask.getId()).statusCode()).isIn(403, 404);
        assertThat(mentor.post("/engine-rest/task/" + directorTask.getId() + "/complete", "{}").statusCode()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(directorTask.getId()).count()).isEqualTo(1);

        RestClient director = RestClient.as(port, "director", PASSWORD);
        assertThat(director.get("/engine-rest/task").body()).contains(directorTask.getId());
    }

    @Test
    void anAdminMayStillSaveAFilterWithTasklistsIdentityFunctions() {
        HttpResponse<String> saved = RestClient.as(port, "admin", "admin-test").post("/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"Мои (тест)\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}");
        assertThat(saved.statusCode()).isEqualTo(200);
    }

    @Test
    void aCompletionWithAMissingFieldIsRefusedInRussianAndTheTaskStays() {
        Task roadmapTask = taskService.createTaskQuery().taskDefinitionKey(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM)
                .taskCandidateGroup(SchoolStaff.group(programme, Groups.DEPUTY_DIRECTOR)).listPage(0, 1).get(0);
        RestClient deputy = RestClient.as(port, "deputy", PASSWORD);
        HttpResponse<String> refused = deputy.post("/engine-rest/task/" + roadmapTask.getId() + "/complete",
                "{\"variables\":{\"doneOn\":{\"value\":\"2026-09-14\"},\"comment\":{\"value\":\"без результата\"}}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Поле «Результат» обязательно");
        // A date after today, through the form submission path Tasklist uses.
        HttpResponse<String> future = deputy.post("/engine-rest/task/" + roadmapTask.getId() + "/submit-form",
                "{\"variables\":{\"doneOn\":{\"value\":\"2026-12-01\"},\"result\":{\"value\":\"Готово\"}}}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("не может быть позже сегодняшней");
        assertThat(taskService.createTaskQuery().taskId(roadmapTask.getId()).count()).isEqualTo(1);

        assertThat(deputy.post("/engine-rest/task/" + roadmapTask.getId() + "/submit-form",
                "{\"variables\":{\"doneOn\":{\"value\":\"2026-09-15\"},\"result\":{\"value\":\"Готово\"}}}").statusCode())
                .isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(roadmapTask.getId()).count()).isZero();
    }

    @AfterEach
    void removeDirectorTask() {
        taskService.deleteTask(directorTask.getId(), true);
    }
}
