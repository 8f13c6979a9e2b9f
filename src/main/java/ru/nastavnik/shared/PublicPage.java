package ru.nastavnik.shared;

import java.nio.charset.StandardCharsets;
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

    public static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
