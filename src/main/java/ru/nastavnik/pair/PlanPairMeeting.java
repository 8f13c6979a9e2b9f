package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.pairId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PlanPairMeeting: the meeting {@code meetingKind} gets its date, its row and its task's variables. */
@Component("planPairMeeting")
class PlanPairMeeting implements JavaDelegate {
    private final PairMeetings meetings;

    PlanPairMeeting(PairMeetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingKind kind = MeetingKind.of((String) execution.getVariable(PairMeetings.VAR_MEETING_KIND.name()));
        execution.setVariables(meetings.open(pairId(execution), kind, execution.getProcessInstanceId()));
    }
}
