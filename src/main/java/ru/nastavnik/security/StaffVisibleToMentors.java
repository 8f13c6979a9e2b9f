package ru.nastavnik.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Mentors see only the people they work with: themselves (Camunda's owner authorization) and the school's
 * staff, never the list of all users with their emails (other mentors, pupil mentors among them). Whoever joins
 * a staff group, by the admin webapp, the demo or the product, becomes readable to the mentor group.
 */
class StaffVisibleToMentors extends CommandInterceptor {


    private static final CommandField<String> USER_ID = CommandField.of(CreateMembershipCmd.class, "userId", String.class);
    private static final CommandField<String> GROUP_ID = CommandField.of(CreateMembershipCmd.class, "groupId", String.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    StaffVisibleToMentors(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @Override
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (command instanceof CreateMembershipCmd membership && Context.getCommandContext() == null
                && Groups.SCHOOL_STAFF.contains(GROUP_ID.read(membership))) {
            // The one adding the member may not administer authorizations; this grant follows from their act.
            Authentication actor = identity.getCurrentAuthentication();
            identity.clearAuthentication();
            try {
                grant(authorizations, USER_ID.read(membership));
            } finally {
                if (actor != null) {
                    identity.setAuthentication(actor);
                }
            }
        }
        return result;
    }

    /** Lets the mentor group read one user; idempotent. */
    static void grant(AuthorizationService authorizations, String userId) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(Groups.MENTOR)
                .resourceType(Resources.USER).resourceId(userId).singleResult();
        if (existing != null && existing.isPermissionGranted(Permissions.READ)) {
            return;
        }
        Authorization read = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        read.setGroupId(Groups.MENTOR);
        read.setResource(Resources.USER);
        read.setResourceId(userId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
