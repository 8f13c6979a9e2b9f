package ru.nastavnik.shared;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the product's HTML pages behind the Tasklist login from Thymeleaf templates under
 * {@code templates/pages/} (HTML mode: every {@code th:text} is escaped, so a name typed by someone stays text).
 * Its own engine, as {@code MailTemplates} has: Spring's web Thymeleaf stays off, so neither sees the other's
 * templates and no controller's answer is ever taken for a view name.
 */
@Component
public class PageTemplates {

    /** No scripts at all; styles only from the page itself; no framing. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    PageTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setResolvablePatterns(Set.of("pages/*"));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        engine.addTemplateResolver(resolver);
    }

    /** Pages with charts: scripts only from the app's own files (the ECharts webjar and the page's script). */
    static final String CSP_WITH_SCRIPTS = CSP.replace("default-src 'none';", "default-src 'none'; script-src 'self';");

    /** The page {@code templates/pages/<name>.html} with the model; the layout's {@code title} is required. */
    public ResponseEntity<String> render(HttpStatus status, String name, Map<String, ?> model) {
        return render(status, name, model, CSP);
    }

    /** As {@link #render}, for a page that loads the app's own scripts (no inline script runs). */
    public ResponseEntity<String> renderWithScripts(HttpStatus status, String name, Map<String, ?> model) {
        return render(status, name, model, CSP_WITH_SCRIPTS);
    }

    private ResponseEntity<String> render(HttpStatus status, String name, Map<String, ?> model, String csp) {
        String html = engine.process("pages/" + name, new Context(Locale.forLanguageTag("ru"), new HashMap<>(model)));
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", csp)
                .header("Referrer-Policy", "same-origin")
                .body(html);
    }

    /** A refusal or an error as a Russian page with a way back to Tasklist. */
    public ResponseEntity<String> problem(HttpStatus status, String message) {
        return render(status, "problem", Map.of("title", status.is4xxClientError() && status != HttpStatus.NOT_FOUND
                ? "Нет доступа" : status == HttpStatus.NOT_FOUND ? "Не найдено" : "Ошибка", "message", message));
    }
}
