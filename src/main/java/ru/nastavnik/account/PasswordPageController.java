package ru.nastavnik.account;

import static ru.nastavnik.shared.PublicPage.esc;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.PublicPage;
import ru.nastavnik.shared.PublicUrl;

/**
 * A public page of the product (like the feedback page): a mentor sets the first password through the
 * one-time link from their email. No login; the token is the only key, and it opens nothing but this form.
 * Outside /api, so {@code ApiAuthenticationFilter} does not apply; see {@link PublicPage} for how the pages are
 * served.
 */
@RestController
class PasswordPageController {

    static final String PATH = "/account/password";
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private static final Logger log = LoggerFactory.getLogger(PasswordPageController.class);

    private final PasswordLinks links;
    private final IdentityService identity;
    private final SystemAuthentication system;
    private final AuditLog audit;
    private final PublicUrl publicUrl;

    PasswordPageController(PasswordLinks links, IdentityService identity, SystemAuthentication system, AuditLog audit,
                           PublicUrl publicUrl) {
        this.links = links;
        this.identity = identity;
        this.system = system;
        this.audit = audit;
        this.publicUrl = publicUrl;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(@RequestParam(required = false) String token) {
        PasswordLinks.Check check = links.check(token);
        if (check.state() != PasswordLinks.State.VALID) {
            return refused(check.state());
        }
        return PublicPage.html(HttpStatus.OK, "Задайте пароль", form(token, check.userId(), List.of()));
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    @Transactional
    public ResponseEntity<String> set(@RequestParam(required = false) String token,
                                      @RequestParam(required = false) String password,
                                      @RequestParam(required = false) String repeat) {
        PasswordLinks.Check check = links.check(token);
        if (check.state() != PasswordLinks.State.VALID) {
            return refused(check.state());
        }
        List<String> errors = rules(check.userId(), password, repeat);
        if (!errors.isEmpty()) {
            return PublicPage.html(HttpStatus.BAD_REQUEST, "Задайте пароль", form(token, check.userId(), errors));
        }
        if (!links.burn(token)) {
            return refused(PasswordLinks.State.USED);
        }
        boolean saved = system.call(() -> {
            User user = identity.createUserQuery().userId(check.userId()).singleResult();
            if (user == null) {
                return false;
            }
            user.setPassword(password);
            identity.saveUser(user);
            identity.unlockUser(user.getId());
            return true;
        });
        if (!saved) {
            return refused(PasswordLinks.State.UNKNOWN);
        }
        audit.record(check.userId(), "mentor-account.password-set", null, null, null);
        log.info("Password set through a one-time link for user {}", check.userId());
        return PublicPage.html(HttpStatus.OK, "Пароль сохранён", """
                <p>Пароль сохранён. Ссылка из письма больше не действует.</p>
                <p>Войдите в <a href="%s">Tasklist</a> с логином <b>%s</b> и новым паролем.</p>
                """.formatted(esc(publicUrl.of("/camunda/app/tasklist/")), esc(check.userId())));
    }

    static List<String> rules(String userId, String password, String repeat) {
        List<String> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add("Введите пароль");
            return errors;
        }
        if (password.length() < MIN_LENGTH) {
            errors.add("Пароль слишком короткий: нужно не меньше " + MIN_LENGTH + " символов");
        }
        if (password.length() > MAX_LENGTH) {
            errors.add("Пароль слишком длинный: не больше " + MAX_LENGTH + " символов");
        }
        if (!password.equals(password.strip())) {
            errors.add("Пароль не должен начинаться или заканчиваться пробелом");
        }
        if (password.toLowerCase().contains(userId.toLowerCase())) {
            errors.add("Пароль не должен содержать логин");
        }
        if (password.chars().distinct().count() < 4) {
            errors.add("Пароль слишком простой: используйте разные символы");
        }
        if (!password.equals(repeat)) {
            errors.add("Пароли не совпадают: введите один и тот же пароль дважды");
        }
        return errors;
    }

    private ResponseEntity<String> refused(PasswordLinks.State state) {
        String text = switch (state) {
            case USED -> "Эта ссылка уже использована: пароль по ней задан. Если вы забыли пароль, попросите куратора "
                    + "программы выслать новую ссылку.";
            case EXPIRED -> "Срок действия ссылки истёк. Попросите куратора программы выслать новую ссылку.";
            default -> "Ссылка недействительна: проверьте, что она скопирована из письма целиком, или попросите "
                    + "куратора программы выслать новую.";
        };
        return PublicPage.html(state == PasswordLinks.State.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE,
                "Ссылка не действует", "<p class=\"error\">" + esc(text) + "</p>");
    }

    private static String form(String token, String userId, List<String> errors) {
        StringBuilder html = new StringBuilder();
        html.append("<p>Логин: <b>").append(esc(userId)).append("</b></p>");
        if (!errors.isEmpty()) {
            html.append("<ul class=\"error\">");
            errors.forEach(e -> html.append("<li>").append(esc(e)).append("</li>"));
            html.append("</ul>");
        }
        html.append("""
                <form method="post" action="%s">
                  <input type="hidden" name="token" value="%s">
                  <p><label>Новый пароль (не меньше %d символов)<br>
                    <input type="password" name="password" autocomplete="new-password" required minlength="%d"
                           maxlength="%d"></label></p>
                  <p><label>Повторите пароль<br>
                    <input type="password" name="repeat" autocomplete="new-password" required></label></p>
                  <p><button type="submit">Сохранить пароль</button></p>
                </form>
                <p class="hint">Ссылка действует один раз. Пароль никто, кроме вас, не узнает: он хранится только
                  в виде хеша.</p>
                """.formatted(PATH, esc(token), MIN_LENGTH, MIN_LENGTH, MAX_LENGTH));
        return html.toString();
    }
}
