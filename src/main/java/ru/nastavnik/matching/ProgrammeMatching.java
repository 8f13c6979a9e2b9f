package ru.nastavnik.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantDirectory.Questionnaire;
import ru.nastavnik.participant.ParticipantService;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.AuditLog;

/**
 * {@code POST /api/programmes/{id}/matching}: the engine run on the programme's stored questionnaires — mentees and
 * mentors (not candidates) with consent in force — their wishes from the group meeting ({@link MatchingPreferences})
 * and the curator's pinned and forbidden pairs from the body. Ids are person ids; the names of the stored people
 * come back in the proposal. The proposal itself is not stored. Also {@code PUT …/participants/{personId}/preferences}.
 */
@RestController
public class ProgrammeMatching {

    /** The curator's pairs, by person id. */
    record PairRef(String mentorId, String menteeId) {
    }

    /** The optional body. */
    record Request(List<PairRef> pinned, List<PairRef> forbidden) {
    }

    private final MatchingEngine engine;
    private final ParticipantDirectory directory;
    private final MatchingPreferences preferences;
    private final ProgrammeService programmes;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    ProgrammeMatching(MatchingEngine engine, ParticipantDirectory directory, MatchingPreferences preferences,
                      ProgrammeService programmes, CurrentUser currentUser, AuditLog audit) {
        this.engine = engine;
        this.directory = directory;
        this.preferences = preferences;
        this.programmes = programmes;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @PostMapping("/api/programmes/{id}/matching")
    MatchingProposal propose(@PathVariable long id, @RequestBody(required = false) Request request) {
        currentUser.requireAnyGroup(ParticipantService.PERSONAL_DATA_READERS,
                "Подбирать пары могут куратор, заместитель директора, директор и координатор");
        Programme programme = programmes.get(id);
        MatchingInstance instance = instance(programme.forms(), directory.questionnaires(id), preferences.all(id),
                request == null ? null : request.pinned(), request == null ? null : request.forbidden());
        MatchingProposal proposal = engine.solve(instance);
        audit.record(currentUser.id(), "matching.proposed", id, null, "mentees=" + proposal.totals().mentees()
                + " matched=" + proposal.totals().matched() + " score=" + proposal.totals().score());
        return proposal;
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
        MatchingProposal proposal = engine.solve(instance(programmes.get(programmeId).forms(),
                people.stream().filter(q -> involved.contains(q.personId())).toList(), preferences.all(programmeId),
                pins, null));
        return proposal.groups().get(0);
    }

    /** Replaces a participant's wishes from the group meeting: {@code {"preferred": [ids, best first], "avoid": [ids]}}. */
    @PutMapping("/api/programmes/{id}/participants/{personId}/preferences")
    MatchingPreferences.Wishes preferences(@PathVariable long id, @PathVariable long personId,
                                           @RequestBody(required = false) MatchingPreferences.Wishes wishes) {
        currentUser.requireAnyGroup(ParticipantService.EDITORS,
                "Пожелания участников записывают куратор, заместитель директора или директор");
        programmes.get(id);
        MatchingPreferences.Wishes stored = preferences.replace(id, personId, wishes);
        audit.record(currentUser.id(), "matching.preferences-set", id, personId,
                "preferred=" + stored.preferred().size() + " avoid=" + stored.avoid().size());
        return stored;
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
