package ru.nastavnik.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.WebappSession;

/**
 * Attacks on the expression guard as a logged-in mentor would make them: every spelling of the task and filter
 * endpoints a URL parser accepts, on /engine-rest and on Tasklist's API, GET and POST, nested or-queries. The
 * proof is the canary: the expression never ran, whatever the status code.
 */
class QueryExpressionGuardTest extends IntegrationTest {

    private static final String ENCODED = URLEncoder.encode(ExpressionCanary.PAYLOAD, StandardCharsets.UTF_8);
    private static final String OR_QUERY = "{\"orQueries\": [{\"assigneeExpression\": \"%s\"}]}"
            .formatted(ExpressionCanary.PAYLOAD);
    private static final String TOP_LEVEL = "{\"candidateUserExpression\": \"%s\"}".formatted(ExpressionCanary.PAYLOAD);

    /** Spellings of "the task list" under an API root. */
    private static final List<String> TASK_PATHS = List.of("/task", "/task/", "//task", "/task;x", "/task;jsessionid=1",
            "/%74ask", "/%74%61%73%6b", "/./task", "/x/../task", "/TASK", "/task/count", "/task/count;x",
            "/task/count/", "//task//count", "/task/%63ount", "/task;x/count;y");

    @Autowired
    ExpressionCanary canary;
    @Autowired
    JdbcClient jdbc;

    private int callsBefore;

    @BeforeEach
    void payloadIsLive() {
        // The payload in an or-branch really runs when the engine executes the query past the guard (here from
        // inside a command, where the guard does not look): so a call not counted is one the guard stopped.
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        int before = canary.calls();
        TaskQueryImpl query = (TaskQueryImpl) new TaskQueryImpl().or()
                .taskAssigneeExpression(ExpressionCanary.PAYLOAD).endOr();
        configuration.getCommandExecutorTxRequired()
                .execute(context -> query.evaluateExpressionsAndExecuteList(context, null));
        assertThat(canary.calls()).isGreaterThan(before);
        callsBefore = canary.calls();
    }

    @Test
    void noSpellingOfTheEngineRestTaskEndpointRunsAnExpression() {
        RestClient mentor = RestClient.as(port, "mentor1", PASSWORD);
        attack(path -> mentor.get("/engine-rest" + path + "?assigneeExpression=" + ENCODED),
                path -> mentor.post("/engine-rest" + path, OR_QUERY),
                path -> mentor.post("/engine-rest" + path, TOP_LEVEL));
        assertThat(mentor.get("/engine-rest/task").statusCode()).isEqualTo(200);
    }

    @Test
    void noSpellingOfTasklistsTaskEndpointRunsAnExpression() {
        WebappSession mentor = WebappSession.loggedIn(port, "mentor1", PASSWORD);
        String root = "/camunda/api/engine/engine/default";
        attack(path -> mentor.get(root + path + "?assigneeExpression=" + ENCODED),
                path -> mentor.post(root + path, OR_QUERY),
                path -> mentor.post("/camunda/api//engine/engine/default" + path, OR_QUERY));
        assertThat(mentor.get(root + "/task").statusCode()).isEqualTo(200);
    }

    @Test
    void filtersRunTheirSafeFunctionsButNoQueryExtendingThemAnExpression() throws IOException {
        RestClient mentor = RestClient.as(port, "mentor1", PASSWORD);
        String myTasks = filterId(AccessSetup.FILTER_MY_TASKS);
        // Tasklist's own use: the saved ${currentUser()} filter runs.
        assertThat(mentor.get("/engine-rest/filter/" + myTasks + "/list").statusCode()).isEqualTo(200);
        assertThat(mentor.post("/engine-rest/filter/" + myTasks + "/count", "{}").statusCode()).isEqualTo(200);
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String suffix : List.of("/list", "/count", "/list/", "/list;x", "//count", "/%6cist", "/singleResult")) {
            answers.add(mentor.post("/engine-rest/filter/" + myTasks + suffix, OR_QUERY));
            answers.add(mentor.post("/engine-rest/filter/" + myTasks + suffix, TOP_LEVEL));
            answers.add(mentor.post("/engine-rest/filter/" + myTasks + suffix + "?firstResult=0&maxResults=5", OR_QUERY));
        }
        WebappSession tasklist = WebappSession.loggedIn(port, "mentor1", PASSWORD);
        answers.add(tasklist.post("/camunda/api/engine/engine/default/filter/" + myTasks + "/list", OR_QUERY));
        answers.add(tasklist.post("/camunda/api/engine/engine/default/filter/" + myTasks + "/count;x", OR_QUERY));
        assertNothingRan(answers);
    }

    @Test
    void aFilterWithAnExpressionIsNeitherSavedNorRunEvenIfWrittenIntoTheDatabase() throws IOException {
        // The administrator, who may create filters: no one may save an expression in one.
        RestClient admin = RestClient.as(port, "admin", "admin-test");
        String query = "{\"resourceType\": \"Task\", \"name\": \"Ловушка\", \"query\": %s}";
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(admin.post("/engine-rest/filter/create", query.formatted(OR_QUERY)));
        answers.add(admin.post("/engine-rest/filter/create;x", query.formatted(TOP_LEVEL)));
        answers.add(admin.post("/engine-rest//filter/create/", query.formatted(OR_QUERY)));
        String myTasks = filterId(AccessSetup.FILTER_MY_TASKS);
        answers.add(admin.put("/engine-rest/filter/" + myTasks, query.formatted(OR_QUERY)));
        assertNothingRan(answers);
        assertThat(engine.getFilterService().createFilterQuery().filterName("Ловушка").count()).isZero();

        // A filter saved before the guard existed (or written by hand): it does not run either.
        Filter planted = engine.getFilterService().newTaskFilter("Старый фильтр")
                .setQuery(engine.getTaskService().createTaskQuery().taskAssignee("nobody"));
        engine.getFilterService().saveFilter(planted);
        try {
            jdbc.sql("update act_ru_filter set query_ = :query where id_ = :id")
                    .param("query", OR_QUERY).param("id", planted.getId()).update();
            assertNothingRan(List.of(admin.get("/engine-rest/filter/" + planted.getId() + "/list"),
                    admin.get("/engine-rest/filter/" + planted.getId() + "/count")));
        } finally {
            engine.getFilterService().deleteFilter(planted.getId());
        }
    }

    @Test
    void theJavaApiRefusesAnExpressionInAnOrBranchToo() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().createTaskQuery()
                        .or().taskAssigneeExpression(ExpressionCanary.PAYLOAD).endOr().list())
                .hasMessageContaining("Выражения");
        assertThat(canary.calls()).isEqualTo(callsBefore);
    }

    @SafeVarargs
    private void attack(Function<String, HttpResponse<String>>... attacks) {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String path : TASK_PATHS) {
            for (Function<String, HttpResponse<String>> attack : attacks) {
                answers.add(attack.apply(path));
            }
        }
        assertNothingRan(answers);
    }

    private void assertNothingRan(List<HttpResponse<String>> answers) {
        assertThat(canary.calls()).as("the expression ran on the server").isEqualTo(callsBefore);
        for (HttpResponse<String> answer : answers) {
            // Refused as a bad request or not found, never for want of a login or a CSRF token: the attack got in.
            assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isIn(400, 404, 405);
            // Camunda's REST answers a refused singleResult with its own message.
            if (answer.statusCode() == 400 && !answer.uri().getPath().contains("singleResult")) {
                assertThat(answer.body()).as(answer.uri().toString()).contains("Выражения");
            }
        }
    }

    private String filterId(String name) throws IOException {
        return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }
}
