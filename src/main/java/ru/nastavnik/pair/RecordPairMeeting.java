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
                ProcessVariables.date(execution.getVariable(PairMeetingSteps.HELD_ON.name())).orElseThrow(),
                ((Number) execution.getVariable(PairMeetingSteps.DURATION_MINUTES.name())).intValue(),
                ProcessVariables.string(execution.getVariable(PairMeetingSteps.MEETING_FORMAT.name())),
                ProcessVariables.string(execution.getVariable(PairMeetingSteps.MEETING_TOPICS.name())),
                ProcessVariables.string(execution.getVariable(PairMeetingSteps.MEETING_AGREED.name())),
                ProcessVariables.stringList(execution.getVariable(PairMeetingSteps.ATTENDED_MENTEES.name())).stream()
                        .map(Long::valueOf).toList());
        boolean planning = MeetingKind.PLANNING.code().equals(execution.getVariable(PairMeetings.VAR_MEETING_KIND.name()));
        PairMeetings.PlanDraft plan = planning ? new PairMeetings.PlanDraft(
                ProcessVariables.string(execution.getVariable(PairMeetingSteps.PLAN_FREQUENCY.name())),
                ProcessVariables.string(execution.getVariable(PairMeetingSteps.PLAN_GOALS.name())),
                ProcessVariables.string(execution.getVariable(PairMeetingSteps.PLAN_ITEMS.name())),
                ProcessVariables.stringList(execution.getVariable(PairMeetingSteps.PLAN_REQUESTS.name()))) : null;
        meetings.report(meetingId(execution), report, plan, actor(currentUser));
    }
}
