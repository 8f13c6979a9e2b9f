package ru.nastavnik.notification;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ValidationException;

/**
 * {@code GET|PUT /api/me/mail-digest}: whether I read task reminders as one daily digest ({@code daily}) or each
 * as it comes ({@code each}); {@code default} follows {@code nastavnik.mail.digest}.
 */
@RestController
class MailDigestController {

    private final MailDigest digest;
    private final CurrentUser currentUser;

    MailDigestController(MailDigest digest, CurrentUser currentUser) {
        this.digest = digest;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/me/mail-digest")
    Map<String, Object> get() {
        return Map.of("digest", digest.choice(currentUser.id()), "daily", digest.wants(currentUser.id()));
    }

    @PutMapping("/api/me/mail-digest")
    Map<String, Object> put(@RequestBody Map<String, String> body) {
        String choice = body.get("digest");
        if (!MailDigest.CHOICES.contains(choice)) {
            throw new ValidationException("digest", "Укажите «daily» (одно письмо в день), «each» (каждое "
                    + "напоминание отдельно) или «default» (как настроено для вашей роли)");
        }
        digest.choose(currentUser.id(), choice);
        return get();
    }
}
