package ru.nastavnik.pair;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import ru.nastavnik.notification.TimedTasks;
import ru.nastavnik.security.CurrentUser;

/**
 * What the steps of the {@code mentorship-pair} and {@code pair-meeting} processes share: reading the pair and the
 * meeting, and who acted. Each step is a bean of its own; the rules live in {@link PairMeetings}.
 */
final class PairMeetingSteps {

    private static final String SYSTEM_ACTOR = "system";

    private PairMeetingSteps() {
    }

    static long pairId(DelegateExecution execution) {
        return ((Number) execution.getVariable(PairProcess.VAR_PAIR_ID)).longValue();
    }

    static long meetingId(DelegateExecution execution) {
        return ((Number) execution.getVariable(PairMeetings.VAR_MEETING_ID)).longValue();
    }

    static String actor(CurrentUser currentUser) {
        return currentUser.id() == null ? SYSTEM_ACTOR : currentUser.id();
    }

    /** The open report task of the pair-meeting process the execution belongs to, for the links in mails. */
    static String reportTask(TimedTasks tasks, DelegateExecution execution) {
        List<Task> open = tasks.openTasksOf(execution);
        return open.isEmpty() ? "" : open.get(0).getId();
    }
}
