package ru.nastavnik.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;

/**
 * {@code GET /api/mail/problems?days=7}: the mail that could not be delivered, for the programme's managers: an
 * administrator reads all of it, the staff of a school (its groups, {@code curator.s12}) their schools' only.
 */
@RestController
class MailProblemsController {

    private final MailProblems problems;
    private final CurrentUser currentUser;

    MailProblemsController(MailProblems problems, CurrentUser currentUser) {
        this.problems = problems;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/mail/problems")
    List<MailProblems.Problem> list(@RequestParam(defaultValue = "7") int days) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_MANAGERS,
                "Недоставленные письма видят куратор, заместитель директора и директор");
        Duration past = Duration.ofDays(Math.max(1, Math.min(days, 366)));
        return currentUser.inAnyGroup(List.of(Groups.ADMIN)) ? problems.sinceAnywhere(past)
                : problems.since(past, currentUser.groups().stream().map(Groups::schoolOf).flatMap(Optional::stream)
                        .collect(Collectors.toSet()));
    }
}
