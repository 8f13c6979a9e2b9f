package ru.nastavnik.security;

import java.util.List;
import java.util.Map;

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

    private Groups() {
    }

    public static String russianName(String group) {
        return NAMES.getOrDefault(group, group);
    }
}
