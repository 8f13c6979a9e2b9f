package ru.nastavnik.programme;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ProcessModel;
import ru.nastavnik.shared.ProcessVariable;

/**
 * What Java relies on in bpmn/mentorship-programme.bpmn, the programme's main process, and the variables every
 * process of a programme has. Its stages are called processes of their own ({@link PrepareStage}, ...).
 */
@ProcessModel
public final class ProgrammeProcess {

    public static final String PROCESS_ID = "mentorship-programme";
    /** The call activities of the seven stages, {@code CallActivity_Stage<N><Name>}: the current stage is read off them. */
    public static final String CALL_ACTIVITY_STAGE_PREFIX = "CallActivity_Stage";

    public static final ProcessVariable<Long> VAR_PROGRAMME_ID = ProcessVariable.of("programmeId", Long.class);
    /** On every task of a programme, a local variable: «school, year» (see ProgrammeOnTasks). */
    public static final ProcessVariable<String> VAR_PROGRAMME_TITLE = ProcessVariable.text("programmeTitle");
    public static final ProcessVariable<String> VAR_ITEM_CODE = ProcessVariable.text("itemCode");

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<List<String>> FORMS = ProcessVariable.list("forms");
    public static final ProcessVariable<String> SCHOOL_NAME = ProcessVariable.text("schoolName");
    public static final ProcessVariable<String> SCHOOL_YEAR = ProcessVariable.text("schoolYear");
    public static final ProcessVariable<String> START_DATE = ProcessVariable.text("startDate");
    /** The start form's optional school heads, who join the school's groups (SchoolStaff). */
    public static final ProcessVariable<String> DEPUTY_DIRECTOR_ID = ProcessVariable.text("deputyDirectorId");
    public static final ProcessVariable<String> DIRECTOR_ID = ProcessVariable.text("directorId");
    /** The start form's optional number of the school's programme of last year (next year, issue 13). */
    public static final ProcessVariable<Long> PREVIOUS_PROGRAMME_ID = ProcessVariable.of("previousProgrammeId", Long.class);

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

    /** The user who completed the task before this step, else the programme's curator (a system run). */
    public static String actor(CurrentUser currentUser, VariableScope execution) {
        String user = currentUser.id();
        return user != null ? user : (String) execution.getVariable(TaskPeople.CURATOR_ID.name());
    }

    /** Where a programme is, as staff read it: its stage's name (see {@link ProgrammeService#currentStage}). */
    public static String stageTitle(Programme programme, int stage) {
        return programme.completedAt() != null ? "Программа завершена" : STAGE_TITLES.getOrDefault(stage, "Этап не начат");
    }

    /** A stage's name by its number (1–7), e.g. for a filter's choices. */
    public static String stageTitle(int stage) {
        return STAGE_TITLES.getOrDefault(stage, "Этап " + stage);
    }

    /** The programme a process (or a process it called) runs for. */
    public static long programmeId(VariableScope execution) {
        return ((Number) execution.getVariable(VAR_PROGRAMME_ID.name())).longValue();
    }

    public static String businessKey(long programmeId) {
        return "programme-" + programmeId;
    }

    /** The stage (1–7) that a call activity of the main process runs, from ids like CallActivity_Stage3MentorBase. */
    public static int stageOf(String callActivityId) {
        if (callActivityId == null || !callActivityId.startsWith(CALL_ACTIVITY_STAGE_PREFIX)) {
            return 0;
        }
        return Character.getNumericValue(callActivityId.charAt(CALL_ACTIVITY_STAGE_PREFIX.length()));
    }
}
