package ru.nastavnik.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItemProcess;

/** A date field's value that is not exactly a real ISO date is refused over REST, naming the field, in Russian. */
class FormDatesOverRestTest extends IntegrationTest {

    @Test
    void aSubmittedDateThatIsNotAnIsoDateIsRefusedAndTheTaskStays() {
        clockAt(LocalDateTime.of(2026, 12, 1, 10, 0));
        long programme = startProgrammeOverApi("Школа " + UUID.randomUUID().toString().substring(0, 8), "pupil-pupil");
        Task item = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(ProgrammeProcess.businessKey(programme))
                .taskDefinitionKey(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM).listPage(0, 1).get(0);
        RestClient deputy = RestClient.as(port, "deputy", PASSWORD);

        for (String notADate : new String[] {"2026-11-28T99", "28.11.2026", "2026-02-31"}) {
            HttpResponse<String> refused = deputy.post("/engine-rest/task/" + item.getId() + "/submit-form",
                    "{\"variables\":{\"doneOn\":{\"value\":\"" + notADate + "\"},\"result\":{\"value\":\"Готово\"}}}");
            assertThat(refused.statusCode()).as(notADate + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(notADate).contains("Поле «Выполнено (дата)»: «" + notADate + "» — не дата");
            assertThat(engine.getTaskService().createTaskQuery().taskId(item.getId()).count()).isOne();
        }
    }
}
