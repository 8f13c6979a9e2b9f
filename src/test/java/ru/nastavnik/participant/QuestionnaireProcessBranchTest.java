package ru.nastavnik.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import ru.nastavnik.ProcessBranchTest;
import ru.nastavnik.shared.ValidationException;

/** participant-questionnaire saved or refused, its delegate mocked (the story: ParticipantQuestionnaireProcessTest). */
@Deployment(resources = "bpmn/participant-questionnaire.bpmn")
class QuestionnaireProcessBranchTest extends ProcessBranchTest {

    @Test
    void theQuestionnaireIsSaved() {
        JavaDelegate save = delegate("saveParticipantQuestionnaire");

        ProcessInstance questionnaire = runtime().startProcessInstanceByKey(QuestionnaireProcess.PROCESS_ID,
                Map.of("initiator", "curator", "lastName", "Иванова"));

        assertThat(questionnaire).isEnded().hasPassed("EndEvent_QuestionnaireSaved");
        assertThat(calls(save)).singleElement()
                .satisfies(call -> assertThat(call.variables()).containsEntry("lastName", "Иванова"));
    }

    @Test
    void aRefusedQuestionnaireLeavesNoProcess() {
        delegate("saveParticipantQuestionnaire", execution -> {
            throw new ValidationException("lastName", "Укажите фамилию");
        });

        assertThatThrownBy(() -> runtime().startProcessInstanceByKey(QuestionnaireProcess.PROCESS_ID,
                Map.of("initiator", "curator"))).isInstanceOf(ValidationException.class);
        assertThat(engine().getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(QuestionnaireProcess.PROCESS_ID).count()).isZero();
    }
}
