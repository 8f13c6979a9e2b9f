package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.actor;
import static ru.nastavnik.pair.PairMeetingSteps.meetingId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ProcessVariables;

/** Task_RecordPairMeeting: stores the mentor's report (and the plan, at the planning meeting) or refuses it. */
@Component("recordPairMeeting")
class RecordPairMeeting implements JavaDelegate {
    private final PairMeetings meetings;
    private final CurrentUser currentUser;

    RecordPairMeeting(PairMeetings meetings, CurrentUser currentUser) {
        this.meetings = meetings;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The form's rules (required, dates, bounds) were checked when the task completed.
        PairMeetings.Report report = new PairMeetings.Report(
                ProcessVariables.date(execution.getVariable("heldOn")).orElseThrow(),
                ((Number) execution.getVariable("durationMinutes")).intValue(),
                ProcessVariables.string(execution.getVariable("meetingFormat")),
                ProcessVariables.string(execution.getVariable("meetingTopics")),
                ProcessVariables.string(execution.getVariable("meetingAgreed")),
                ProcessVariables.stringList(execution.getVariable("attendedMentees")).stream()
                        .map(Long::valueOf).toList());
        boolean planning = MeetingKind.PLANNING.code().equals(execution.getVariable(PairMeetings.VAR_MEETING_KIND));
        PairMeetings.PlanDraft plan = planning ? new PairMeetings.PlanDraft(
                ProcessVariables.string(execution.getVariable("planFrequency")),
                ProcessVariables.string(execution.getVariable("planGoals")),
                ProcessVariables.string(execution.getVariable("planItems")),
                ProcessVariables.stringList(execution.getVariable("planRequests"))) : null;
        meetings.report(meetingId(execution), report, plan, actor(currentUser));
    }
}
