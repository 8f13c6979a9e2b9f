package ru.nastavnik.matching;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.matching.ProgrammeMatching.PairRef;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.AuditLog;

/**
 * {@code POST /api/programmes/{id}/matching}: the proposal for the programme's stored participants
 * ({@link ProgrammeMatching}) with the curator's pinned and forbidden pairs from the body. The proposal itself is not
 * stored. Also {@code PUT …/participants/{personId}/preferences}.
 */
@RestController
class ProgrammeMatchingController {

    /** The optional body. */
    record Request(List<PairRef> pinned, List<PairRef> forbidden) {
    }

    private final ProgrammeMatching matching;
    private final MatchingPreferences preferences;
    private final ProgrammeService programmes;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    ProgrammeMatchingController(ProgrammeMatching matching, MatchingPreferences preferences,
                                ProgrammeService programmes, CurrentUser currentUser, AuditLog audit) {
        this.matching = matching;
        this.preferences = preferences;
        this.programmes = programmes;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @PostMapping("/api/programmes/{id}/matching")
    MatchingProposal propose(@PathVariable long id, @RequestBody(required = false) Request request) {
        currentUser.requireAnyGroup(Groups.SCHOOL_STAFF,
                "Подбирать пары могут куратор, заместитель директора, директор и координатор");
        MatchingProposal proposal = matching.propose(matching.instance(id, request == null ? null : request.pinned(),
                request == null ? null : request.forbidden()));
        audit.record(currentUser.id(), "matching.proposed", id, null, "mentees=" + proposal.totals().mentees()
                + " matched=" + proposal.totals().matched() + " score=" + proposal.totals().score());
        return proposal;
    }

    /** Replaces a participant's wishes from the group meeting: {@code {"preferred": [ids, best first], "avoid": [ids]}}. */
    @PutMapping("/api/programmes/{id}/participants/{personId}/preferences")
    MatchingPreferences.Wishes preferences(@PathVariable long id, @PathVariable long personId,
                                           @RequestBody(required = false) MatchingPreferences.Wishes wishes) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_LEADERS,
                "Пожелания участников записывают куратор, заместитель директора или директор");
        programmes.get(id);
        MatchingPreferences.Wishes stored = preferences.replace(id, personId, wishes);
        audit.record(currentUser.id(), "matching.preferences-set", id, personId,
                "preferred=" + stored.preferred().size() + " avoid=" + stored.avoid().size());
        return stored;
    }
}
