package ru.nastavnik.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The product's roles as Camunda groups, with their Russian names. */
public final class Groups {

    public static final String CURATOR = "curator";
    public static final String DEPUTY_DIRECTOR = "deputy-director";
    public static final String DIRECTOR = "director";
    public static final String MENTOR = "mentor";
    public static final String COORDINATOR = "coordinator";
    /** Camunda's administrators group, created with the first admin. */
    public static final String ADMIN = "camunda-admin";

    public static final Map<String, String> NAMES = Map.of(
            CURATOR, "Куратор",
            DEPUTY_DIRECTOR, "Заместитель директора",
            DIRECTOR, "Директор",
            MENTOR, "Наставник",
            COORDINATOR, "Координатор");

    public static final List<String> ALL = List.of(CURATOR, DEPUTY_DIRECTOR, DIRECTOR, MENTOR, COORDINATOR);

    /**
     * The school's staff, without mentors and the technical admin: they read participants' personal data, get the
     * mail digest, and are the only users mentors see.
     */
    public static final List<String> SCHOOL_STAFF = List.of(CURATOR, DEPUTY_DIRECTOR, DIRECTOR, COORDINATOR);

    /**
     * Who lead a programme at the school: they start one, import questionnaires and send mentors their links; the
     * deputy director and the director stand in for the curator.
     */
    public static final List<String> PROGRAMME_LEADERS = List.of(CURATOR, DEPUTY_DIRECTOR, DIRECTOR);

    /** Staff, who see every user and change people's names and emails; mentors do neither. */
    public static final List<String> STAFF = List.of(CURATOR, DEPUTY_DIRECTOR, DIRECTOR, COORDINATOR, ADMIN);

    /** Staff who run a school's programme and may start one. */
    public static final List<String> PROGRAMME_MANAGERS = List.of(CURATOR, DEPUTY_DIRECTOR, DIRECTOR, ADMIN);

    /**
     * The roles whose tasks belong to one school. A region's schools share one installation, so such a task goes to
     * the school's own group of the role ({@link #atSchool}), not to every curator of the region: the staff see, are
     * reminded of and answer for their own school's tasks only.
     */
    public static final List<String> SCHOOL_ROLES = List.of(CURATOR, DEPUTY_DIRECTOR, DIRECTOR);

    private static final String SCHOOL_MARK = ".s";

    private Groups() {
    }

    /** The group of a role at one school, {@code curator.s12}: its members are that school's curators. */
    public static String atSchool(String role, long schoolId) {
        return role + SCHOOL_MARK + schoolId;
    }

    /** The role a group stands for: the group itself for a role, the role of a school's group. */
    public static String roleOf(String groupId) {
        int mark = groupId.lastIndexOf(SCHOOL_MARK);
        return mark > 0 && SCHOOL_ROLES.contains(groupId.substring(0, mark)) ? groupId.substring(0, mark) : groupId;
    }

    /** The school of a school's group, 12 for {@code curator.s12}; none for a role's own group. */
    public static Optional<Long> schoolOf(String groupId) {
        String role = roleOf(groupId);
        String school = role.equals(groupId) ? "" : groupId.substring(role.length() + SCHOOL_MARK.length());
        return school.matches("\\d{1,18}") ? Optional.of(Long.valueOf(school)) : Optional.empty();
    }

    /**
     * The group of {@code role} at the school of {@code groupId}: {@code director.s12} for {@code curator.s12}. A
     * group of no school (a task made before schools had groups) gives the role's own group.
     */
    public static String sameSchool(String groupId, String role) {
        String groupRole = roleOf(groupId);
        return groupRole.equals(groupId) ? role : role + groupId.substring(groupRole.length());
    }

    public static String russianName(String group) {
        return NAMES.getOrDefault(group, group);
    }

    /** «Куратор — МБОУ СОШ № 5»: how Camunda Admin lists a school's group of a role. */
    public static String russianName(String role, String school) {
        return russianName(role) + " — " + school;
    }
}
