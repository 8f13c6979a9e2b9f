package ru.nastavnik.pair;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.notification.TimedTasks;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ProcessVariable;

/**
 * What the steps of the {@code mentorship-pair} process and its meetings share: reading the pair and the meeting, and
 * who acted. Each step is a bean of its own; the rules live in {@link PairMeetings}.
 */
final class PairMeetingSteps {

    private static final String SYSTEM_ACTOR = "system";

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<List<String>> ATTENDED_MENTEES = ProcessVariable.list("attendedMentees");
    public static final ProcessVariable<Long> DURATION_MINUTES = ProcessVariable.of("durationMinutes", Long.class);
    public static final ProcessVariable<String> HELD_ON = ProcessVariable.text("heldOn");
    public static final ProcessVariable<String> MEETING_AGREED = ProcessVariable.text("meetingAgreed");
    public static final ProcessVariable<String> MEETING_FORMAT = ProcessVariable.text("meetingFormat");
    public static final ProcessVariable<String> MEETING_TASK_NAME = ProcessVariable.text("meetingTaskName");
    public static final ProcessVariable<String> MEETING_TOPICS = ProcessVariable.text("meetingTopics");
    public static final ProcessVariable<List<Map<String, String>>> MENTEE_OPTIONS =
            ProcessVariable.options("menteeOptions");
    public static final ProcessVariable<String> PLAN_FREQUENCY = ProcessVariable.text("planFrequency");
    public static final ProcessVariable<String> PLAN_GOALS = ProcessVariable.text("planGoals");
    public static final ProcessVariable<String> PLAN_ITEMS = ProcessVariable.text("planItems");
    public static final ProcessVariable<List<String>> PLAN_REQUESTS = ProcessVariable.list("planRequests");
    public static final ProcessVariable<List<Map<String, String>>> REQUEST_OPTIONS =
            ProcessVariable.options("requestOptions");

    /** The report form's answers, which completing the task sets on the pair's instance (no scope declares them). */
    static final List<String> REPORT_ANSWERS = Stream.of(ATTENDED_MENTEES, DURATION_MINUTES, HELD_ON, MEETING_AGREED,
            MEETING_FORMAT, MEETING_TOPICS, PLAN_FREQUENCY, PLAN_GOALS, PLAN_ITEMS, PLAN_REQUESTS,
            MovePairMeeting.VAR_OUTCOME, MovePairMeeting.VAR_NEW_DATE, MovePairMeeting.VAR_REASON)
            .map(ProcessVariable::name).toList();

    /**
     * What the report task and its timers read once, when they are created (its dates and its name, which Tasklist
     * shows above the form): a restarted task (a new mentor) gets them anew from its meeting ({@link PairTasks}),
     * a moved meeting moves the task and its timers itself.
     */
    static final List<String> TASK_CREATION_VARIABLES = Stream.of(Deadlines.VAR_DUE, Deadlines.VAR_FOLLOW_UP,
            Deadlines.VAR_REMINDER_AT, Deadlines.VAR_ESCALATION_AT, PairMeetings.VAR_CURATOR_ESCALATION_AT,
            MEETING_TASK_NAME).map(ProcessVariable::name).toList();

    private PairMeetingSteps() {
    }

    /**
     * Sets a meeting's variables in the scope itself, its {@link #TASK_CREATION_VARIABLES} transient: storing them
     * wrote, and deleted at the next meeting, 18 rows per report (issue 14). A scope that stores them already (a
     * meeting opened before they were transient) keeps storing them: the engine refuses to make a stored variable
     * transient.
     */
    static void setMeetingVariables(VariableScope scope, Map<String, Object> variables) {
        Map<String, Object> local = new HashMap<>(variables);
        local.putAll(transientAtCreation(variables, scope::hasVariableLocal));
        scope.setVariablesLocal(local);
    }

    /** The {@link #TASK_CREATION_VARIABLES} among the variables, as transient values, but those the scope stores. */
    static Map<String, Object> transientAtCreation(Map<String, Object> variables, Predicate<String> stored) {
        Map<String, Object> once = new HashMap<>();
        for (String name : TASK_CREATION_VARIABLES) {
            if (variables.containsKey(name) && !stored.test(name)) {
                once.put(name, Variables.untypedValue(variables.get(name), true));
            }
        }
        return once;
    }

    /**
     * The report form's {@link #MENTEE_OPTIONS}: the pair's current mentees, set on the pair's instance by the meeting
     * that finds none there ({@link PlanPairMeeting}), when a mentee leaves ({@link Pairs#leave}) and when a mentee's
     * name is corrected ({@link Pairs#corrected}).
     */
    static List<Map<String, String>> menteeOptions(Pair pair) {
        return pair.mentees().stream()
                .map(m -> Map.of("value", String.valueOf(m.personId()), "label", m.fullName())).toList();
    }

    static long pairId(DelegateExecution execution) {
        return ((Number) execution.getVariable(PairProcess.VAR_PAIR_ID.name())).longValue();
    }

    static long meetingId(DelegateExecution execution) {
        return ((Number) execution.getVariable(PairMeetings.VAR_MEETING_ID.name())).longValue();
    }

    static String actor(CurrentUser currentUser) {
        return currentUser.id() == null ? SYSTEM_ACTOR : currentUser.id();
    }

    /** The open report task of the meeting the execution belongs to, for the links in mails. */
    static String reportTask(TimedTasks tasks, DelegateExecution execution) {
        List<Task> open = tasks.openTasksOf(execution);
        return open.isEmpty() ? "" : open.get(0).getId();
    }
}
