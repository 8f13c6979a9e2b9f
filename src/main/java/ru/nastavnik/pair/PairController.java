package ru.nastavnik.pair;

import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;

/**
 * Changes to a pair by staff: a request for another mentor entered for a mentee (mentees have no account), and the
 * early end of a pair. The list of pairs, whose ids these name, is {@link PairOverviewController}'s.
 */
@RestController
class PairController {

    record ReplacementRequest(String requestedBy, Long menteeId, String reason) {
    }

    record EndRequest(String reason) {
    }

    private final MentorReplacement replacement;
    private final PairEnding ending;
    private final CurrentUser currentUser;

    PairController(MentorReplacement replacement, PairEnding ending, CurrentUser currentUser) {
        this.replacement = replacement;
        this.ending = ending;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/pairs/{pairId}/replacement-requests")
    ResponseEntity<Map<String, Object>> requestReplacement(@PathVariable long pairId,
                                                           @RequestBody(required = false) ReplacementRequest body) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_LEADERS,
                "Просьбу о замене наставника оформляют куратор, заместитель директора или директор");
        ReplacementRequest request = body == null ? new ReplacementRequest(null, null, null) : body;
        String processInstanceId = replacement.request(pairId, request.requestedBy(), request.menteeId(),
                request.reason(), currentUser.id());
        return ResponseEntity.created(URI.create("/api/pairs/" + pairId))
                .body(Map.of("pairId", pairId, "processInstanceId", processInstanceId));
    }

    @PostMapping("/api/pairs/{pairId}/end")
    Pair end(@PathVariable long pairId, @RequestBody(required = false) EndRequest body) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_LEADERS,
                "Досрочно завершают работу пары куратор, заместитель директора или директор");
        return ending.end(pairId, body == null ? null : body.reason(), currentUser.id());
    }
}
