package ru.nastavnik.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email of one kind from its two Thymeleaf templates under {@code templates/mail/}: {@code <kind>.txt}
 * (TEXT mode; its first line is the subject, then an empty line, then the body) and {@code <kind>.html} (HTML mode,
 * escaped: a name or a reason typed by someone never becomes markup), which puts its {@code <main>} into the
 * common layout {@code layout.html} with the signature. The engine is the mail's own, with its own resolvers, so
 * that it neither sees nor changes the web app's view resolution.
 */
@Component
public class MailTemplates {

    static final String SIGNATURE = "Это письмо отправлено автоматически системой «Наставник».";
    /** The model's school name: when given, the subject must name it (the guard catches a template that forgets). */
    public static final String SCHOOL = "school";

    /** Spring's flavour: expressions are SpEL, as in the rest of the app. */
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "mail/*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "mail/*.html", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The subject, text and HTML of an email of {@code kind} (e.g. «task-reminder») about {@code model}. */
    public MailContent render(String kind, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("signature", SIGNATURE);
        String rendered = engine.process("mail/" + kind + ".txt", new Context(Locale.forLanguageTag("ru"), variables));
        int split = rendered.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalStateException("Template mail/" + kind + ".txt: the subject line and an empty line first");
        }
        String subject = rendered.substring(0, split).strip().replaceAll("\\s+", " ");
        Object school = model.get(SCHOOL);
        if (school != null && !subject.contains(school.toString())) {
            throw new IllegalStateException("Template mail/" + kind + ".txt: the subject must name the school");
        }
        variables.put("subject", subject);
        String text = rendered.substring(split + 2).strip() + "\n\n" + SIGNATURE;
        String html = engine.process("mail/" + kind + ".html", new Context(Locale.forLanguageTag("ru"), variables));
        return new MailContent(subject, text, html, null);
    }
}
