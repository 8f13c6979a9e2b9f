package ru.nastavnik.pair;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.participant.ParticipantService;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.AuditLog;

/**
 * The pairs of a programme for staff: the list (its ids are what a replacement request names), a request for another
 * mentor entered by staff for a mentee (mentees have no account), and the early end of a pair.
 */
@RestController
class PairController {

    record ReplacementRequest(String requestedBy, Long menteeId, String reason) {
    }

    record EndRequest(String reason) {
    }

    private final Pairs pairs;
    private final MentorReplacement replacement;
    private final PairEnding ending;
    private final ProgrammeService programmes;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    PairController(Pairs pairs, MentorReplacement replacement, PairEnding ending, ProgrammeService programmes,
                   CurrentUser currentUser, AuditLog audit) {
        this.pairs = pairs;
        this.replacement = replacement;
        this.ending = ending;
        this.programmes = programmes;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @GetMapping("/api/programmes/{id}/pairs")
    List<Pair> list(@PathVariable long id) {
        currentUser.requireAnyGroup(ParticipantService.PERSONAL_DATA_READERS,
                "Пары программы видят куратор, заместитель директора, директор и координатор");
        programmes.get(id);
        audit.record(currentUser.id(), "pairs.listed", id, null, null);
        return pairs.list(id);
    }

    @PostMapping("/api/pairs/{pairId}/replacement-requests")
    ResponseEntity<Map<String, Object>> requestReplacement(@PathVariable long pairId,
                                                           @RequestBody(required = false) ReplacementRequest body) {
        currentUser.requireAnyGroup(ParticipantService.EDITORS,
                "Просьбу о замене наставника оформляют куратор, заместитель директора или директор");
        ReplacementRequest request = body == null ? new ReplacementRequest(null, null, null) : body;
        String processInstanceId = replacement.request(pairId, request.requestedBy(), request.menteeId(),
                request.reason(), currentUser.id());
        return ResponseEntity.created(URI.create("/api/pairs/" + pairId))
                .body(Map.of("pairId", pairId, "processInstanceId", processInstanceId));
    }

    @PostMapping("/api/pairs/{pairId}/end")
    Pair end(@PathVariable long pairId, @RequestBody(required = false) EndRequest body) {
        currentUser.requireAnyGroup(ParticipantService.EDITORS,
                "Досрочно завершают работу пары куратор, заместитель директора или директор");
        return ending.end(pairId, body == null ? null : body.reason(), currentUser.id());
    }
}
