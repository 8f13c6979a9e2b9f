package ru.nastavnik.monitoring;

import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.PersonalLinks;
import ru.nastavnik.shared.SchoolClock;

/**
 * Personal links to the exit questionnaire: one person of one programme; a new link voids the person's older unused
 * ones.
 */
@Component
class MonitoringLinks {

    record Link(long programmeId, long personId, String respondent, String form, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final PersonalLinks<Link> links;

    MonitoringLinks(JdbcClient jdbc, SchoolClock clock) {
        this.jdbc = jdbc;
        this.links = new PersonalLinks<>(jdbc, clock, "monitoring_link", (rs, n) -> new Link(
                rs.getLong("programme_id"), rs.getLong("person_id"), rs.getString("respondent"),
                rs.getString("form_code"), rs.getTimestamp("expires_at").toInstant()));
    }

    String issue(long programmeId, long personId, String respondent, String form, Instant expiresAt) {
        return links.issue(Map.of("programme_id", programmeId, "person_id", personId),
                Map.of("respondent", respondent, "form_code", form), expiresAt);
    }

    PersonalLinks.Check<Link> check(String token) {
        return links.check(token);
    }

    boolean burn(String token) {
        return links.burn(token);
    }

    long issuedCount(long programmeId) {
        return jdbc.sql("select count(distinct person_id) from monitoring_link where programme_id = :programme")
                .param("programme", programmeId).query(Long.class).single();
    }

    void forget(long programmeId, long personId) {
        links.forget(programmeId, personId);
    }
}
