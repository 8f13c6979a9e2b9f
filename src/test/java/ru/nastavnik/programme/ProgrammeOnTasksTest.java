package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;

/** Two schools' programmes side by side: each task, its form and a Tasklist filter say which school. */
class ProgrammeOnTasksTest extends IntegrationTest {

    @Autowired
    ProgrammeService programmes;

    @Test
    void everyTaskNamesItsSchoolAndEachProgrammeHasItsFilter() throws IOException {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        loginAs("curator");
        Programme first = programmes.start(programmeRequest());
        Programme second = programmes.start(programmeRequest());
        engine.getIdentityService().clearAuthentication();

        for (Programme programme : List.of(first, second)) {
            List<Task> tasks = engine.getTaskService().createTaskQuery().list().stream()
                    .filter(t -> programme.title().equals(engine.getTaskService()
                            .getVariableLocal(t.getId(), ProgrammeProcess.VAR_PROGRAMME_TITLE.name())))
                    .toList();
            assertThat(tasks).isNotEmpty().allSatisfy(task ->
                    assertThat(task.getName()).endsWith(" — " + programme.schoolName()).startsWith("1."));
            assertThat(tasks).allSatisfy(task -> assertThat(engine.getTaskService().getVariable(task.getId(),
                    ProgrammeOnTasks.VAR_PROGRAMME_OVERVIEW.name())).isEqualTo("/programmes/" + programme.id()));

            Filter filter = engine.getFilterService().createFilterQuery().filterName(programme.title()).singleResult();
            assertThat(filter).as("the programme's Tasklist filter").isNotNull();
            List<Task> listed = engine.getFilterService().list(filter.getId());
            assertThat(listed).extracting(Task::getId)
                    .containsExactlyInAnyOrderElementsOf(tasks.stream().map(Task::getId).toList());
        }

        // As Tasklist asks for it: the deputy director's list through the filter, with the programme column.
        String filterId = engine.getFilterService().createFilterQuery().filterName(first.title()).singleResult().getId();
        JsonNode page = new ObjectMapper().readTree(RestClient.as(port, "deputy", PASSWORD)
                .post("/engine-rest/filter/" + filterId + "/list", "{}").body());
        assertThat(page).isNotEmpty();
        page.forEach(task -> assertThat(task.get("name").asText()).endsWith(first.schoolName()));

        // A mentor does not learn which schools use the product from the list of filters.
        JsonNode mentorsFilters = new ObjectMapper().readTree(RestClient.as(port, "mentor1", PASSWORD)
                .get("/engine-rest/filter?resourceType=Task").body());
        assertThat(mentorsFilters).extracting(f -> f.get("name").asText())
                .contains("Мои задачи").doesNotContain(first.title(), second.title());
    }

    @Test
    void aLongStepNameIsShortenedSoThatTheSchoolStillFits() {
        String school = "МБОУ «Средняя общеобразовательная школа № 6 имени героя»";
        String named = ProgrammeOnTasks.withSchool("1.1 " + "Очень длинное название пункта ".repeat(20), school);
        assertThat(named).hasSizeLessThanOrEqualTo(ProgrammeOnTasks.MAX_NAME).endsWith(" — " + school).contains("…");
        assertThat(ProgrammeOnTasks.withSchool("1.1 Короткий", school)).isEqualTo("1.1 Короткий — " + school);
        assertThat(ProgrammeOnTasks.withSchool("1.1", "Ш".repeat(300))).hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void everyTaskFormShowsTheProgrammeInItsHeaderEscaped() throws IOException {
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                JsonNode json = new ObjectMapper().readTree(form.toFile());
                String id = json.get("id").asText();
                if (List.of("start-programme", "participant-questionnaire", "request-mentor-replacement").contains(id)) {
                    continue;
                }
                assertThat(json.get("components").get(0).get("text").asText()).as(id)
                        .contains("programmeHeading")
                        .contains("[Обзор программы](\" + programmeOverview + \")");
            }
        }
    }
}
