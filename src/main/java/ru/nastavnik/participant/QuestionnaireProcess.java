package ru.nastavnik.participant;

import ru.nastavnik.shared.ProcessModel;

/** What Java relies on in bpmn/participant-questionnaire.bpmn: one questionnaire entered or corrected from Tasklist. */
@ProcessModel
public final class QuestionnaireProcess {

    public static final String PROCESS_ID = "participant-questionnaire";

    private QuestionnaireProcess() {
    }
}
