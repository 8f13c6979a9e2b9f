package ru.nastavnik.account;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class AccountController {

    record AccountLink(String userId, String message) {
    }

    private final MentorAccounts accounts;

    AccountController(MentorAccounts accounts) {
        this.accounts = accounts;
    }

    /** Sends a mentor a new one-time link to set the password (and creates the account if they have none). */
    @PostMapping("/programmes/{id}/participants/{personId}/account-link")
    AccountLink accountLink(@PathVariable long id, @PathVariable long personId) {
        String userId = accounts.resendLink(id, personId);
        return new AccountLink(userId, "Ссылка для установки пароля отправлена наставнику по электронной почте");
    }
}
