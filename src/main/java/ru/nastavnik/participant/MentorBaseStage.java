package ru.nastavnik.participant;

import ru.nastavnik.shared.ProcessModel;

/** What Java relies on in bpmn/programme-stage-3-mentor-base.bpmn (the demo walks its tasks). */
@ProcessModel
public final class MentorBaseStage {

    public static final String PROCESS_ID = "programme-stage-3-mentor-base";
    public static final String TASK_UPLOAD_QUESTIONNAIRES = "Task_UploadQuestionnaires";
    public static final String TASK_ANALYSE_MENTOR_BASE = "Task_AnalyseMentorBase";

    private MentorBaseStage() {
    }
}
