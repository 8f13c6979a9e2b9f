package ru.nastavnik.stages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ru.nastavnik.matching.MatchingInstance;
import ru.nastavnik.matching.MatchingProposal;
import ru.nastavnik.matching.ProgrammeMatching;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.InputText;

/**
 * The process steps of stage 5 (bpmn/programme-stage-5-pairs.bpmn, forms pairs-*.form) beside its roadmap items:
 * group meeting, preference questionnaires, proposal and review, the director's order, the pairs fixed and told.
 * Each is a small bean; the rules live in {@link PairsStage}, {@link ProgrammeMatching}, {@link PairOrders} and
 * {@link Pairs}.
 */
final class PairsStageDelegates {

    static final String PROPOSAL = "pairProposal";
    /** The review form's checklists, prefilled with the pins and forbidden pairs in force. */
    static final String PINNED = "pinnedPairs";
    /** Who reviews the proposal: the curator who asked for the re-run (the task's assignee), none at first. */
    static final String REVIEWER = "pairReviewer";
    static final String FORBIDDEN = "forbiddenPairs";
    /** The pins and forbidden pairs in force, apart from the form's fields, which a submission overwrites. */
    static final String PINNED_IN_FORCE = "pairPinsInForce";
    static final String FORBIDDEN_IN_FORCE = "pairForbidsInForce";
    static final String ORDER_ID = "pairOrderId";
    static final String DECIDED_BY = "pairOrderDecidedBy";
    /** The review form's one-off changes: applied once, then the next round starts empty. */
    static final List<String> REVIEW_CHANGES = List.of("pairReviewDecision", "swapMenteeA", "swapMenteeB",
            "assignMentee", "assignMentor");
    static final List<String> QUESTIONNAIRE = List.of("preferencesPerson", "wishedMentors", "avoidMentors",
            "wishedMentees", "avoidMentees");

    private PairsStageDelegates() {
    }

    /** The user who completed the task before this step, else the programme's curator (a system run). */
    private static String actor(CurrentUser currentUser, DelegateExecution execution) {
        String user = currentUser.id();
        return user != null ? user : (String) execution.getVariable(ProgrammeProcess.VAR_CURATOR_ID);
    }

    /** Task_PrepareGroupMeeting: the meeting's deadline (deadlineItems) and the list of people to tick. */
    @Component("prepareGroupMeeting")
    static class PrepareGroupMeeting implements JavaDelegate {
        private final StageDelegates.StageSchedule schedule;
        private final PairsStage stage;

        PrepareGroupMeeting(StageDelegates.StageSchedule schedule, PairsStage stage) {
            this.schedule = schedule;
            this.stage = stage;
        }

        @Override
        public void execute(DelegateExecution execution) {
            schedule.apply(execution);
            List<Map<String, String>> options = stage.participantOptions(ProgrammeProcess.programmeId(execution));
            execution.setVariable("groupMeetingOptions", options);
            execution.setVariable("groupMeetingPeopleText", options.isEmpty()
                    ? "В программе пока нет наставников и наставляемых с согласием на обработку персональных данных."
                    : "Отметьте пришедших на встречу.");
        }
    }

    /** Task_SaveGroupMeeting: stores the meeting the form reported (date and lengths checked by its rules). */
    @Component("saveGroupMeeting")
    static class SaveGroupMeeting implements JavaDelegate {
        private final PairsStage stage;
        private final CurrentUser currentUser;
        private final AuditLog audit;

        SaveGroupMeeting(PairsStage stage, CurrentUser currentUser, AuditLog audit) {
            this.stage = stage;
            this.currentUser = currentUser;
            this.audit = audit;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long programmeId = ProgrammeProcess.programmeId(execution);
            List<String> attendees = ProcessVariables.stringList(execution.getVariable("groupMeetingAttendees"));
            String actor = actor(currentUser, execution);
            long meetingId = stage.recordGroupMeeting(programmeId,
                    ProcessVariables.date(execution.getVariable("groupMeetingDate")).orElseThrow(),
                    attendees, ProcessVariables.string(execution.getVariable("groupMeetingComment")), actor);
            execution.setVariable("groupMeetingId", meetingId);
            audit.record(actor, "pairs.group-meeting", programmeId, meetingId, "attendees=" + attendees.size());
        }
    }

    /** Task_PreparePreferences: the questionnaires' deadline (deadlineItems) and the people the form offers. */
    @Component("preparePreferences")
    static class PreparePreferences implements JavaDelegate {
        private final StageDelegates.StageSchedule schedule;
        private final PairsStage stage;

        PreparePreferences(StageDelegates.StageSchedule schedule, PairsStage stage) {
            this.schedule = schedule;
            this.stage = stage;
        }

