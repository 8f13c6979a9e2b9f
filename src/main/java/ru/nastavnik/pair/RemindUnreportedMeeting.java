package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.meetingId;
import static ru.nastavnik.pair.PairMeetingSteps.reportTask;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.TimedTasks;

/**
 * Task_RemindUnreportedMeeting: the morning after the meeting's day without a report, the meeting counts as
 * missed and the mentor is reminded.
 */
@Component("remindUnreportedMeeting")
class RemindUnreportedMeeting implements JavaDelegate {
    private final PairMeetings meetings;
    private final Pairs pairs;
    private final PairMeetingMails mails;
    private final TimedTasks tasks;

    RemindUnreportedMeeting(PairMeetings meetings, Pairs pairs, PairMeetingMails mails, TimedTasks tasks) {
        this.meetings = meetings;
        this.pairs = pairs;
        this.mails = mails;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = meetingId(execution);
        if (meetings.markOverdue(id)) {
            PairMeetings.Meeting meeting = meetings.get(id);
            mails.unreported(pairs.get(meeting.pairId()), meeting, reportTask(tasks, execution));
        }
    }
}
