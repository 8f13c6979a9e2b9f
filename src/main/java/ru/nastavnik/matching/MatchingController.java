package ru.nastavnik.matching;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;

/**
 * {@code POST /api/matching/solve}: a whole instance in, the proposal out. Stateless: nothing is stored, so a
 * municipality can run it on its own exports. Authenticated like the rest of /api.
 */
@RestController
@RequestMapping("/api/matching")
class MatchingController {

    private final MatchingEngine engine;
    private final CurrentUser currentUser;
    private final SolveGuard guard;

    MatchingController(MatchingEngine engine, CurrentUser currentUser, SolveGuard guard) {
        this.engine = engine;
        this.currentUser = currentUser;
        this.guard = guard;
    }

    /** The body is read by {@link SolveGuard}, within {@link MatchingLimits}, not by a message converter. */
    @PostMapping("/solve")
    MatchingProposal solve(HttpServletRequest request) {
        currentUser.requireAnyGroup(Groups.STAFF,
                "Подбирать пары могут куратор, заместитель директора, директор и координатор");
        MatchingInstance instance = guard.read(request);
        return guard.run(() -> engine.solve(instance));
    }
}
