package ru.nastavnik.pair;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.operations.VariablesKeptByTheProduct;
import ru.nastavnik.shared.ProcessVariable;

/**
 * A meeting's variables keep no engine history (issue 14: 12 of a report's 96 statements). The report form's answers
 * ({@link PairMeetingSteps#REPORT_ANSWERS}): {@link RecordPairMeeting} stores the report in pair_meeting,
 * pair_meeting_attendance, pair_plan and audit_log, {@link MovePairMeeting} the move, and both remove the answers in
 * the same transaction. The meeting's working copies of its row, which {@link PlanPairMeeting} sets for the form and
 * the steps (its id, kind, planned day, its task's dates and name, the mentees' and the requests' options).
 */
@Component
class MeetingVariablesKept implements VariablesKeptByTheProduct {

    /** The pair's process, and the meeting process that pairs started before the sub-process still call. */
    private static final Set<String> PROCESSES = Set.of(PairProcess.PROCESS_ID, PairProcess.LEGACY_MEETING_PROCESS_ID);
    private static final Set<String> VARIABLES = Stream.of(PairMeetingSteps.REPORT_ANSWERS.stream(),
                    PairMeetingSteps.TASK_CREATION_VARIABLES.stream(),
                    Stream.of(PairMeetings.VAR_MEETING_ID, PairMeetings.VAR_MEETING_KIND, Deadlines.VAR_DUE_TEXT,
                            PairMeetingSteps.MENTEE_OPTIONS, PairMeetingSteps.REQUEST_OPTIONS)
                            .map(ProcessVariable::name))
            .flatMap(s -> s).collect(Collectors.toUnmodifiableSet());

    @Override
    public boolean includes(String processDefinitionKey, String variableName) {
        return VARIABLES.contains(variableName) && PROCESSES.contains(processDefinitionKey);
    }
}
