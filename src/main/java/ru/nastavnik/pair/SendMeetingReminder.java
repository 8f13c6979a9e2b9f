package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.meetingId;
import static ru.nastavnik.pair.PairMeetingSteps.reportTask;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.TimedTasks;
import ru.nastavnik.shared.SchoolClock;

/** Task_SendMeetingReminder: a few days before the meeting, the mentor and every mentee are reminded. */
@Component("sendMeetingReminder")
class SendMeetingReminder implements JavaDelegate {
    private static final Logger log = LoggerFactory.getLogger(SendMeetingReminder.class);

    private final PairMeetings meetings;
    private final Pairs pairs;
    private final PairMeetingMails mails;
    private final TimedTasks tasks;
    private final SchoolClock clock;

    SendMeetingReminder(PairMeetings meetings, Pairs pairs, PairMeetingMails mails, TimedTasks tasks, SchoolClock clock) {
        this.meetings = meetings;
        this.pairs = pairs;
        this.mails = mails;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PairMeetings.Meeting meeting = meetings.get(meetingId(execution));
        // A meeting planned for a day already past gets the mentor's reminder after it instead.
        if (meeting.reported() || meeting.plannedOn().isBefore(clock.today())) {
            log.info("No reminder for meeting {}: reported or past", meeting.id());
            return;
        }
        mails.beforeMeeting(pairs.get(meeting.pairId()), meeting, reportTask(tasks, execution));
    }
}
