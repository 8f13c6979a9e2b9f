package ru.nastavnik.participant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What monitoring reads of the programme's participants with consent in force: who they are (category and class,
 * for the coverage KPI), the entry assessment (for the dynamics) and the mentees' requests (the expectations set
 * against what they report at exit). No user check here: callers checked their user.
 */
@Component
public class ParticipantProfiles {

    /**
     * @param category a code of {@link Category} (null only for a withdrawn person, who is never returned)
     * @param requests codes of {@link Topic} a mentee asked for at entry
     */
    public record Profile(long personId, String fullName, String category, String schoolClass, String role,
                          EntryAssessment entry, List<String> requests) {

        public boolean pupil() {
            return Category.PUPIL.code().equals(category);
        }

        public boolean teacher() {
            return Category.TEACHER.code().equals(category);
        }
    }

    private final JdbcClient jdbc;

    ParticipantProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By person id, in name order. */
    public Map<Long, Profile> of(long programmeId) {
        String inForce = """
                from programme_participant pp join person p on p.id = pp.person_id
                join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                where pp.programme_id = :programme and c.withdrawn_at is null and pp.withdrawn_at is null""";
        Map<Long, List<String>> requests = new HashMap<>();
        jdbc.sql("select t.person_id, t.topic_code from participant_topic t where t.programme_id = :programme "
                        + "and t.kind = 'request' order by t.topic_code")
                .param("programme", programmeId)
                .query((rs, n) -> requests.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<Long, Profile> profiles = new LinkedHashMap<>();
        jdbc.sql("select p.id, p.full_name, p.category, p.school_class, pp.role, pp.engagement, pp.activity, "
                        + "pp.self_esteem, pp.anxiety, pp.average_grade " + inForce + " order by p.name_key, p.id")
                .param("programme", programmeId)
                .query((rs, n) -> profiles.put(rs.getLong("id"), new Profile(rs.getLong("id"), rs.getString("full_name"),
                        rs.getString("category"), rs.getString("school_class"), rs.getString("role"),
                        new EntryAssessment(rs.getObject("engagement", Integer.class),
                                rs.getObject("activity", Integer.class), rs.getObject("self_esteem", Integer.class),
                                rs.getObject("anxiety", Integer.class), rs.getBigDecimal("average_grade")),
                        List.copyOf(requests.getOrDefault(rs.getLong("id"), List.of())))))
                .list();
        return profiles;
    }
}
