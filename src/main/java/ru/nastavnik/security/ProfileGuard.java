package ru.nastavnik.security;

import java.util.Objects;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.nastavnik.shared.InputText;

/**
 * Only staff change a person's name or email: notifications go to that address, so a mentor who could change
 * their own would redirect them. Camunda gives every user full rights on their own profile; a mentor keeps the
 * right to change their password.
 */
class ProfileGuard extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ProfileGuard.class);
    private static final CommandField<User> USER = CommandField.of(SaveUserCmd.class, "user", User.class);

    static final String REFUSAL = "Имя, фамилию и адрес почты наставника меняет куратор программы";

    private final IdentityService identity;

    ProfileGuard(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof SaveUserCmd save && Context.getCommandContext() == null) {
            check(save);
        }
        return next.execute(command);
    }

    private void check(SaveUserCmd save) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null || current.getGroupIds() != null
                && current.getGroupIds().stream().anyMatch(Groups.STAFF::contains)) {
            return;
        }
        User changed = USER.read(save);
        User stored = identity.createUserQuery().userId(changed.getId()).singleResult();
        if (stored != null && !(Objects.equals(stored.getFirstName(), changed.getFirstName())
                && Objects.equals(stored.getLastName(), changed.getLastName())
                && Objects.equals(stored.getEmail(), changed.getEmail()))) {
            log.warn("Refused profile change of user '{}' by '{}'", InputText.forLog(changed.getId()),
                    InputText.forLog(current.getUserId()));
            throw new BadUserRequestException(REFUSAL);
        }
    }
}
