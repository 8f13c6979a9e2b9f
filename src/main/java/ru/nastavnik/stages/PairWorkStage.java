package ru.nastavnik.stages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.feedback.FeedbackKind;
import ru.nastavnik.feedback.FeedbackService;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.Groups;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.InputText;

/**
 * The process steps of stage 6 beside the roadmap items: wait for the pairs to close or the date of their final
 * meetings (item 6.6), escalate the pairs still open then, the group final meeting (6.7) and the satisfaction
 * survey (6.8).
 */
final class PairWorkStage {

    static final String PROCESS_ID = "programme-stage-6-pair-work";
    /** Item 6.6, the pairs' final meetings: the stage waits for the pairs until the morning after its due date. */
    static final String PAIRS_END_ITEM = "6.6";
    static final String VAR_SURVEY_SUMMARY = "surveySummary";

    private PairWorkStage() {
    }

    /**
     * Task_CheckOpenPairs: {@code openPairs}, the programme's pairs still working, and {@code pairsEndAt}, when the
     * stage stops waiting for them (read afresh on every check, so a moved roadmap date counts).
     */
    @Component("checkOpenPairs")
    static class CheckOpenPairs implements JavaDelegate {
        private final Pairs pairs;
        private final RoadmapService roadmap;
        private final Deadlines deadlines;

        CheckOpenPairs(Pairs pairs, RoadmapService roadmap, Deadlines deadlines) {
            this.pairs = pairs;
            this.roadmap = roadmap;
            this.deadlines = deadlines;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long programmeId = ProgrammeProcess.programmeId(execution);
            RoadmapItem finalMeetings = roadmap.get(programmeId, PAIRS_END_ITEM);
            execution.setVariable("openPairs", pairs.openCount(programmeId));
            execution.setVariable("pairsEndAt", deadlines.variables(finalMeetings.startDate(), finalMeetings.dueDate())
                    .get(Deadlines.VAR_ESCALATION_AT));
        }
    }

    /**
     * Task_EscalateOpenPairs: the date has come with pairs still open. The curator gets the list (the director in
     * copy); the pairs stay open, their own processes go on, and the stage moves to the group final meeting.
     */
    @Component("escalateOpenPairs")
    static class EscalateOpenPairs implements JavaDelegate {
        private final Pairs pairs;
        private final ProgrammeService programmes;
        private final RoadmapService roadmap;
        private final TaskPeople people;
        private final MailNotifier mail;
        private final MailTemplates templates;
        private final PublicUrl publicUrl;
        private final AuditLog audit;
        private final ZoneId zone;

        EscalateOpenPairs(Pairs pairs, ProgrammeService programmes, RoadmapService roadmap, TaskPeople people,
                          MailNotifier mail, MailTemplates templates, PublicUrl publicUrl, AuditLog audit,
                          SchoolClock clock) {
            this.publicUrl = publicUrl;
            this.pairs = pairs;
            this.programmes = programmes;
            this.roadmap = roadmap;
            this.people = people;
            this.mail = mail;
            this.templates = templates;
            this.audit = audit;
            this.zone = clock.zone();
        }

        @Override
        public void execute(DelegateExecution execution) {
            long programmeId = ProgrammeProcess.programmeId(execution);
            List<Pair> open = pairs.list(programmeId).stream().filter(Pair::active).toList();
            execution.setVariable("pairsOpenAtEnd", (long) open.size());
            if (open.isEmpty()) {
                return;
            }
            String curator = (String) execution.getVariable(ProgrammeProcess.VAR_CURATOR_ID);
            Set<String> to = people.emails(curator == null ? people.membersOf(Groups.CURATOR) : Set.of(curator));
            Set<String> copy = new LinkedHashSet<>(people.emails(people.membersOf(Groups.DIRECTOR)));
            copy.removeAll(to);
            String school = programmes.get(programmeId).schoolName();
            LocalDate due = roadmap.get(programmeId, PAIRS_END_ITEM).dueDate();
            List<Map<String, Object>> list = open.stream().map(p -> Map.<String, Object>of(
                    "mentor", p.mentor().fullName(), "group", p.group(),
                    "mentees", p.mentees().stream().map(Pair.Person::fullName).collect(Collectors.joining(", ")),
                    "since", LocalDate.ofInstant(p.startedAt(), zone).format(SchoolClock.RUSSIAN_DATE))).toList();
            mail.send(new MailAbout("programme:" + programmeId, "pairs-open-at-end"), to, copy,
                    templates.render("pairs-open-at-end", Map.of("school", school, "pairs", list,
                            "due", due.format(SchoolClock.RUSSIAN_DATE), "link", publicUrl.tasklist())));
            audit.record(null, "pairs.open-at-end-escalated", programmeId, null, "pairs=" + open.size());
        }
    }

