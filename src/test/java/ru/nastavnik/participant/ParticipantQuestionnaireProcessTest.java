package ru.nastavnik.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.programme.ProgrammeRequest;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.shared.ValidationException;

/**
 * «Анкета участника»: one questionnaire from the Tasklist start form, created or corrected with the import's rules,
 * or refused with the Russian messages and nothing stored.
 */
class ParticipantQuestionnaireProcessTest extends IntegrationTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ProgrammeService programmes;

    @Autowired
    ParticipantService participants;

    private long programme;
    private String starter = "curator";
    private String name;

    @BeforeEach
    void setUp() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        // A curator of its own, so that these programmes' tasks do not crowd the Tasklist of "curator".
        ensureUser("curator-questionnaire", ru.nastavnik.security.Groups.CURATOR);
        loginAs("curator");
        programme = programmes.register(new ProgrammeRequest(programmeRequest().schoolName(), "2026/2027",
                List.of("teacher-teacher", "pupil-pupil"), "curator-questionnaire", List.of()));
        name = TestParticipants.unique("Белова") + " Софья Андреевна";
        engine.getIdentityService().clearAuthentication();
    }

    /** The start form's values as Tasklist submits them: numbers, ISO dates, lists for checklists. */
    private Map<String, Object> questionnaire() {
        Map<String, Object> v = new HashMap<>();
        v.put("programmeId", programme);
        v.put("fullName", name);
        v.put("birthDate", "2000-02-14");
        v.put("category", "teacher");
        v.put("experienceYears", 1.0);
        v.put("subjects", "Физика");
        v.put("email", "belova@school.ru");
        v.put("role", "mentee");
        v.put("forms", List.of("teacher-teacher"));
        v.put("requests", List.of("young-specialist", "discipline"));
        v.put("engagement", 4);
        v.put("anxiety", 2.0);
        v.put("consent", true);
        v.put("personId", null);
        return v;
    }

    /** Starts the process as {@link #starter} does from Tasklist; the assertions read history as the engine. */
    private ProcessInstance start(Map<String, Object> variables) {
        loginAs(starter);
        try {
            return runtimeService.startProcessInstanceByKey(QuestionnaireProcess.PROCESS_ID, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private long count() {
        loginAs("curator");
        try {
            return participants.list(programme, new ParticipantRepository.Filter(null, null, null), 0, 50).total();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private ParticipantService.Details card(long personId) {
        loginAs("curator");
        try {
            return participants.get(programme, personId);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void createsAParticipantFromTheStartForm() {
        ProcessInstance instance = start(questionnaire());

        assertThat(instance).isEnded().hasPassed("StartEvent_ParticipantQuestionnaire",
                "Task_SaveParticipantQuestionnaire", "EndEvent_QuestionnaireSaved");
        assertThat(instance).variables().containsEntry("questionnaireOutcome", "created");
        long personId = ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("savedPersonId").singleResult().getValue())
                .longValue();
        ParticipantService.Details saved = card(personId);
        assertThat(saved.card().fullName()).isEqualTo(name);
        assertThat(saved.card().category()).isEqualTo("teacher");
        assertThat(saved.card().experienceYears()).isEqualTo(1);
        assertThat(saved.card().assessment().engagement()).isEqualTo(4);
        assertThat(saved.card().assessment().anxiety()).isEqualTo(2);
        assertThat(saved.forms()).containsExactly("teacher-teacher");
        assertThat(saved.topics().get(ParticipantRepository.REQUEST)).containsExactlyInAnyOrder("young-specialist",
                "discipline");
        assertThat(saved.consents()).hasSize(1);
        assertThat(saved.consents().get(0).givenBy()).isEqualTo("self");

        // The same questionnaire again changes nothing, as a re-imported row.
        assertThat(start(questionnaire())).variables().containsEntry("questionnaireOutcome", "unchanged");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void correctsAParticipantByNumberWithTheGivenFieldsOnly() {
        ProcessInstance created = start(questionnaire());
        long personId = ((Number) historicVariable(created, "savedPersonId")).longValue();

        Map<String, Object> correction = new HashMap<>();
        correction.put("programmeId", programme);
        correction.put("personId", personId);
        correction.put("email", "sofia.belova@school.ru");
        correction.put("phone", "8 900 111-22-33");
        correction.put("forms", List.of());
        correction.put("consent", false);
        ProcessInstance corrected = start(correction);

        assertThat(corrected).isEnded().hasPassed("Task_SaveParticipantQuestionnaire");
        assertThat(corrected).variables().containsEntry("questionnaireOutcome", "corrected");
        ParticipantService.Details card = card(personId);
        assertThat(card.card().email()).isEqualTo("sofia.belova@school.ru");
        assertThat(card.card().phone()).startsWith("+7");
        assertThat(card.card().fullName()).isEqualTo(name);
        assertThat(card.forms()).containsExactly("teacher-teacher");
        assertThat(card.card().assessment().engagement()).isEqualTo(4);

        // A correction obeys the import's rules as well.
        correction.put("schoolClass", "12Ж");
        correction.put("category", "pupil");
        assertThatThrownBy(() -> start(correction)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(ValidationException.FieldError::field)
                        .contains("schoolClass"));
        assertThat(card(personId).card().category()).isEqualTo("teacher");
    }

    @Test
    void refusesBadValuesWithRussianMessagesAndStoresNothing() {
        Map<String, Object> bad = questionnaire();
        bad.put("email", "belova@");
        bad.put("consent", false);
        bad.put("forms", List.of("employer-pupil"));

        assertThatThrownBy(() -> start(bad)).isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    List<ValidationException.FieldError> errors = ((ValidationException) e).errors();
                    assertThat(errors).extracting(ValidationException.FieldError::field)
                            .contains("email", "consent", "forms");
                    assertThat(errors).extracting(ValidationException.FieldError::message)
                            .allMatch(m -> m.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c)
                                    == Character.UnicodeBlock.CYRILLIC));
                });
        assertThat(count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(QuestionnaireProcess.PROCESS_ID).count()).isZero();

        Map<String, Object> unknownProgramme = questionnaire();
        unknownProgramme.put("programmeId", 999_999);
        assertThatThrownBy(() -> start(unknownProgramme)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Программа 999999 не найдена");
        Map<String, Object> unknownPerson = questionnaire();
        unknownPerson.put("personId", 999_999);
        assertThatThrownBy(() -> start(unknownPerson)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Участник 999999 не найден");
    }

    @Test
    void onlyTheProgrammeStaffMayStartIt() {
        starter = "mentor1";
        assertThatThrownBy(() -> start(questionnaire())).isInstanceOf(AuthorizationException.class);
        for (String staff : List.of("deputy", "director")) {
            loginAs(staff);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(QuestionnaireProcess.PROCESS_ID).startablePermissionCheck()
                    .startableInTasklist().latestVersion().count()).as(staff).isEqualTo(1);
        }
        engine.getIdentityService().clearAuthentication();
        assertThat(count()).isZero();
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }
}
