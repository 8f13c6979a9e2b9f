package ru.nastavnik.pair;

import java.util.Set;
import org.springframework.stereotype.Component;
import ru.nastavnik.operations.AnswersKeptByTheProduct;

/**
 * The report form's answers ({@link PairMeetingSteps#REPORT_ANSWERS}) keep no engine history: {@link
 * RecordPairMeeting} stores the report in pair_meeting, pair_meeting_attendance, pair_plan and audit_log, and
 * {@link MovePairMeeting} the move, and both remove the answers in the same transaction. Their history rows, a
 * deleted variable per answer and a byte array for the mentees, were 7 of a report's 96 statements (issue 14).
 */
@Component
class MeetingReportAnswers implements AnswersKeptByTheProduct {

    /** The pair's process, and the meeting process that pairs started before the sub-process still call. */
    private static final Set<String> PROCESSES = Set.of(PairProcess.PROCESS_ID, PairProcess.LEGACY_MEETING_PROCESS_ID);
    private static final Set<String> ANSWERS = Set.copyOf(PairMeetingSteps.REPORT_ANSWERS);

    @Override
    public boolean includes(String processDefinitionKey, String variableName) {
        return ANSWERS.contains(variableName) && PROCESSES.contains(processDefinitionKey);
    }
}
