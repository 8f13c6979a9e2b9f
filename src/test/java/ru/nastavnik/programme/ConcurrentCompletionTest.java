package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.WebappSession;

/**
 * Many people completing different roadmap items of one programme at the same moment, through Tasklist's own
 * API: every completion is answered as if it were alone and recorded. A user's mistake is one log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConcurrentCompletionTest extends IntegrationTest {

    /** Stage 1 has four items; several programmes give more completions at once, four of them per programme. */
    private static final int PROGRAMMES = 4;
    private static final int STAGE_ONE_ITEMS = 4;

    @Autowired
    private RoadmapService roadmap;

    @Test
    void itemsOfOneProgrammeCompletedAtOnceAreAllRecordedWithoutAnError() throws Exception {
        clockAt(LocalDateTime.of(2026, 10, 20, 10, 0));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> programmes = IntStream.range(0, PROGRAMMES)
                .mapToObj(i -> startProgrammeOverApi("Школа " + run + "-" + i, "pupil-pupil")).toList();
        List<Task> items = new ArrayList<>();
        programmes.forEach(id -> items.addAll(openTasks(id, RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM)));
        assertThat(items).hasSize(PROGRAMMES * STAGE_ONE_ITEMS);

        // The deputy director owns the items and the curator may take them: both at work at once, as in a school.
        List<WebappSession> people = List.of(WebappSession.loggedIn(port, "deputy", PASSWORD),
                WebappSession.loggedIn(port, "curator", PASSWORD));
        CyclicBarrier together = new CyclicBarrier(items.size());
        ExecutorService pool = Executors.newFixedThreadPool(items.size());
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                WebappSession person = people.get(i % people.size());
                String taskId = items.get(i).getId();
                pending.add(pool.submit(() -> {
                    together.await();
                    return person.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                            "{\"variables\":{\"doneOn\":{\"value\":\"2026-10-19\"},\"result\":{\"value\":\"Готово\"}}}");
                }));
            }
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(204));
        for (long id : programmes) {
            assertThat(roadmap.roadmap(id).stream().filter(i -> i.stage() == 1))
                    .allSatisfy(i -> assertThat(i.completedAt()).as(i.code()).isNotNull());
            assertThat(openTasks(id, RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM)).isEmpty();
            // The stage went on after its last item, once per programme.
            assertThat(openTasks(id, PrepareStage.TASK_APPROVE_ROADMAP)).hasSize(1);
        }
    }

    @Test
    void aRefusedFormIsOneInfoLineNotAnErrorWithAStackTrace(CapturedOutput output) {
        clockAt(LocalDateTime.of(2026, 10, 20, 10, 0));
        long programme = startProgrammeOverApi("Школа " + UUID.randomUUID().toString().substring(0, 8), "pupil-pupil");
        Task item = openTasks(programme, RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM).get(0);
        int before = output.length();

        HttpResponse<String> refused = WebappSession.loggedIn(port, "deputy", PASSWORD).post(
                "/camunda/api/engine/engine/default/task/" + item.getId() + "/submit-form",
                "{\"variables\":{\"doneOn\":{\"value\":\"2026-10-19\"}}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        String logged = output.toString().substring(before);
        assertThat(logged.lines().filter(l -> l.contains("Поле «Результат» обязательно")))
                .singleElement().asString().contains(" INFO ");
        assertThat(logged).doesNotContain("ENGINE-16004").doesNotContain(" ERROR ");
    }

    private List<Task> openTasks(long programmeId, String key) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(ProgrammeProcess.businessKey(programmeId)).taskDefinitionKey(key).list();
    }
}
