package ru.nastavnik.stages;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantRole;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.InputText;

/** The process steps of stages 2–4 beside the roadmap items; each is a small bean, the rules live in services. */
final class StageDelegates {

    private StageDelegates() {
    }

    /**
     * The deadline of a stage task: from the earliest start to the latest due date of the roadmap items named by the
     * local variable {@code deadlineItems} (e.g. «2.1,2.2»), set as the variables its due date and its reminder and
     * escalation timers read.
     */
    @Component
    static class StageSchedule {
        private final RoadmapService roadmap;
        private final Deadlines deadlines;

        StageSchedule(RoadmapService roadmap, Deadlines deadlines) {
            this.roadmap = roadmap;
            this.deadlines = deadlines;
        }

        /** Sets the task's deadline variables; returns the moment it is due. */
        Date apply(DelegateExecution execution) {
            long programmeId = ProgrammeProcess.programmeId(execution);
            List<RoadmapItem> items = Arrays.stream(((String) execution.getVariable("deadlineItems")).split(","))
                    .map(code -> roadmap.get(programmeId, code.trim())).toList();
            LocalDate start = items.stream().map(RoadmapItem::startDate).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate due = items.stream().map(RoadmapItem::dueDate).max(Comparator.naturalOrder()).orElseThrow();
            execution.setVariables(deadlines.variables(start, due));
            return deadlines.dueAt(due);
        }
    }

    /**
     * Task_PlanCollection: the questionnaires are collected until the due date of the roadmap items
     * {@code deadlineItems} (e.g. «2.1,2.2»): sets the task's deadline variables and {@code collectionEndsAt}.
     */
    @Component("planQuestionnaireCollection")
    static class PlanCollection implements JavaDelegate {
        private final StageSchedule schedule;

        PlanCollection(StageSchedule schedule) {
            this.schedule = schedule;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("collectionEndsAt", schedule.apply(execution));
            long programmeId = ProgrammeProcess.programmeId(execution);
            execution.setVariable("importUrl", "/api/programmes/" + programmeId + "/participants/import");
            execution.setVariable("templateUrl", "/api/templates/participants.xlsx");
        }
    }

    /**
     * Task_PrepareBaseAnalysis: the counts the analysis task shows, for the base named by the local variable
     * {@code baseRole} («mentee» or «mentor»), and the deadline of the analysis item {@code deadlineItems}.
     */
    @Component("summariseParticipantBase")
    static class SummariseBase implements JavaDelegate {
        private final StageSchedule schedule;
        private final ParticipantDirectory directory;

        SummariseBase(StageSchedule schedule, ParticipantDirectory directory) {
            this.schedule = schedule;
            this.directory = directory;
        }

        @Override
        public void execute(DelegateExecution execution) {
            schedule.apply(execution);
            long programmeId = ProgrammeProcess.programmeId(execution);
            boolean mentees = "mentee".equals(execution.getVariable("baseRole"));
            List<String> roles = mentees ? List.of(ParticipantRole.MENTEE.code())
                    : List.of(ParticipantRole.MENTOR_CANDIDATE.code(), ParticipantRole.MENTOR.code());
            Map<String, Long> byRole = directory.countByRole(programmeId);
            long total = roles.stream().mapToLong(r -> byRole.getOrDefault(r, 0L)).sum();
            long missing = directory.withoutConsent(programmeId, roles);
            Map<String, Long> topics = directory.topicCounts(programmeId, mentees ? "request" : "competency", roles);
            StringBuilder md = new StringBuilder();
            if (mentees) {
                md.append("**Наставляемых с согласием:** ").append(total).append("\n\n");
            } else {
                md.append("**Кандидатов в наставники с согласием:** ")
                        .append(byRole.getOrDefault(ParticipantRole.MENTOR_CANDIDATE.code(), 0L))
                        .append("; **наставников:** ").append(byRole.getOrDefault(ParticipantRole.MENTOR.code(), 0L))
                        .append("\n\n");
            }
            md.append("**Нет согласия (отозвано):** ").append(missing).append("\n\n");
            md.append(mentees ? "| Запрос | Наставляемых |\n|---|---|\n" : "| Компетенция | Наставников и кандидатов |\n|---|---|\n");
            if (topics.isEmpty()) {
                md.append("| — | 0 |\n");
            }
            topics.forEach((code, n) -> md.append("| ").append(InputText.markdown(ParticipantDirectory.topicTitle(code))).append(" | ")
                    .append(n).append(" |\n"));
            execution.setVariable("baseTotal", total);
            execution.setVariable("baseMissingConsent", missing);
            execution.setVariable("baseSummary", md.toString());
        }
    }

    /** Task_PrepareInterviews / Task_PrepareTraining: the deadline variables of the items {@code deadlineItems}. */
    @Component("scheduleStageTask")
    static class Schedule implements JavaDelegate {
        private final StageSchedule schedule;

        Schedule(StageSchedule schedule) {
            this.schedule = schedule;
        }

        @Override
        public void execute(DelegateExecution execution) {
            schedule.apply(execution);
        }
    }

    /**
     * Task listener on the completion of Task_InterviewMentorCandidate: stores one candidate's interview. The form's
     * values are local to the task (input parameters), so parallel interviews do not share them.
     */
    @Component("recordInterview")
    static class RecordInterview implements TaskListener {
        private final MentorSelection selection;
        private final CurrentUser currentUser;

        RecordInterview(MentorSelection selection, CurrentUser currentUser) {
            this.selection = selection;
            this.currentUser = currentUser;
        }

        @Override
        public void notify(DelegateTask task) {
            long programmeId = ProgrammeProcess.programmeId(task);
            long personId = ((Number) task.getVariable("personId")).longValue();
            boolean passed = "passed".equals(ProcessVariables.string(task.getVariable("interviewDecision")));
            selection.recordInterview(programmeId, personId, passed,
                    ProcessVariables.stringList(task.getVariable("interviewCriteria")),
                    ProcessVariables.string(task.getVariable("interviewComment")), currentUser.id());
        }
    }

    /** Task_PrepareTraining: the attendance list (candidates who passed) and the training's deadline. */
    @Component("prepareTraining")
    static class PrepareTraining implements JavaDelegate {
        private final MentorSelection selection;
        private final StageSchedule schedule;

        PrepareTraining(MentorSelection selection, StageSchedule schedule) {
            this.selection = selection;
            this.schedule = schedule;
        }

        @Override
        public void execute(DelegateExecution execution) {
            schedule.apply(execution);
            List<Map<String, String>> options = selection.attendanceOptions(ProgrammeProcess.programmeId(execution));
            execution.setVariable("trainingOptions", options);
            execution.setVariable("trainingCandidatesText", options.isEmpty()
                    ? "Никто из кандидатов не прошёл собеседование: отметить некого."
                    : options.stream().map(o -> "- " + InputText.markdown(o.get("label"))).collect(Collectors.joining("\n")));
        }
    }

    /** Task_AppointMentors: candidates with consent, a passed interview and the training become mentors. */
    @Component("appointMentors")
    static class AppointMentors implements JavaDelegate {
        private final MentorSelection selection;

        AppointMentors(MentorSelection selection) {
            this.selection = selection;
        }

        @Override
        public void execute(DelegateExecution execution) {
            List<Long> appointed = selection.appoint(ProgrammeProcess.programmeId(execution),
                    ProcessVariables.stringList(execution.getVariable("trainingAttended")));
            execution.setVariable("appointedMentors", (long) appointed.size());
        }
    }
}