        @Override
        public void execute(DelegateExecution execution) {
            schedule.apply(execution);
            long programmeId = ProgrammeProcess.programmeId(execution);
            List<Long> mentees = stage.mentees(programmeId);
            List<Long> mentors = stage.mentors(programmeId);
            execution.setVariable("preferenceParticipantOptions", stage.participantOptions(programmeId));
            execution.setVariable("preferenceMentorOptions", stage.options(programmeId, mentors, null));
            execution.setVariable("preferenceMenteeOptions", stage.options(programmeId, mentees, null));
            execution.setVariable("preferenceMenteeIds", mentees.stream().map(String::valueOf).toList());
            execution.setVariable("preferenceMentorIds", mentors.stream().map(String::valueOf).toList());
            execution.setVariable("preferencesEnteredText", "Анкеты ещё не вносились.");
        }
    }

    /**
     * Task_SavePreferences: stores the questionnaire of the participant chosen in the form, if any, through
     * MatchingPreferences: a mentee's lists name mentors, a mentor's lists name mentees.
     */
    @Component("savePreferences")
    static class SavePreferences implements JavaDelegate {
        private final PairsStage stage;
        private final CurrentUser currentUser;
        private final AuditLog audit;

        SavePreferences(PairsStage stage, CurrentUser currentUser, AuditLog audit) {
            this.stage = stage;
            this.currentUser = currentUser;
            this.audit = audit;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long programmeId = ProgrammeProcess.programmeId(execution);
            String person = ProcessVariables.string(execution.getVariable("preferencesPerson"));
            if (person != null) {
                boolean mentee = stage.mentees(programmeId).stream().anyMatch(id -> person.equals(String.valueOf(id)));
                List<String> preferred = ProcessVariables.stringList(execution.getVariable(mentee ? "wishedMentors" : "wishedMentees"));
                List<String> avoid = ProcessVariables.stringList(execution.getVariable(mentee ? "avoidMentors" : "avoidMentees"));
                long personId;
                try {
                    personId = Long.parseLong(person);
                } catch (NumberFormatException e) {
                    throw new ValidationException("preferencesPerson", "Выберите участника из списка");
                }
                String name = stage.saveWishes(programmeId, personId, preferred, avoid);
                audit.record(actor(currentUser, execution), "matching.preferences-set", programmeId, personId,
                        "preferred=" + preferred.size() + " avoid=" + avoid.size());
                String entered = ProcessVariables.string(execution.getVariable("preferencesEnteredList"));
                entered = (entered == null ? "" : entered + ", ") + name;
                execution.setVariable("preferencesEnteredList", entered);
                execution.setVariable("preferencesEnteredText", "**Внесены анкеты:** " + InputText.markdown(entered));
            } else if ("more".equals(ProcessVariables.string(execution.getVariable("preferencesDecision")))) {
                throw new ValidationException("preferencesPerson", "Выберите участника, чью анкету вносите");
            }
            execution.removeVariables(QUESTIONNAIRE);
        }
    }

    /**
     * Task_ProposePairs: applies the curator's changes from the review (when the decision was to re-run), runs the
     * engine on the stored questionnaires with the pins and forbidden pairs so far, and sets what the review form
     * shows. A contradictory change is the engine's refusal, which rolls the review's completion back.
     */
    @Component("proposePairs")
    static class ProposePairs implements JavaDelegate {
        private final StageDelegates.StageSchedule schedule;
        private final PairsStage stage;
        private final ProgrammeMatching matching;
        private final CurrentUser currentUser;
        private final AuditLog audit;

        ProposePairs(StageDelegates.StageSchedule schedule, PairsStage stage, ProgrammeMatching matching,
                     CurrentUser currentUser, AuditLog audit) {
            this.schedule = schedule;
            this.stage = stage;
            this.matching = matching;
            this.currentUser = currentUser;
            this.audit = audit;
        }

