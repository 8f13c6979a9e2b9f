package ru.nastavnik.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.ProcessVariable;

/** Who owns a task and what their email addresses are. Called from timer jobs, so without a user. */
@Component
public class TaskPeople {

    /** On every process of a programme: its curator, who gets what no one else is there for (escalations). */
    public static final ProcessVariable<String> CURATOR_ID = ProcessVariable.text("curatorId");

    private final TaskService taskService;
    private final IdentityService identityService;

    public TaskPeople(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /** The assignee; while nobody has claimed the task, its candidate users and the members of its groups. */
    public Set<String> ownerIds(Task task) {
        Set<String> users = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            users.add(task.getAssignee());
            return users;
        }
        for (IdentityLink link : candidates(task)) {
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            } else if (link.getGroupId() != null) {
                users.addAll(membersOf(link.getGroupId()));
            }
        }
        return users;
    }

    public List<String> candidateGroups(Task task) {
        return candidates(task).stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    }

    /**
     * The people in {@code role} at the task's school: the same school's group of the role as the task's candidate
     * groups (the director's for a curator's task); the role's own group for a task of no school.
     */
    public Set<String> colleagues(Task task, String role) {
        List<String> groups = candidateGroups(task);
        Set<String> users = new LinkedHashSet<>();
        (groups.isEmpty() ? List.of(role) : groups.stream().map(g -> Groups.sameSchool(g, role)).distinct().toList())
                .forEach(group -> users.addAll(membersOf(group)));
        return users;
    }

    public Set<String> membersOf(String groupId) {
        Set<String> users = new LinkedHashSet<>();
        identityService.createUserQuery().memberOfGroup(groupId).list().forEach(u -> users.add(u.getId()));
        return users;
    }

    public Set<String> emails(Collection<String> userIds) {
        Set<String> emails = new LinkedHashSet<>();
        for (String id : userIds) {
            User user = identityService.createUserQuery().userId(id).singleResult();
            if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
                emails.add(user.getEmail());
            }
        }
        return emails;
    }

    private List<IdentityLink> candidates(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).toList();
    }
}
