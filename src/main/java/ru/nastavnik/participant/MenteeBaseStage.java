package ru.nastavnik.participant;

import ru.nastavnik.shared.ProcessModel;

/** What Java relies on in bpmn/programme-stage-2-mentee-base.bpmn (the demo walks its tasks). */
@ProcessModel
public final class MenteeBaseStage {

    public static final String PROCESS_ID = "programme-stage-2-mentee-base";
    public static final String TASK_UPLOAD_QUESTIONNAIRES = "Task_UploadQuestionnaires";
    public static final String TASK_ANALYSE_MENTEE_BASE = "Task_AnalyseMenteeBase";

    private MenteeBaseStage() {
    }
}