        @Override
        public void execute(DelegateExecution execution) {
            schedule.apply(execution);
            long programmeId = ProgrammeProcess.programmeId(execution);
            MatchingInstance people = matching.instance(programmeId, null, null);
            Set<String> mentorIds = new HashSet<>();
            Set<String> menteeIds = new HashSet<>();
            people.mentors().forEach(m -> mentorIds.add(m.id()));
            people.mentees().forEach(m -> menteeIds.add(m.id()));
            Map<String, String> names = new HashMap<>();
            people.mentors().forEach(m -> names.put(m.id(), m.name()));
            people.mentees().forEach(m -> names.put(m.id(), m.name()));

            PairsStage.Review review = new PairsStage.Review(stored(execution, PINNED_IN_FORCE),
                    stored(execution, FORBIDDEN_IN_FORCE));
            MatchingProposal previous = (MatchingProposal) execution.getVariable(PROPOSAL);
            if (previous != null && "rerun".equals(ProcessVariables.string(execution.getVariable("pairReviewDecision")))) {
                review = stage.apply(previous, review, new PairsStage.Changes(
                        ProcessVariables.stringList(execution.getVariable(PINNED)),
                        ProcessVariables.stringList(execution.getVariable(FORBIDDEN)),
                        ProcessVariables.string(execution.getVariable("swapMenteeA")),
                        ProcessVariables.string(execution.getVariable("swapMenteeB")),
                        ProcessVariables.string(execution.getVariable("assignMentee")),
                        ProcessVariables.string(execution.getVariable("assignMentor"))), mentorIds, menteeIds);
            }
            review = PairsStage.present(review, mentorIds, menteeIds);
            MatchingProposal proposal = people.mentees().isEmpty()
                    ? new MatchingProposal(List.of(), List.of(), new MatchingProposal.Totals(0, 0, 0, 0, 0, 0, true, 0))
                    : matching.propose(new MatchingInstance(people.mentees(), people.mentors(), review.pinnedPairs(),
                    review.forbiddenPairs()));
            audit.record(actor(currentUser, execution), "matching.proposed", programmeId, null, "mentees="
                    + proposal.totals().mentees() + " matched=" + proposal.totals().matched() + " pinned="
                    + review.pinned().size() + " forbidden=" + review.forbidden().size());

            execution.removeVariables(REVIEW_CHANGES);
            execution.setVariable(PROPOSAL, Variables.objectValue(proposal)
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            for (String name : List.of(PINNED, PINNED_IN_FORCE)) {
                execution.setVariable(name, new ArrayList<>(review.pinned()));
            }
            for (String name : List.of(FORBIDDEN, FORBIDDEN_IN_FORCE)) {
                execution.setVariable(name, new ArrayList<>(review.forbidden()));
            }
            execution.setVariable("pairMenteeCount", (long) proposal.totals().mentees());
            execution.setVariable("pairProposalTable", ProcessVariables.longText(PairsStage.proposalTable(proposal)));
            execution.setVariable("pairUnmatchedTable", ProcessVariables.longText(PairsStage.unmatchedTable(proposal)));
            execution.setVariable("pairTotalsText", PairsStage.totalsText(proposal));
            execution.setVariable("pairConstraintsText", ProcessVariables.longText(PairsStage.constraintsText(review, names)));
            execution.setVariable("pairChangesText",
                    ProcessVariables.longText(PairsStage.changesText(previous, proposal, review, names)));
            // The next round stays with the one who asked for it, not offered to every curator again.
            execution.setVariable(REVIEWER, previous == null ? null : currentUser.id());
            execution.setVariable("pinChoiceOptions", PairsStage.pairOptions(proposal, review.pinned(), names));
            execution.setVariable("forbidChoiceOptions", PairsStage.pairOptions(proposal, review.forbidden(), names));
            List<String> matched = proposal.groups().stream().flatMap(g -> g.mentees().stream())
                    .map(MatchingProposal.Member::menteeId).toList();
            execution.setVariable("matchedMenteeOptions", options(matched, names));
            execution.setVariable("reviewMenteeOptions", options(people.mentees().stream()
                    .map(MatchingInstance.Mentee::id).toList(), names));
            execution.setVariable("reviewMentorOptions", options(people.mentors().stream()
                    .map(MatchingInstance.Mentor::id).toList(), names));
        }

        private static List<String> stored(DelegateExecution execution, String name) {
            return ProcessVariables.stringList(execution.getVariable(name));
        }

        private static List<Map<String, String>> options(List<String> ids, Map<String, String> names) {
            return ids.stream().map(id -> Map.of("label", names.getOrDefault(id, id), "value", id)).toList();
        }
    }

    /**
     * Task_CloseWithoutOrder: the curator closes the stage without an order, which is refused while the programme
     * has any mentee with consent: then the pairs must be fixed by the director's order.
     */
    @Component("closePairsWithoutOrder")
    static class CloseWithoutOrder implements JavaDelegate {
        private final PairsStage stage;
        private final CurrentUser currentUser;
        private final AuditLog audit;

        CloseWithoutOrder(PairsStage stage, CurrentUser currentUser, AuditLog audit) {
            this.stage = stage;
            this.currentUser = currentUser;
            this.audit = audit;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long programmeId = ProgrammeProcess.programmeId(execution);
            int mentees = stage.mentees(programmeId).size();
            if (mentees > 0) {
                throw new ValidationException("pairReviewDecision", "Закрыть этап без распоряжения можно, только "
                        + "когда в программе нет наставляемых, а их " + mentees + ": отправьте проект распоряжения "
                        + "директору");
            }
            audit.record(actor(currentUser, execution), "pairs.none", programmeId, null, null);
        }
    }

