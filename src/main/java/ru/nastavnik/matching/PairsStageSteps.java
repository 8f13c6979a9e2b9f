package ru.nastavnik.matching;

import java.util.List;

/**
 * The process variables of stage 5 (bpmn/programme-stage-5-pairs.bpmn) about the proposal of pairs. Each step is a
 * small bean of its own ({@link ProposePairs}, {@link SavePreferences}, ...); the rules live in {@link PairsStage} and
 * {@link ProgrammeMatching}; the order's variables are in {@code pairorder.PairOrderVariables}.
 */
public final class PairsStageSteps {

    public static final String PROPOSAL = "pairProposal";
    /** The review form's checklists, prefilled with the pins and forbidden pairs in force. */
    static final String PINNED = "pinnedPairs";
    /** Who reviews the proposal: the curator who asked for the re-run (the task's assignee), none at first. */
    static final String REVIEWER = "pairReviewer";
    static final String FORBIDDEN = "forbiddenPairs";
    /** The pins and forbidden pairs in force, apart from the form's fields, which a submission overwrites. */
    static final String PINNED_IN_FORCE = "pairPinsInForce";
    static final String FORBIDDEN_IN_FORCE = "pairForbidsInForce";
    /** The review form's one-off changes: applied once, then the next round starts empty. */
    static final List<String> REVIEW_CHANGES = List.of("pairReviewDecision", "swapMenteeA", "swapMenteeB",
            "assignMentee", "assignMentor");
    static final List<String> QUESTIONNAIRE = List.of("preferencesPerson", "wishedMentors", "avoidMentors",
            "wishedMentees", "avoidMentees");

    private PairsStageSteps() {
    }
}
