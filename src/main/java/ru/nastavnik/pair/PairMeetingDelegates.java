package ru.nastavnik.pair;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.notification.TimedTasks;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;

/** The steps of the {@code mentorship-pair} and {@code pair-meeting} processes; the rules live in {@link PairMeetings}. */
final class PairMeetingDelegates {

    private static final String SYSTEM_ACTOR = "system";

    private PairMeetingDelegates() {
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

    /** Task_PlanMeeting: the meeting {@code meetingKind} gets its date, its row and its task's variables. */
    @Component("planPairMeeting")
    static class PlanMeeting implements JavaDelegate {
        private final PairMeetings meetings;

        PlanMeeting(PairMeetings meetings) {
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            MeetingKind kind = MeetingKind.of((String) execution.getVariable(PairMeetings.VAR_MEETING_KIND));
            execution.setVariables(meetings.open(pairId(execution), kind, execution.getProcessInstanceId()));
        }
    }

    /** Task_RecordMeeting: stores the mentor's report (and the plan, at the planning meeting) or refuses it. */
    @Component("recordPairMeeting")
    static class RecordMeeting implements JavaDelegate {
        private final PairMeetings meetings;
        private final CurrentUser currentUser;

        RecordMeeting(PairMeetings meetings, CurrentUser currentUser) {
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

    /**
     * Task_MoveMeeting: the mentor answered «Встреча не состоялась — перенести». The new day is checked as the
     * staff's move checks it (a refusal rolls the completion back, so the task stays as it was); the report task
     * then opens again with the new due date and timers, the form's answers are cleared for it, and the curator
     * is told why.
     */
    @Component("movePairMeeting")
    static class MoveMeeting implements JavaDelegate {
        static final String VAR_OUTCOME = "meetingOutcome";
        static final String VAR_NEW_DATE = "newPlannedOn";
        static final String VAR_REASON = "moveReason";

        private final PairMeetings meetings;
        private final Pairs pairs;
        private final PairMeetingMails mails;
        private final TaskPeople people;
        private final SystemAuthentication system;
        private final CurrentUser currentUser;

        MoveMeeting(PairMeetings meetings, Pairs pairs, PairMeetingMails mails, TaskPeople people,
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
            LocalDate to = ProcessVariables.date(execution.getVariable(VAR_NEW_DATE)).orElse(null);
            String reason = ProcessVariables.string(execution.getVariable(VAR_REASON)).trim();
            try {
                execution.setVariables(meetings.moveFromReport(id, to, actor(currentUser)));
            } catch (ValidationException refused) {
                throw new ValidationException(refused.errors().stream()
                        .map(e -> new ValidationException.FieldError(VAR_NEW_DATE, e.message())).toList());
            } catch (ApiException refused) {
                throw ValidationException.of(VAR_NEW_DATE, refused);
            }
            execution.removeVariables(List.of(VAR_OUTCOME, VAR_NEW_DATE, VAR_REASON));
            PairMeetings.Meeting meeting = meetings.get(id);
            String curator = (String) execution.getVariable(ProgrammeProcess.VAR_CURATOR_ID);
            mails.moved(pairs.get(meeting.pairId()), meeting, from, reason,
                    system.call(() -> people.emails(List.of(curator))));
        }
    }

    /** Task_SendMeetingReminder: a few days before the meeting, the mentor and every mentee are reminded. */
    @Component("sendMeetingReminder")
    static class SendReminder implements JavaDelegate {
        private static final Logger log = LoggerFactory.getLogger(SendReminder.class);

        private final PairMeetings meetings;
        private final Pairs pairs;
        private final PairMeetingMails mails;
        private final TimedTasks tasks;
        private final SchoolClock clock;

        SendReminder(PairMeetings meetings, Pairs pairs, PairMeetingMails mails, TimedTasks tasks, SchoolClock clock) {
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

    /**
     * Task_RemindUnreportedMeeting: the morning after the meeting's day without a report, the meeting counts as
     * missed and the mentor is reminded.
     */
    @Component("remindUnreportedMeeting")
    static class RemindUnreported implements JavaDelegate {
        private final PairMeetings meetings;
        private final Pairs pairs;
        private final PairMeetingMails mails;
        private final TimedTasks tasks;

        RemindUnreported(PairMeetings meetings, Pairs pairs, PairMeetingMails mails, TimedTasks tasks) {
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

    /** Task_PlanFeedback: the dates of the mentor's feedback (item 6.5) and of the mentees' links. */
    @Component("planMentorFeedback")
    static class PlanFeedback implements JavaDelegate {
        private final PairMeetings meetings;

        PlanFeedback(PairMeetings meetings) {
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariables(meetings.feedbackVariables(pairId(execution)));
        }
    }

    /** Task_RecordMentorFeedback: stores the mentor's questionnaire. */
    @Component("recordMentorFeedback")
    static class RecordFeedback implements JavaDelegate {
        private final PairMeetings meetings;
        private final CurrentUser currentUser;

        RecordFeedback(PairMeetings meetings, CurrentUser currentUser) {
            this.meetings = meetings;
            this.currentUser = currentUser;
        }

        @Override
        public void execute(DelegateExecution execution) {
            meetings.recordFeedback(pairId(execution), new PairMeetings.MentorFeedback(
                    Integer.parseInt(ProcessVariables.string(execution.getVariable("feedbackSatisfaction"))),
                    Integer.parseInt(ProcessVariables.string(execution.getVariable("feedbackProgress"))),
                    ProcessVariables.string(execution.getVariable("feedbackWorked")),
                    ProcessVariables.string(execution.getVariable("feedbackDifficulties")),
                    ProcessVariables.string(execution.getVariable("feedbackSuggestions"))), actor(currentUser));
        }
    }

    /** Task_FinishPair: the final meeting is held, the pair is finished and the programme's stage 6 is told. */
    @Component("finishPair")
    static class FinishPair implements JavaDelegate {
        private final Pairs pairs;
        private final CurrentUser currentUser;

        FinishPair(Pairs pairs, CurrentUser currentUser) {
            this.pairs = pairs;
            this.currentUser = currentUser;
        }

        @Override
        public void execute(DelegateExecution execution) {
            pairs.close(pairId(execution), Pair.FINISHED, "Итоговая встреча проведена", actor(currentUser));
        }
    }

    /** The open report task of the pair-meeting process the execution belongs to, for the links in mails. */
    /** The meeting's report task, which the timer that runs the delegate is attached to. */
    private static String reportTask(TimedTasks tasks, DelegateExecution execution) {
        List<Task> open = tasks.openTasksOf(execution);
        return open.isEmpty() ? "" : open.get(0).getId();
    }
}
