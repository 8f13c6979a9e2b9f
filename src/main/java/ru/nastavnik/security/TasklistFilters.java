package ru.nastavnik.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tasklist's shared filters, readable by every role: each shows the task's due date and programme as columns.
 * Idempotent, so that every start and every node may ensure them; a filter of an earlier version gets the
 * columns it lacks, the current query and the current readers among the roles.
 */
@Component
public class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    /** The task variables Tasklist shows on each card (set by the roadmap items and on every programme task). */
    static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", "itemDueDateText", "label", "Срок"),
            Map.of("name", "programmeTitle", "label", "Программа"));

    private final FilterService filterService;
    private final AuthorizationService authorizationService;
    private final SystemAuthentication system;

    public TasklistFilters(FilterService filterService, AuthorizationService authorizationService,
                           SystemAuthentication system) {
        this.filterService = filterService;
        this.authorizationService = authorizationService;
        this.system = system;
    }

    /** A filter every role reads; see {@link #ensure(String, int, String, TaskQuery, List)}. */
    public void ensure(String name, int priority, String description, TaskQuery query) {
        ensure(name, priority, description, query, Groups.ALL);
    }

    /**
     * Creates the filter, readable by these groups, unless one of that name exists, which then gets the current
     * columns. A programme's filter is for staff: its name would tell a mentor which other schools use the product.
     */
    public void ensure(String name, int priority, String description, TaskQuery query, List<String> readers) {
        system.run(() -> {
            Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
            if (existing != null) {
                boolean changed = !COLUMNS.equals(existing.getProperties().get("variables"));
                existing.getProperties().put("variables", COLUMNS);
                String wanted = ((FilterEntity) filterService.newTaskFilter(name).setQuery(query)).getQueryInternal();
                if (!wanted.equals(((FilterEntity) existing).getQueryInternal())) {
                    existing.setQuery(query);
                    existing.getProperties().put("description", description);
                    changed = true;
                }
                if (changed) {
                    filterService.saveFilter(existing);
                    log.info("Updated Tasklist filter '{}'", name);
                }
                narrowReaders(existing, readers);
                return;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            properties.put("showUndefinedVariable", false);
            properties.put("variables", COLUMNS);
            Filter filter = filterService.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
            filterService.saveFilter(filter);
            readers.forEach(groupId -> grantRead(filter.getId(), groupId));
            log.info("Created Tasklist filter '{}'", name);
        });
    }

    /**
     * A programme's filter made before schools had groups of their own was read by the region-wide roles: their
     * grants go and the school's groups get theirs. Grants an administrator gave or took otherwise stay as they are.
     */
    private void narrowReaders(Filter filter, List<String> readers) {
        List<Authorization> grants = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filter.getId()).list();
        List<Authorization> tooWide = grants.stream()
                .filter(g -> Groups.ALL.contains(g.getGroupId()) && !readers.contains(g.getGroupId())).toList();
        if (tooWide.isEmpty()) {
            return;
        }
        tooWide.forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
        List<String> granted = grants.stream().map(Authorization::getGroupId).toList();
        readers.stream().filter(groupId -> !granted.contains(groupId))
                .forEach(groupId -> grantRead(filter.getId(), groupId));
        log.warn("Tasklist filter '{}' is read by {} now instead of the roles {}", filter.getName(), readers,
                tooWide.stream().map(Authorization::getGroupId).toList());
    }

    private void grantRead(String filterId, String groupId) {
        Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        read.setGroupId(groupId);
        read.setResource(Resources.FILTER);
        read.setResourceId(filterId);
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
    }
}
