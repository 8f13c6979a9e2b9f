package ru.nastavnik.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * A page reached without login through a one-time link (password, feedback): plain Russian HTML, never cached nor
 * framed, no scripts, and no referrer, since the secret is in the address.
 */
public final class PublicPage {

    private PublicPage() {
    }

    /** The page with an escaped title and a body of trusted HTML (escape values with {@link #esc}). */
    public static ResponseEntity<String> html(HttpStatus status, String title, String body) {
        String html = """
                <!DOCTYPE html>
                <html lang="ru"><head><meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s — Наставник</title>
                <style>body{font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em;line-height:1.4}
                .error{color:#b00020}.hint{color:#555;font-size:.9em}
                input:not([type=radio]),textarea{width:100%%;padding:.4em;font-size:1em;box-sizing:border-box}
                fieldset{border:none;padding:0;margin:0}button{padding:.5em 1.2em;font-size:1em}</style></head>
                <body><h1>%s</h1>
                %s
                </body></html>
                """.formatted(esc(title), esc(title), body);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                        + "frame-ancestors 'none'")
                .body(html);
    }

    /** The page for a personal link that does not open its form (see {@link PersonalLinks}). */
    public static ResponseEntity<String> linkRefused(PersonalLinks.State state, Instant expiresAt, ZoneId zone) {
        return switch (state) {
            case USED -> html(HttpStatus.CONFLICT, "Ответ уже получен",
                    "<p>По этой ссылке ответ уже отправлен, спасибо! Изменить его нельзя; если хотите что-то "
                            + "добавить, напишите куратору программы наставничества.</p>");
            case EXPIRED -> html(HttpStatus.GONE, "Срок действия ссылки истёк",
                    "<p class=\"error\">Ответы по этой ссылке принимались до "
                            + esc(LocalDate.ofInstant(expiresAt, zone).minusDays(1).format(SchoolClock.RUSSIAN_DATE))
                            + " включительно. Если вы хотите ответить, напишите куратору программы наставничества.</p>");
            default -> html(HttpStatus.NOT_FOUND, "Ссылка недействительна",
                    "<p class=\"error\">Проверьте, что ссылка скопирована из письма целиком. Если это не помогает, "
                            + "напишите куратору программы наставничества.</p>");
        };
    }

    /** The page after a personal link's answer was stored. */
    public static ResponseEntity<String> answerStored() {
        return html(HttpStatus.OK, "Спасибо!", "<p>Ответ сохранён. Спасибо, что нашли время ответить!</p>"
                + "<p class=\"hint\">Ссылка из письма больше не действует. Страницу можно закрыть.</p>");
    }

    /** A form's error messages as a list (empty when there are none). */
    public static String errorList(List<String> errors) {
        StringBuilder html = new StringBuilder();
        if (!errors.isEmpty()) {
            html.append("<ul class=\"error\">");
            errors.forEach(e -> html.append("<li>").append(esc(e)).append("</li>"));
            html.append("</ul>");
        }
        return html.toString();
    }

    public static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
