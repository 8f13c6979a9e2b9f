package ru.nastavnik.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantRole;
import ru.nastavnik.participant.ParticipantWithdrawn;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;

/**
 * Camunda accounts of mentors. A participant who becomes a mentor gets a user in the group {@code mentor}, so that
 * their tasks reach them, and an email with a one-time link to set the first password (no password is ever
 * mailed). One account per person, kept for later programmes; it is deleted when the person withdraws the last
 * consent in force.
 */
@Service
public class MentorAccounts {

    private static final Logger log = LoggerFactory.getLogger(MentorAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final SystemAuthentication system;
    private final ParticipantDirectory directory;
    private final ProgrammeService programmes;
    private final PasswordLinks links;
    private final MailNotifier mail;
    private final MailTemplates templates;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final SchoolClock clock;
    private final PublicUrl publicUrl;

    MentorAccounts(JdbcClient jdbc, IdentityService identity, SystemAuthentication system,
                   ParticipantDirectory directory, ProgrammeService programmes, PasswordLinks links, MailNotifier mail, MailTemplates templates,
                   AuditLog audit, CurrentUser currentUser, SchoolClock clock,
                   PublicUrl publicUrl) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.system = system;
        this.directory = directory;
        this.programmes = programmes;
        this.links = links;
        this.mail = mail;
        this.templates = templates;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** The login of the person's account, if they have one. */
    public Optional<String> userId(long personId) {
        return jdbc.sql("select user_id from mentor_account where person_id = :person").param("person", personId)
                .query(String.class).optional();
    }

    /**
     * Gives a mentor of the programme their account: creates the user (group {@code mentor}) and mails the link to
     * set the password; a person who has an account from an earlier programme only gets the group back.
     * Called by the process as the system. Returns the login.
     */
    @Transactional
    public String grant(long programmeId, long personId) {
        ParticipantDirectory.Contact contact = mentor(programmeId, personId);
        Optional<String> existing = userId(personId);
        if (existing.isPresent()) {
            String userId = existing.get();
            system.run(() -> {
                if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.MENTOR).count() == 0) {
                    identity.createMembership(userId, Groups.MENTOR);
                }
            });
            return userId;
        }
        String userId = system.call(() -> {
            String id = AccountIds.derive(contact.fullName(), contact.email(),
                    candidate -> identity.createUserQuery().userId(candidate).count() > 0
                            || identity.createGroupQuery().groupId(candidate).count() > 0);
            String[] parts = contact.fullName().trim().split("\\s+", 2);
            User user = identity.newUser(id);
            user.setLastName(parts[0]);
            user.setFirstName(parts.length > 1 ? parts[1] : "");
            user.setEmail(contact.email());
            // Nobody knows this password: the mentor sets their own through the link.
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            user.setPassword(Base64.getEncoder().encodeToString(secret));
            identity.saveUser(user);
            identity.createMembership(id, Groups.MENTOR);
            return id;
        });
        jdbc.sql("insert into mentor_account (person_id, user_id, created_at) values (:person, :user, :now)")
                .param("person", personId).param("user", userId).param("now", Timestamp.from(clock.now())).update();
        sendLink(programmeId, contact, userId, true);
        audit.record(currentUser.id(), "mentor-account.created", programmeId, personId, "user=" + userId);
        log.info("Mentor account {} created for person {} of programme {}", userId, personId, programmeId);
        return userId;
    }

    /**
     * Links a person to a Camunda user made outside the product (the demo's mentor logins), so that {@link #grant}
     * keeps that login when the person becomes a mentor instead of creating one. Nothing happens, and false is
     * answered, when the user does not exist or the person or the user is linked already.
     */
    @Transactional
    public boolean link(long personId, String userId) {
        boolean exists = system.call(() -> identity.createUserQuery().userId(userId).count() > 0);
        boolean linked = jdbc.sql("select count(*) from mentor_account where person_id = :person or user_id = :user")
                .param("person", personId).param("user", userId).query(Long.class).single() > 0;
        if (!exists || linked) {
            return false;
        }
        jdbc.sql("insert into mentor_account (person_id, user_id, created_at) values (:person, :user, :now)")
                .param("person", personId).param("user", userId).param("now", Timestamp.from(clock.now())).update();
        audit.record(currentUser.id(), "mentor-account.linked", null, personId, "user=" + userId);
        return true;
    }

    /**
     * A new link for a mentor (e.g. the first one expired): the curator, deputy director or director asks for it;
     * older links stop working. Creates the account when the mentor has none yet.
     */
    @Transactional
    public String resendLink(long programmeId, long personId) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_LEADERS,
                "Ссылку для входа наставнику высылают куратор, заместитель директора или директор");
        ParticipantDirectory.Contact contact = mentor(programmeId, personId);
        Optional<String> existing = userId(personId);
        if (existing.isEmpty()) {
            return grant(programmeId, personId);
        }
        sendLink(programmeId, contact, existing.get(), false);
        audit.record(currentUser.id(), "mentor-account.link-sent", programmeId, personId, "user=" + existing.get());
        return existing.get();
    }

    /** A withdrawn consent ends the account, unless the person keeps a consent in another programme. */
    @EventListener
    public void withdrawn(ParticipantWithdrawn event) {
        Optional<String> account = userId(event.personId());
        if (account.isEmpty() || directory.consentInForceAnywhere(event.personId())) {
            return;
        }
        String userId = account.get();
        system.run(() -> identity.deleteUser(userId));
        links.forget(userId);
        jdbc.sql("delete from mentor_account where person_id = :person").param("person", event.personId()).update();
        audit.record(event.actor(), "mentor-account.deleted", event.programmeId(), event.personId(), "user=" + userId);
        log.info("Mentor account {} deleted after the withdrawal of person {}", userId, event.personId());
    }

    private ParticipantDirectory.Contact mentor(long programmeId, long personId) {
        ParticipantDirectory.Contact contact = directory.contact(programmeId, personId).orElseThrow(() ->
                ApiException.notFound("Участник " + personId + " не найден в программе " + programmeId));
        if (!contact.consentInForce()) {
            throw ApiException.conflict("Участник отозвал согласие на обработку персональных данных: учётная запись "
                    + "не создаётся");
        }
        if (!ParticipantRole.MENTOR.code().equals(contact.role())) {
            throw ApiException.conflict("Учётную запись получает только наставник программы (после отбора и обучения)");
        }
        if (contact.email() == null) {
            throw ApiException.conflict("У наставника нет адреса электронной почты: добавьте его в карточке участника");
        }
        return contact;
    }

    private void sendLink(long programmeId, ParticipantDirectory.Contact contact, String userId, boolean first) {
        String token = links.issue(userId);
        Programme programme = programmes.get(programmeId);
        String[] parts = contact.fullName().trim().split("\\s+", 2);
        String name = parts.length > 1 ? parts[1] : parts[0];
        long hours = links.lifetime().toHours();
        mail.sendAtOnce(MailAbout.each("account:" + userId, "password-link").inProgramme(programmeId),
                List.of(contact.email()),
                templates.render("account-link", Map.of("name", name, "first", first, "school", programme.schoolName(),
                        "year", programme.schoolYear(), "login", userId, "hours", hours,
                        "link", publicUrl.of("/account/password?token=" + token),
                        "tasklist", publicUrl.tasklist())));
    }
}
