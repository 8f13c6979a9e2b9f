package ru.nastavnik.notification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;

/**
 * One email a day with every task reminder instead of one per task, for people with many tasks. Who reads a digest:
 * the user's own choice (Camunda user info {@value #USER_SETTING} = {@code daily} or {@code each}, set through
 * {@code PUT /api/me/mail-digest}), else {@code nastavnik.mail.digest} ({@code staff} by default). Escalations and every
 * other mail still go out at once: they ask for action now.
 */
@Component
public class MailDigest {

    private static final Logger log = LoggerFactory.getLogger(MailDigest.class);

    /** The Camunda user info key of a person's own choice: {@code daily} or {@code each}. */
    public static final String USER_SETTING = "mailDigest";


    private final MailOutbox outbox;
    private final MailNotifier mail;
    private final MailTemplates templates;
    private final MailSettings settings;
    private final IdentityService identity;
    private final PublicUrl publicUrl;
    private final SchoolClock clock;

    MailDigest(MailOutbox outbox, MailNotifier mail, MailTemplates templates, MailSettings settings,
               IdentityService identity, PublicUrl publicUrl, SchoolClock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.templates = templates;
        this.settings = settings;
        this.identity = identity;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** What a person may choose: the digest, each reminder, or what their role gets by default. */
    static final List<String> CHOICES = List.of("daily", "each", "default");

    /** The person's own choice, or «default». */
    String choice(String userId) {
        String own = identity.getUserInfo(userId, USER_SETTING);
        return "daily".equals(own) || "each".equals(own) ? own : "default";
    }

    void choose(String userId, String choice) {
        if ("default".equals(choice)) {
            identity.deleteUserInfo(userId, USER_SETTING);
        } else {
            identity.setUserInfo(userId, USER_SETTING, choice);
        }
        log.info("User '{}' chose mail digest '{}'", userId, choice);
    }

    /** Whether this user reads task reminders in the daily digest. */
    public boolean wants(String userId) {
        String own = choice(userId);
        if (!"default".equals(own)) {
            return "daily".equals(own);
        }
        return switch (settings.digest()) {
            case "all" -> true;
            case "none" -> false;
            default -> identity.createGroupQuery().groupMember(userId).list().stream()
                    .anyMatch(group -> Groups.SCHOOL_STAFF.contains(group.getId()));
        };
    }

    /** Sends each person's digest of their held reminders (one mail each, once a day); returns how many. */
    @Transactional
    public int sendDigests() {
        Map<String, List<MailOutbox.HeldMail>> byPerson = new LinkedHashMap<>();
        outbox.held().forEach(held -> byPerson.computeIfAbsent(held.to(), to -> new ArrayList<>()).add(held));
        LocalDate today = clock.today();
        for (Map.Entry<String, List<MailOutbox.HeldMail>> person : byPerson.entrySet()) {
            List<Map<String, String>> items = person.getValue().stream()
                    .map(held -> Map.of("subject", held.subject(), "link", link(held.about()))).toList();
            MailContent digest = templates.render("task-digest", Map.of("day", today.format(SchoolClock.RUSSIAN_DATE),
                    "items", items, "tasklist", publicUrl.tasklist()));
            // One digest per person and hour: two nodes running the schedule queue it once (the same key).
            mail.send(new MailAbout("digest:" + clock.now().atZone(clock.zone()).truncatedTo(ChronoUnit.HOURS)
                    .toLocalDateTime(), "digest"), List.of(person.getKey()), List.of(), digest);
            outbox.digested(person.getValue().stream().map(MailOutbox.HeldMail::id).toList());
        }
        if (!byPerson.isEmpty()) {
            log.info("Digest of task reminders queued for {} people", byPerson.size());
        }
        return byPerson.size();
    }

    private String link(String about) {
        return about.startsWith("task:") ? publicUrl.task(about.substring("task:".length())) : publicUrl.tasklist();
    }
}
