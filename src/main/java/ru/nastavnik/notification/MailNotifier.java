package ru.nastavnik.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the product's emails (Russian, plain text) through Spring Mail, each ending with the one signature that says
 * the mail is automatic, so that no caller writes it again. In mode "log" (the demo without an
 * SMTP server) the mail is written to the log instead. A failed send throws, so a timer job that sends it is
 * retried by the engine and shows up as an incident in Cockpit if it keeps failing.
 */
@Component
public class MailNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);
    static final String SIGNATURE = "Это письмо отправлено автоматически системой «Наставник».";

    private final JavaMailSender sender;
    private final String from;
    private final boolean logOnly;

    public MailNotifier(JavaMailSender sender, @Value("${nastavnik.mail.from}") String from,
                        @Value("${nastavnik.mail.mode:smtp}") String mode) {
        this.sender = sender;
        this.from = from;
        this.logOnly = "log".equalsIgnoreCase(mode);
    }

    public void send(Collection<String> to, Collection<String> cc, String subject, String text) {
        String body = text.stripTrailing() + "\n\n" + SIGNATURE;
        if (to.isEmpty()) {
            log.warn("Mail '{}' has no recipient with an email address; not sent", subject);
            return;
        }
        if (logOnly) {
            log.info("Mail (mode=log, not sent) to {} cc {}: {}\n{}", to, cc, subject, body);
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.toArray(String[]::new));
            if (!cc.isEmpty()) {
                helper.setCc(cc.toArray(String[]::new));
            }
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
            log.info("Mail sent to {} cc {}: {}", to, cc, subject);
        } catch (MessagingException e) {
            throw new MailSendException("Cannot build mail '" + subject + "'", e);
        }
    }
}
