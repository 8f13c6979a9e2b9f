package ru.nastavnik.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ru.nastavnik.shared.ProcessVariable;

/**
 * The process variables of stage 5 (bpmn/programme-stage-5-pairs.bpmn) about the proposal of pairs. Each step is a
 * small bean of its own ({@link ProposePairs}, {@link SavePreferences}, ...); the rules live in {@link PairsStage} and
 * {@link ProgrammeMatching}; the order's variables are in {@code pairorder.PairOrderVariables}.
 */
public final class PairsStageSteps {

    public static final ProcessVariable<MatchingProposal> PROPOSAL = ProcessVariable.of("pairProposal",
            MatchingProposal.class);
    /** The review form's checklists, prefilled with the pins and forbidden pairs in force. */
    static final ProcessVariable<List<String>> PINNED = ProcessVariable.list("pinnedPairs");
    /** Who reviews the proposal: the curator who asked for the re-run (the task's assignee), none at first. */
    static final ProcessVariable<String> REVIEWER = ProcessVariable.text("pairReviewer");
    static final ProcessVariable<List<String>> FORBIDDEN = ProcessVariable.list("forbiddenPairs");
    /** The pins and forbidden pairs in force, apart from the form's fields, which a submission overwrites. */
    static final ProcessVariable<List<String>> PINNED_IN_FORCE = ProcessVariable.list("pairPinsInForce");
    static final ProcessVariable<List<String>> FORBIDDEN_IN_FORCE = ProcessVariable.list("pairForbidsInForce");

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<String> ASSIGN_MENTEE = ProcessVariable.text("assignMentee");
    public static final ProcessVariable<String> ASSIGN_MENTOR = ProcessVariable.text("assignMentor");
    public static final ProcessVariable<List<String>> AVOID_MENTEES = ProcessVariable.list("avoidMentees");
    public static final ProcessVariable<List<String>> AVOID_MENTORS = ProcessVariable.list("avoidMentors");
    public static final ProcessVariable<List<Map<String, String>>> FORBID_CHOICE_OPTIONS =
            ProcessVariable.options("forbidChoiceOptions");
    public static final ProcessVariable<List<String>> GROUP_MEETING_ATTENDEES =
            ProcessVariable.list("groupMeetingAttendees");
    public static final ProcessVariable<String> GROUP_MEETING_COMMENT = ProcessVariable.text("groupMeetingComment");
    public static final ProcessVariable<String> GROUP_MEETING_DATE = ProcessVariable.text("groupMeetingDate");
    public static final ProcessVariable<List<Map<String, String>>> GROUP_MEETING_OPTIONS =
            ProcessVariable.options("groupMeetingOptions");
    public static final ProcessVariable<String> GROUP_MEETING_PEOPLE_TEXT =
            ProcessVariable.text("groupMeetingPeopleText");
    public static final ProcessVariable<List<Map<String, String>>> MATCHED_MENTEE_OPTIONS =
            ProcessVariable.options("matchedMenteeOptions");
    public static final ProcessVariable<String> PAIR_CHANGES_TEXT = ProcessVariable.text("pairChangesText");
    public static final ProcessVariable<String> PAIR_CONSTRAINTS_TEXT = ProcessVariable.text("pairConstraintsText");
    public static final ProcessVariable<String> PAIR_PROPOSAL_TABLE = ProcessVariable.text("pairProposalTable");
    public static final ProcessVariable<PairReviewDecision> PAIR_REVIEW_DECISION =
            ProcessVariable.of("pairReviewDecision", PairReviewDecision.class);
    public static final ProcessVariable<String> PAIR_TOTALS_TEXT = ProcessVariable.text("pairTotalsText");
    public static final ProcessVariable<String> PAIR_UNMATCHED_TABLE = ProcessVariable.text("pairUnmatchedTable");
    public static final ProcessVariable<List<Map<String, String>>> PIN_CHOICE_OPTIONS =
            ProcessVariable.options("pinChoiceOptions");
    public static final ProcessVariable<List<String>> PREFERENCE_MENTEE_IDS =
            ProcessVariable.list("preferenceMenteeIds");
    public static final ProcessVariable<List<Map<String, String>>> PREFERENCE_MENTEE_OPTIONS =
            ProcessVariable.options("preferenceMenteeOptions");
    public static final ProcessVariable<List<String>> PREFERENCE_MENTOR_IDS =
            ProcessVariable.list("preferenceMentorIds");
    public static final ProcessVariable<List<Map<String, String>>> PREFERENCE_MENTOR_OPTIONS =
            ProcessVariable.options("preferenceMentorOptions");
    public static final ProcessVariable<List<Map<String, String>>> PREFERENCE_PARTICIPANT_OPTIONS =
            ProcessVariable.options("preferenceParticipantOptions");
    public static final ProcessVariable<PreferencesDecision> PREFERENCES_DECISION =
            ProcessVariable.of("preferencesDecision", PreferencesDecision.class);
    public static final ProcessVariable<String> PREFERENCES_ENTERED_TEXT =
            ProcessVariable.text("preferencesEnteredText");
    public static final ProcessVariable<String> PREFERENCES_PERSON = ProcessVariable.text("preferencesPerson");
    public static final ProcessVariable<List<Map<String, String>>> REVIEW_MENTEE_OPTIONS =
            ProcessVariable.options("reviewMenteeOptions");
    public static final ProcessVariable<List<Map<String, String>>> REVIEW_MENTOR_OPTIONS =
            ProcessVariable.options("reviewMentorOptions");
    public static final ProcessVariable<String> SWAP_MENTEE_A = ProcessVariable.text("swapMenteeA");
    public static final ProcessVariable<String> SWAP_MENTEE_B = ProcessVariable.text("swapMenteeB");
    public static final ProcessVariable<List<String>> WISHED_MENTEES = ProcessVariable.list("wishedMentees");
    public static final ProcessVariable<List<String>> WISHED_MENTORS = ProcessVariable.list("wishedMentors");

    // Set by Java for the record: the tests and Cockpit read them.
    public static final ProcessVariable<Long> PAIR_MENTEE_COUNT = ProcessVariable.of("pairMenteeCount", Long.class);
    public static final ProcessVariable<Long> GROUP_MEETING_ID = ProcessVariable.of("groupMeetingId", Long.class);
    public static final ProcessVariable<String> PREFERENCES_ENTERED_LIST = ProcessVariable.text("preferencesEnteredList");

    /** The review form's one-off changes: applied once, then the next round starts empty. */
    static final List<String> REVIEW_CHANGES = names(PAIR_REVIEW_DECISION, SWAP_MENTEE_A, SWAP_MENTEE_B,
            ASSIGN_MENTEE, ASSIGN_MENTOR);
    /** The questionnaire form's fields, emptied for the next questionnaire. */
    static final List<String> QUESTIONNAIRE = names(PREFERENCES_PERSON, WISHED_MENTORS, AVOID_MENTORS,
            WISHED_MENTEES, AVOID_MENTEES);

    private PairsStageSteps() {
    }

    private static List<String> names(ProcessVariable<?>... variables) {
        return Arrays.stream(variables).map(ProcessVariable::name).toList();
    }
}