    /**
     * Task_DraftPairOrder: the draft order from the reviewed proposal, and what the director's form shows: the table
     * and links to the DOCX and PDF, relative to Tasklist's own server so that its session opens them wherever the
     * app is reached. Drafts the director returned stay as they
     * were, never approved: the trail of what was returned.
     */
    @Component("draftPairOrder")
    static class DraftPairOrder implements JavaDelegate {
        private final StageDelegates.StageSchedule schedule;
        private final PairOrders orders;
        private final CurrentUser currentUser;
        private final AuditLog audit;

        DraftPairOrder(StageDelegates.StageSchedule schedule, PairOrders orders, CurrentUser currentUser,
                       AuditLog audit) {
            this.schedule = schedule;
            this.orders = orders;
            this.currentUser = currentUser;
            this.audit = audit;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long programmeId = ProgrammeProcess.programmeId(execution);
            String actor = actor(currentUser, execution);
            PairOrder order = orders.create(programmeId, (MatchingProposal) execution.getVariable(PROPOSAL), null, actor);
            audit.record(actor, "order.created", programmeId, null, "order=" + order.id() + " pairs="
                    + order.pairs().size());
            schedule.apply(execution);
            String base = "/api/programmes/" + programmeId + "/orders/" + order.id();
            execution.setVariable(ORDER_ID, order.id());
            execution.setVariable("pairOrderTable", ProcessVariables.longText(PairsStage.orderTable(order)));
            execution.setVariable("pairOrderDocxUrl", base + ".docx");
            execution.setVariable("pairOrderPdfUrl", base + ".pdf");
            execution.removeVariables(List.of("pairOrderDecision", "orderReturnComment"));
        }
    }

    /** Task listener on the completion of Task_ApprovePairOrder: who decided, for the order's approval. */
    @Component("recordPairOrderDecider")
    static class RecordDecider implements TaskListener {
        private final CurrentUser currentUser;

        RecordDecider(CurrentUser currentUser) {
            this.currentUser = currentUser;
        }

        @Override
        public void notify(DelegateTask task) {
            String user = currentUser.id() != null ? currentUser.id() : task.getAssignee();
            task.getExecution().setVariable(DECIDED_BY, user);
        }
    }

    /** Task_RecordOrderApproval: the order gets the programme's next number and today's date. */
    @Component("approvePairOrder")
    static class ApproveOrder implements JavaDelegate {
        private final PairOrders orders;
        private final AuditLog audit;

        ApproveOrder(PairOrders orders, AuditLog audit) {
            this.orders = orders;
            this.audit = audit;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long programmeId = ProgrammeProcess.programmeId(execution);
            String director = (String) execution.getVariable(DECIDED_BY);
            PairOrder order = orders.approve(programmeId, ((Number) execution.getVariable(ORDER_ID)).longValue(),
                    director);
            audit.record(director, "order.approved", programmeId, null, "order=" + order.id() + " number="
                    + order.number());
        }
    }

    /** Task_FixPairs: one pair (group) per row of the approved order, each with its mentorship-pair process. */
    @Component("fixPairs")
    static class FixPairs implements JavaDelegate {
        private final PairOrders orders;
        private final Pairs pairs;

        FixPairs(PairOrders orders, Pairs pairs) {
            this.orders = orders;
            this.pairs = pairs;
        }

        @Override
        public void execute(DelegateExecution execution) {
            PairOrder order = orders.get(ProgrammeProcess.programmeId(execution),
                    ((Number) execution.getVariable(ORDER_ID)).longValue());
            List<Pair> fixed = pairs.fix(order, (String) execution.getVariable(ProgrammeProcess.VAR_CURATOR_ID),
                    (String) execution.getVariable(DECIDED_BY));
            execution.setVariable("fixedPairCount", (long) fixed.size());
        }
    }

    /** Task_AnnouncePairs (asynchronous: a failed mail is retried): the participants learn their pairs. */
    @Component("announcePairs")
    static class AnnouncePairs implements JavaDelegate {
        private final PairOrders orders;
        private final Pairs pairs;
        private final ProgrammeService programmes;
        private final PairAnnouncements announcements;

        AnnouncePairs(PairOrders orders, Pairs pairs, ProgrammeService programmes, PairAnnouncements announcements) {
            this.orders = orders;
            this.pairs = pairs;
            this.programmes = programmes;
            this.announcements = announcements;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long programmeId = ProgrammeProcess.programmeId(execution);
            PairOrder order = orders.get(programmeId, ((Number) execution.getVariable(ORDER_ID)).longValue());
            List<Pair> fixed = pairs.list(programmeId).stream().filter(p -> p.orderId() == order.id()).toList();
            announcements.announce(order, fixed, programmes.get(programmeId).schoolName(),
                    orders.document(order).curator());
        }
    }
}
