package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.actor;
import static ru.nastavnik.pair.PairMeetingSteps.meetingId;
import static ru.nastavnik.pair.PairMeetingSteps.pairId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ProcessVariables;

/**
 * Task_RecordPairMeeting: stores the mentor's report (and the plan, at the planning meeting) or refuses it, then
 * clears the form's answers.
 */
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
                PairMeetingSteps.MEETING_FORMAT.get(execution),
                PairMeetingSteps.MEETING_TOPICS.get(execution),
                PairMeetingSteps.MEETING_AGREED.get(execution),
                PairMeetingSteps.ATTENDED_MENTEES.get(execution).stream()
                        .map(Long::valueOf).toList());
        boolean planning = MeetingKind.PLANNING.code().equals(execution.getVariable(PairMeetings.VAR_MEETING_KIND.name()));
        PairMeetings.PlanDraft plan = planning ? new PairMeetings.PlanDraft(
                PairMeetingSteps.PLAN_FREQUENCY.get(execution),
                PairMeetingSteps.PLAN_GOALS.get(execution),
                PairMeetingSteps.PLAN_ITEMS.get(execution),
                PairMeetingSteps.PLAN_REQUESTS.get(execution)) : null;
        meetings.report(pairId(execution), meetingId(execution), report, plan, actor(currentUser));
        // The completed task put the answers on the pair's instance; the next meeting's form starts empty.
        execution.removeVariables(PairMeetingSteps.REPORT_ANSWERS);
    }
}
