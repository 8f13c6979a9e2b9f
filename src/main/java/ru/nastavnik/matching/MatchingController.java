package ru.nastavnik.matching;

import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    static final List<String> STAFF = List.of(Groups.CURATOR, Groups.DEPUTY_DIRECTOR, Groups.DIRECTOR,
            Groups.COORDINATOR, Groups.ADMIN);

    private final MatchingEngine engine;
    private final CurrentUser currentUser;

    MatchingController(MatchingEngine engine, CurrentUser currentUser) {
        this.engine = engine;
        this.currentUser = currentUser;
    }

    @PostMapping("/solve")
    MatchingProposal solve(@RequestBody MatchingInstance instance) {
        currentUser.requireAnyGroup(STAFF, "Подбирать пары могут куратор, заместитель директора, директор и координатор");
        return engine.solve(instance);
    }
}
