package ru.nastavnik.programme;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Ids of the programme's processes and elements that Java refers to. */
public final class ProgrammeProcess {

    public static final String PROCESS_ID = "mentorship-programme";
    public static final String ROADMAP_ITEM_PROCESS_ID = "roadmap-item";
    public static final String TASK_COMPLETE_ROADMAP_ITEM = "Task_CompleteRoadmapItem";
    public static final String TASK_APPROVE_ROADMAP = "Task_ApproveRoadmap";
    public static final String TASK_REVISE_ROADMAP = "Task_ReviseRoadmap";

    public static final String VAR_PROGRAMME_ID = "programmeId";
    /** On every task of a programme, a local variable: «school, year» (see ProgrammeOnTasks). */
    public static final String VAR_PROGRAMME_TITLE = "programmeTitle";
    public static final String VAR_CURATOR_ID = "curatorId";
    public static final String VAR_ITEM_CODE = "itemCode";

    /** The main process's call activities, one per stage (mentorship-programme.bpmn). */
    public static final List<String> STAGE_ACTIVITIES = List.of("CallActivity_Stage1Prepare",
            "CallActivity_Stage2MenteeBase", "CallActivity_Stage3MentorBase", "CallActivity_Stage4MentorTraining",
            "CallActivity_Stage5Pairs", "CallActivity_Stage6PairWork", "CallActivity_Stage7Closing");

    /** The names of the main process's call activities (mentorship-programme.bpmn), stage by stage. */
    private static final Map<Integer, String> STAGE_TITLES = Map.of(
            1, "Этап 1. Подготовка условий", 2, "Этап 2. База наставляемых", 3, "Этап 3. База наставников",
            4, "Этап 4. Отбор и обучение наставников", 5, "Этап 5. Формирование пар и групп",
            6, "Этап 6. Работа пар и групп", 7, "Этап 7. Завершение программы");

    private ProgrammeProcess() {
    }

    /** Where a programme is, as staff read it: its stage's name (see {@link ProgrammeService#currentStage}). */
    public static String stageTitle(Programme programme, int stage) {
        return programme.completedAt() != null ? "Программа завершена" : STAGE_TITLES.getOrDefault(stage, "Этап не начат");
    }

    /** The programme a process (or a process it called) runs for. */
    public static long programmeId(VariableScope execution) {
        return ((Number) execution.getVariable(VAR_PROGRAMME_ID)).longValue();
    }

    public static String businessKey(long programmeId) {
        return "programme-" + programmeId;
    }

    /** The stage (1–7) that a call activity of the main process runs, from ids like CallActivity_Stage3MentorBase. */
    public static int stageOf(String callActivityId) {
        String prefix = "CallActivity_Stage";
        if (callActivityId == null || !callActivityId.startsWith(prefix)) {
            return 0;
        }
        return Character.getNumericValue(callActivityId.charAt(prefix.length()));
    }
}