    /** Task_PrepareGroupFinalMeeting: the deadline of item 6.7 and {@code pairsSummary}, the pairs as a table. */
    @Component("prepareGroupFinalMeeting")
    static class PrepareGroupFinalMeeting implements JavaDelegate {
        private final StageDelegates.StageSchedule schedule;
        private final Pairs pairs;

        PrepareGroupFinalMeeting(StageDelegates.StageSchedule schedule, Pairs pairs) {
            this.schedule = schedule;
            this.pairs = pairs;
        }

        @Override
        public void execute(DelegateExecution execution) {
            schedule.apply(execution);
            List<Pair> all = pairs.list(ProgrammeProcess.programmeId(execution));
            StringBuilder md = new StringBuilder();
            if (all.isEmpty()) {
                md.append("В программе нет закреплённых пар и групп.");
            } else {
                md.append("| Наставник | Наставляемые | Состояние |\n|---|---|---|\n");
                for (Pair p : all) {
                    md.append("| ").append(InputText.markdown(p.mentor().fullName())).append(" | ")
                            .append(InputText.markdown(p.mentees().stream().map(Pair.Person::fullName)
                                    .collect(Collectors.joining(", "))))
                            .append(" | ").append(state(p)).append(" |\n");
                }
            }
            execution.setVariable("pairsSummary", md.toString());
        }

        private static String state(Pair p) {
            return switch (p.status()) {
                case Pair.FINISHED -> "завершила работу";
                case Pair.ENDED -> "закрыта досрочно: " + (p.endReason() == null ? "—" : p.endReason());
                default -> "работа не завершена";
            };
        }
    }

    /**
     * Task_SendSatisfactionSurvey: the deadline of item 6.8, the survey links to every participant of the pairs,
     * and the response counts the curator's task shows ({@value #VAR_SURVEY_SUMMARY}; kept current as answers
     * come in) with {@code feedbackUrl}, where staff read the answers.
     */
    @Component("sendSatisfactionSurvey")
    static class SendSatisfactionSurvey implements JavaDelegate {
        private final StageDelegates.StageSchedule schedule;
        private final FeedbackService feedback;

        SendSatisfactionSurvey(StageDelegates.StageSchedule schedule, FeedbackService feedback) {
            this.schedule = schedule;
            this.feedback = feedback;
        }

        @Override
        public void execute(DelegateExecution execution) {
            schedule.apply(execution);
            long programmeId = ProgrammeProcess.programmeId(execution);
            FeedbackService.Sent sent = feedback.sendSatisfactionSurvey(programmeId);
            execution.setVariable("surveyWithoutAddress", (long) sent.withoutAddress());
            execution.setVariable(VAR_SURVEY_SUMMARY, feedback.surveySummary(programmeId));
            execution.setVariable("feedbackUrl", "/api/programmes/" + programmeId + "/feedback");
        }
    }

    /**
     * Each survey answer refreshes the counts on the programme's stage 6, while it runs: after the answer is
     * committed and in a transaction of its own, so that a clash on the process (two answers at once) costs at
     * most one refresh, never the answer.
     */
    @Component
    static class SurveyCounts {
        private static final Logger log = LoggerFactory.getLogger(SurveyCounts.class);

        private final RuntimeService runtime;
        private final FeedbackService feedback;
        private final SystemAuthentication system;
        private final TransactionTemplate newTransaction;

        SurveyCounts(RuntimeService runtime, FeedbackService feedback, SystemAuthentication system,
                     PlatformTransactionManager transactions) {
            this.runtime = runtime;
            this.feedback = feedback;
            this.system = system;
            this.newTransaction = new TransactionTemplate(transactions);
            newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }

        @TransactionalEventListener
        void submitted(FeedbackService.Submitted event) {
            if (event.kind() != FeedbackKind.SATISFACTION) {
                return;
            }
            try {
                newTransaction.executeWithoutResult(status -> {
                    String summary = feedback.surveySummary(event.programmeId());
                    system.run(() -> {
                        for (ProcessInstance stage : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                                .processInstanceBusinessKey(ProgrammeProcess.businessKey(event.programmeId())).list()) {
                            runtime.setVariable(stage.getId(), VAR_SURVEY_SUMMARY, summary);
                        }
                    });
                });
            } catch (RuntimeException e) {
                log.warn("Survey counts of programme {} not refreshed (the next answer will): {}",
                        event.programmeId(), e.toString());
            }
        }
    }
}
