package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.actor;
import static ru.nastavnik.pair.PairMeetingSteps.meetingId;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ProcessVariable;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;

/**
 * Task_MovePairMeeting: the mentor answered «Встреча не состоялась — перенести». The new day is checked as the
 * staff's move checks it (a refusal rolls the completion back, so the task stays as it was); the report task
 * then opens again with the new due date and timers, the form's answers are cleared for it, and the curator
 * is told why.
 */
@Component("movePairMeeting")
class MovePairMeeting implements JavaDelegate {
    static final ProcessVariable<MeetingOutcome> VAR_OUTCOME = ProcessVariable.of("meetingOutcome",
            MeetingOutcome.class);
    static final ProcessVariable<String> VAR_NEW_DATE = ProcessVariable.text("newPlannedOn");
    static final ProcessVariable<String> VAR_REASON = ProcessVariable.text("moveReason");

    private final PairMeetings meetings;
    private final Pairs pairs;
    private final PairMeetingMails mails;
    private final TaskPeople people;
    private final SystemAuthentication system;
    private final CurrentUser currentUser;

    MovePairMeeting(PairMeetings meetings, Pairs pairs, PairMeetingMails mails, TaskPeople people,
                SystemAuthentication system, CurrentUser currentUser) {
        this.meetings = meetings;
        this.pairs = pairs;
        this.mails = mails;
        this.people = people;
        this.system = system;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = meetingId(execution);
        LocalDate from = meetings.get(id).plannedOn();
        LocalDate to = ProcessVariables.date(execution.getVariable(VAR_NEW_DATE.name())).orElse(null);
        String reason = VAR_REASON.get(execution).trim();
        try {
            PairMeetingSteps.setMeetingVariables(execution, meetings.moveFromReport(id, to, actor(currentUser)));
        } catch (ValidationException refused) {
            throw new ValidationException(refused.errors().stream()
                    .map(e -> new ValidationException.FieldError(VAR_NEW_DATE.name(), e.message())).toList());
        } catch (ApiException refused) {
            throw ValidationException.of(VAR_NEW_DATE.name(), refused);
        }
        execution.removeVariables(List.of(VAR_OUTCOME.name(), VAR_NEW_DATE.name(), VAR_REASON.name()));
        PairMeetings.Meeting meeting = meetings.get(id);
        String curator = (String) execution.getVariable(TaskPeople.CURATOR_ID.name());
        mails.moved(pairs.get(meeting.pairId()), meeting, from, reason,
                system.call(() -> people.emails(List.of(curator))));
    }
}
