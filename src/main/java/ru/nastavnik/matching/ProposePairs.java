package ru.nastavnik.matching;

import static ru.nastavnik.matching.PairsStageSteps.FORBIDDEN;
import static ru.nastavnik.matching.PairsStageSteps.FORBIDDEN_IN_FORCE;
import static ru.nastavnik.matching.PairsStageSteps.PINNED;
import static ru.nastavnik.matching.PairsStageSteps.PINNED_IN_FORCE;
import static ru.nastavnik.matching.PairsStageSteps.PROPOSAL;
import static ru.nastavnik.matching.PairsStageSteps.REVIEWER;
import static ru.nastavnik.matching.PairsStageSteps.REVIEW_CHANGES;
import static ru.nastavnik.programme.ProgrammeProcess.actor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.StageSchedule;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.ProcessVariables;

/**
 * Task_ProposePairs: applies the curator's changes from the review (when the decision was to re-run), runs the
 * engine on the stored questionnaires with the pins and forbidden pairs so far, and sets what the review form
 * shows. A contradictory change is the engine's refusal, which rolls the review's completion back.
 */
@Component("proposePairs")
class ProposePairs implements JavaDelegate {
    private final StageSchedule schedule;
    private final PairsStage stage;
    private final ProgrammeMatching matching;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    ProposePairs(StageSchedule schedule, PairsStage stage, ProgrammeMatching matching,
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

        PairsStage.Review review = new PairsStage.Review(stored(execution, PINNED_IN_FORCE.name()),
                stored(execution, FORBIDDEN_IN_FORCE.name()));
        MatchingProposal previous = PROPOSAL.get(execution);
        if (previous != null && PairsStageSteps.PAIR_REVIEW_DECISION.get(execution) == PairReviewDecision.RERUN) {
            review = stage.apply(previous, review, new PairsStage.Changes(
                    PINNED.get(execution),
                    FORBIDDEN.get(execution),
                    PairsStageSteps.SWAP_MENTEE_A.get(execution),
                    PairsStageSteps.SWAP_MENTEE_B.get(execution),
                    PairsStageSteps.ASSIGN_MENTEE.get(execution),
                    PairsStageSteps.ASSIGN_MENTOR.get(execution)), mentorIds, menteeIds);
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
        execution.setVariable(PROPOSAL.name(), Variables.objectValue(proposal)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        for (String name : List.of(PINNED.name(), PINNED_IN_FORCE.name())) {
            execution.setVariable(name, new ArrayList<>(review.pinned()));
        }
        for (String name : List.of(FORBIDDEN.name(), FORBIDDEN_IN_FORCE.name())) {
            execution.setVariable(name, new ArrayList<>(review.forbidden()));
        }
        PairsStageSteps.PAIR_MENTEE_COUNT.set(execution, (long) proposal.totals().mentees());
        execution.setVariable(PairsStageSteps.PAIR_PROPOSAL_TABLE.name(),
                ProcessVariables.longText(PairsStage.proposalTable(proposal)));
        execution.setVariable(PairsStageSteps.PAIR_UNMATCHED_TABLE.name(),
                ProcessVariables.longText(PairsStage.unmatchedTable(proposal)));
        PairsStageSteps.PAIR_TOTALS_TEXT.set(execution, PairsStage.totalsText(proposal));
        execution.setVariable(PairsStageSteps.PAIR_CONSTRAINTS_TEXT.name(),
                ProcessVariables.longText(PairsStage.constraintsText(review, names)));
        execution.setVariable(PairsStageSteps.PAIR_CHANGES_TEXT.name(),
                ProcessVariables.longText(PairsStage.changesText(previous, proposal, review, names)));
        // The next round stays with the one who asked for it, not offered to every curator again.
        REVIEWER.set(execution, previous == null ? null : currentUser.id());
        PairsStageSteps.PIN_CHOICE_OPTIONS.set(execution, PairsStage.pairOptions(proposal,
                review.pinned(), names));
        PairsStageSteps.FORBID_CHOICE_OPTIONS.set(execution, PairsStage.pairOptions(proposal,
                review.forbidden(), names));
        List<String> matched = proposal.groups().stream().flatMap(g -> g.mentees().stream())
                .map(MatchingProposal.Member::menteeId).toList();
        PairsStageSteps.MATCHED_MENTEE_OPTIONS.set(execution, options(matched, names));
        PairsStageSteps.REVIEW_MENTEE_OPTIONS.set(execution, options(people.mentees().stream()
                .map(MatchingInstance.Mentee::id).toList(), names));
        PairsStageSteps.REVIEW_MENTOR_OPTIONS.set(execution, options(people.mentors().stream()
                .map(MatchingInstance.Mentor::id).toList(), names));
    }

    private static List<String> stored(DelegateExecution execution, String name) {
        return ProcessVariables.stringList(execution.getVariable(name));
    }

    private static List<Map<String, String>> options(List<String> ids, Map<String, String> names) {
        return ids.stream().map(id -> Map.of("label", names.getOrDefault(id, id), "value", id)).toList();
    }
}
