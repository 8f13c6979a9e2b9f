package ru.nastavnik.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, on every start, that the product's roles exist as Camunda groups with what each may do, and that
 * Tasklist has the shared filters. Idempotent: a second node or a restart changes nothing.
 */
@Component
public class AccessSetup {

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

    public static final String FILTER_MY_TASKS = "Мои задачи";
    public static final String FILTER_GROUP_TASKS = "Задачи моей группы";
    public static final String FILTER_OFFERED_TO_ME = "Предложены мне";
    public static final String FILTER_OVERDUE = "Просроченные";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final TasklistFilters filters;
    private final TaskService taskService;
    private final List<StaffStartedProcess> staffStarted;

    public AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
                       TasklistFilters filters, TaskService taskService, List<StaffStartedProcess> staffStarted) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filters = filters;
        this.taskService = taskService;
        this.staffStarted = staffStarted;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void ensure() {
        for (String groupId : Groups.ALL) {
            ensureGroup(groupId);
            grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            if (!Groups.MENTOR.equals(groupId)) {
                grant(groupId, Resources.USER, "*", Permissions.READ);
            }
            grant(groupId, Resources.GROUP, "*", Permissions.READ);
        }
        for (String starter : Groups.PROGRAMME_LEADERS) {
            for (StaffStartedProcess process : staffStarted) {
                grant(starter, Resources.PROCESS_DEFINITION, process.processId(), Permissions.CREATE_INSTANCE);
            }
            grant(starter, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
        mentorsSeeOnlyStaff();
        ensureFilters();
    }

    /** Earlier versions let mentors read every user; now they read staff only (see StaffVisibleToMentors). */
    private void mentorsSeeOnlyStaff() {
        authorizationService.createAuthorizationQuery().groupIdIn(Groups.MENTOR).resourceType(Resources.USER)
                .resourceId("*").list().forEach(auth -> authorizationService.deleteAuthorization(auth.getId()));
        for (String staffGroup : Groups.SCHOOL_STAFF) {
            identityService.createUserQuery().memberOfGroup(staffGroup).list()
                    .forEach(user -> StaffVisibleToMentors.grant(authorizationService, user.getId()));
        }
    }

    private void ensureGroup(String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(Groups.russianName(groupId));
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
        log.info("Created group {}", groupId);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null && existing.isPermissionGranted(permission)) {
            return;
        }
        Authorization auth = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setGroupId(groupId);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        auth.addPermission(permission);
        authorizationService.saveAuthorization(auth);
    }

    private void ensureFilters() {
        filters.ensure(FILTER_MY_TASKS, -10, "Задачи, которые вы взяли в работу",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filters.ensure(FILTER_GROUP_TASKS, -5, "Задачи вашей роли, которые ещё никто не взял",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
        filters.ensure(FILTER_OFFERED_TO_ME, 0, "Задачи, предложенные вам лично (например, куратору программы)",
                taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}").taskUnassigned());
        // Offered to the user or their groups, claimed or not: the query starts from the user's and their groups'
        // candidate links (a school's few hundred), not from every overdue task of a region (docs/operations.md).
        // A mentor's own reports are assigned, not offered: «Мои задачи» shows them with their due dates.
        filters.ensure(FILTER_OVERDUE, 5, "Задачи с истёкшим сроком, предложенные вам или вашей группе "
                        + "(и взятые в работу тоже)",
                taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                        .dueBeforeExpression("${now()}"));
    }
}
