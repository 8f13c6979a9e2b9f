package ru.nastavnik.stages;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import ru.nastavnik.matching.ProgrammeMatching;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.CurrentUser;

/**
 * What the process steps of stage 5 (bpmn/programme-stage-5-pairs.bpmn) share: the names of their process variables
 * and who acted. Each step is a small bean of its own ({@link ProposePairs}, {@link DraftPairOrder}, ...); the rules
 * live in {@link PairsStage}, {@link ProgrammeMatching}, {@link PairOrders} and {@link Pairs}.
 */
final class PairsStageSteps {

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

    private PairsStageSteps() {
    }

    /** The user who completed the task before this step, else the programme's curator (a system run). */
    static String actor(CurrentUser currentUser, DelegateExecution execution) {
        String user = currentUser.id();
        return user != null ? user : (String) execution.getVariable(ProgrammeProcess.VAR_CURATOR_ID);
    }
}
