package ru.nastavnik.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantDirectory.Questionnaire;
import ru.nastavnik.programme.ProgrammeService;

/**
 * Matching of a stored programme: the engine run on its questionnaires — mentees and mentors (not candidates) with
 * consent in force — their wishes from the group meeting ({@link MatchingPreferences}) and the curator's pinned and
 * forbidden pairs. Ids are person ids; the names of the stored people come back in the proposal. No user checks
 * here: the REST endpoint ({@link ProgrammeMatchingController}) checks its user, and stage 5's steps run after a task
 * that only its owners can complete.
 */
@Service
public class ProgrammeMatching {

    /** A pair the curator pinned or forbade, by person id. */
    public record PairRef(String mentorId, String menteeId) {
    }

    private final MatchingEngine engine;
    private final ParticipantDirectory directory;
    private final MatchingPreferences preferences;
    private final ProgrammeService programmes;

    ProgrammeMatching(MatchingEngine engine, ParticipantDirectory directory, MatchingPreferences preferences,
                      ProgrammeService programmes) {
        this.engine = engine;
        this.directory = directory;
        this.preferences = preferences;
        this.programmes = programmes;
    }

    /** The engine's input for the programme as stored now. */
    public MatchingInstance instance(long programmeId, List<PairRef> pinned, List<PairRef> forbidden) {
        return instance(programmes.get(programmeId).forms(), directory.questionnaires(programmeId),
                preferences.all(programmeId), pinned, forbidden);
    }

    /** The proposal; contradictions (a pin to a full mentor, a pin against the hard rules) are the engine's refusal. */
    public MatchingProposal propose(MatchingInstance instance) {
        return engine.solve(instance);
    }

    /**
     * The engine's judgement of one mentor for mentees already together (a replacement mentor, issue 5): every
     * mentee is pinned to the mentor, so a broken hard rule, a wish not to be paired or a full mentor comes back as
     * the engine's refusal ({@link ru.nastavnik.shared.ValidationException}), a fit as the group with its score and
     * reasons. {@code people} are the programme's questionnaires, read once by a caller that judges several mentors.
     */
    public MatchingProposal.Group pinned(long programmeId, List<Questionnaire> people, long mentorId,
                                         List<Long> menteeIds) {
        Set<Long> involved = new HashSet<>(menteeIds);
        involved.add(mentorId);
        List<PairRef> pins = menteeIds.stream().map(m -> new PairRef(String.valueOf(mentorId), String.valueOf(m)))
                .toList();
        MatchingProposal proposal = propose(instance(programmes.get(programmeId).forms(),
                people.stream().filter(q -> involved.contains(q.personId())).toList(), preferences.all(programmeId),
                pins, null));
        return proposal.groups().get(0);
    }

    /**
     * The one conversion of stored questionnaires into the engine's input. A participant who chose several forms
     * takes part in the first of them in the programme's order of forms. Wishes naming someone who is not on the
     * other side of this instance (a candidate not yet a mentor) are left out. Everything else — contradictions, unknown
     * ids, missing data — is the engine's own validation.
     */
    static MatchingInstance instance(List<String> programmeForms, List<Questionnaire> people,
                                     Map<Long, MatchingPreferences.Wishes> wishes, List<PairRef> pinned,
                                     List<PairRef> forbidden) {
        Set<Long> menteeIds = new HashSet<>();
        Set<Long> mentorIds = new HashSet<>();
        people.forEach(q -> ("mentee".equals(q.role()) ? menteeIds : mentorIds).add(q.personId()));
        List<MatchingInstance.Mentee> mentees = new ArrayList<>();
        List<MatchingInstance.Mentor> mentors = new ArrayList<>();
        for (Questionnaire q : people) {
            String id = String.valueOf(q.personId());
            String form = programmeForms.stream().filter(q.forms()::contains).findFirst()
                    .orElse(q.forms().isEmpty() ? null : q.forms().get(0));
            MatchingPreferences.Wishes own = wishes.getOrDefault(q.personId(),
                    new MatchingPreferences.Wishes(List.of(), List.of()));
            if ("mentee".equals(q.role())) {
                mentees.add(new MatchingInstance.Mentee(id, q.fullName(), form, q.schoolClass(), q.experienceYears(),
                        q.subjects(), q.interests(), q.requests(), true, q.assessment().averageGrade(),
                        q.assessment().activity(), q.assessment().anxiety(), null, ids(own.preferred(), mentorIds),
                        ids(own.avoid(), mentorIds)));
            } else {
                mentors.add(new MatchingInstance.Mentor(id, q.fullName(), form, q.schoolClass(), q.experienceYears(),
                        q.subjects(), q.interests(), q.competencies(), true, q.assessment().averageGrade(),
                        q.assessment().activity(), q.assessment().anxiety(), q.capacity() == null ? 1 : q.capacity(),
                        ids(own.preferred(), menteeIds), ids(own.avoid(), menteeIds)));
            }
        }
        return new MatchingInstance(mentees, mentors, pairs(pinned), pairs(forbidden));
    }

    private static List<String> ids(List<Long> named, Set<Long> otherSide) {
        return named.stream().filter(otherSide::contains).map(String::valueOf).toList();
    }

    private static List<MatchingInstance.Pair> pairs(List<PairRef> refs) {
        if (refs == null) {
            return List.of();
        }
        return refs.stream().map(r -> r == null ? null
                : new MatchingInstance.Pair(r.menteeId(), r.mentorId())).toList();
    }
}
