package ru.nastavnik.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.Groups;
import ru.nastavnik.security.SystemAuthentication;

/**
 * A school's staff as Camunda groups, one per role ({@code curator.s12} «Куратор — МБОУ СОШ № 5»): a school's task
 * goes to its group of the role, so that on a region's installation a curator is offered, reminded of and answers
 * for their own school's tasks only. A person is in the role's group (what they may do) and in the school's group
 * of the role (where). The people a programme names join when it is registered; administrators change the rest in
 * Camunda Admin.
 */
@Component
public class SchoolStaff {

    private static final Logger log = LoggerFactory.getLogger(SchoolStaff.class);
    /** Camunda's type of the groups that tasks are offered to. */
    private static final String GROUP_TYPE = "WORKFLOW";

    private final IdentityService identityService;
    private final SystemAuthentication system;
    private final ProgrammeRepository programmes;

    SchoolStaff(IdentityService identityService, SystemAuthentication system, ProgrammeRepository programmes) {
        this.identityService = identityService;
        this.system = system;
        this.programmes = programmes;
    }

    /**
     * The schools of programmes started before schools had groups get them on the next start, with everyone then in
     * the school roles: they are who saw those schools' tasks before. Administrators narrow them in Camunda Admin.
     * After the role groups exist (AccessSetup).
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void staffEarlierSchools() {
        // One query for the groups there are, not one per school: a region has thousands of schools.
        Set<String> groups = system.call(() -> identityService.createGroupQuery().groupType(GROUP_TYPE).list())
                .stream().map(Group::getId).collect(Collectors.toSet());
        Map<Long, String> unstaffed = new LinkedHashMap<>(programmes.schools());
        unstaffed.keySet().removeIf(schoolId -> groups.contains(Groups.atSchool(Groups.CURATOR, schoolId)));
        if (unstaffed.isEmpty()) {
            return;
        }
        List<Member> everyone = new ArrayList<>();
        for (String role : Groups.SCHOOL_ROLES) {
            system.call(() -> identityService.createUserQuery().memberOfGroup(role).list())
                    .forEach(user -> everyone.add(new Member(role, user.getId())));
        }
        unstaffed.forEach((schoolId, name) -> {
            try {
                join(schoolId, name, everyone);
                log.warn("School {} had no groups: made with all {} current curators, deputy directors and "
                        + "directors; narrow them in Camunda Admin", schoolId, everyone.size());
            } catch (ProcessEngineException anotherNode) {
                // Two nodes started at once: the other one made them.
                log.info("School {}: groups made by another node ({})", schoolId,
                        anotherNode.getClass().getSimpleName());
            }
        });
    }

    /** The school's groups of the school roles, for what only its staff may read (its Tasklist filter). */
    public static List<String> groups(Programme programme) {
        return Groups.SCHOOL_ROLES.stream().map(role -> group(programme, role)).toList();
    }

    /** The school's group of one role. */
    public static String group(Programme programme, String role) {
        return Groups.atSchool(role, programme.schoolId());
    }

    /**
     * Makes the school's groups when they are missing and puts the named people (role → user) into them; people
     * already there stay, so a second programme of the school changes nothing.
     */
    void join(long schoolId, String schoolName, List<Member> people) {
        system.run(() -> {
            for (String role : Groups.SCHOOL_ROLES) {
                String groupId = Groups.atSchool(role, schoolId);
                if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
                    Group group = identityService.newGroup(groupId);
                    group.setName(Groups.russianName(role, schoolName));
                    group.setType(GROUP_TYPE);
                    identityService.saveGroup(group);
                    log.info("Created group {} of school {}", groupId, schoolId);
                }
            }
            // Distinct: inside an engine command a membership made here is not yet visible to the check below.
            for (Member member : people.stream().distinct().toList()) {
                String groupId = Groups.atSchool(member.role(), schoolId);
                if (identityService.createUserQuery().userId(member.userId()).memberOfGroup(groupId).count() == 0) {
                    identityService.createMembership(member.userId(), groupId);
                    log.info("User {} joined group {}", member.userId(), groupId);
                }
            }
        });
    }

    /**
     * The people a request names, by their role, and the person who starts it in each school role they have: who
     * starts a school's programme works there.
     */
    List<Member> named(ProgrammeRequest request, String starter) {
        List<Member> people = new ArrayList<>();
        add(people, Groups.CURATOR, request.curatorId());
        add(people, Groups.DEPUTY_DIRECTOR, request.deputyDirectorId());
        add(people, Groups.DIRECTOR, request.directorId());
        if (starter != null) {
            system.call(() -> identityService.createGroupQuery().groupMember(starter).list()).stream()
                    .map(Group::getId).filter(Groups.SCHOOL_ROLES::contains)
                    .forEach(role -> add(people, role, starter));
        }
        return people;
    }

    private static void add(List<Member> people, String role, String userId) {
        if (userId != null && !userId.isBlank()) {
            people.add(new Member(role, userId.trim()));
        }
    }

    /** A person in a school role. */
    record Member(String role, String userId) {
    }
}
