package ru.nastavnik.participant;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other features (processes, accounts) may read of and change in the participant bases, as the system: no
 * user check here, the callers are process steps and services that checked their user themselves. Only
 * participants whose consent is in force are returned, and only the data a feature needs.
 */
@Component
public class ParticipantDirectory {

    /** How to reach a participant: their name and email (null when the consent is withdrawn). */
    public record Contact(long personId, String fullName, String email, String role, boolean consentInForce) {
    }

    private final JdbcClient jdbc;

    ParticipantDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> contact(long programmeId, long personId) {
        return jdbc.sql("""
                        select p.id, p.full_name, p.email, pp.role,
                               case when c.withdrawn_at is null and c.person_id is not null then 1 else 0 end as consent
                        from programme_participant pp join person p on p.id = pp.person_id
                        left join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                        where pp.programme_id = :programme and pp.person_id = :person""")
                .param("programme", programmeId).param("person", personId)
                .query((rs, n) -> new Contact(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"),
                        rs.getString("role"), rs.getInt("consent") == 1))
                .optional();
    }

    /** Whether the person has a consent in force in any programme. */
    public boolean consentInForceAnywhere(long personId) {
        return jdbc.sql("select count(*) from consent where person_id = :person and withdrawn_at is null")
                .param("person", personId).query(Long.class).single() > 0;
    }

    /** The person ids of the programme's participants in a role (a code of {@link ParticipantRole}) with consent. */
    public List<Long> withConsent(long programmeId, String role) {
        return jdbc.sql("""
                        select pp.person_id from programme_participant pp
                        join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                        join person p on p.id = pp.person_id
                        where pp.programme_id = :programme and pp.role = :role and c.withdrawn_at is null
                        order by p.name_key, p.id""")
                .param("programme", programmeId).param("role", role)
                .query(Long.class).list();
    }

    /** A participant as a file names them: the name, and what tells namesakes apart. */
    public record Named(long personId, String fullName, LocalDate birthDate, String schoolClass, String role) {

        public boolean mentee() {
            return ParticipantRole.MENTEE.code().equals(role);
        }
    }

    /** Everyone of the programme with consent in force, in any role, by name: whom an imported file may name. */
    public List<Named> roster(long programmeId) {
        return jdbc.sql("""
                        select p.id, p.full_name, p.birth_date, p.school_class, pp.role
                        from programme_participant pp join person p on p.id = pp.person_id
                        join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                        where pp.programme_id = :programme and c.withdrawn_at is null and pp.withdrawn_at is null
                        order by p.name_key, p.id""")
                .param("programme", programmeId)
                .query((rs, n) -> new Named(rs.getLong("id"), rs.getString("full_name"),
                        rs.getObject("birth_date", LocalDate.class), rs.getString("school_class"), rs.getString("role")))
                .list();
    }

    /** Names of participants by person id, for forms that list them (staff only see them). */
    public Map<Long, String> names(long programmeId, List<Long> personIds) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                        select p.id, p.full_name from programme_participant pp join person p on p.id = pp.person_id
                        where pp.programme_id = :programme and pp.person_id in (:people) order by p.name_key, p.id""")
                .param("programme", programmeId).param("people", personIds)
                .query((rs, n) -> names.put(rs.getLong("id"), rs.getString("full_name"))).list();
        return names;
    }

    /** Participants with consent in force by role code, e.g. {mentee=12, mentor_candidate=4}. */
    public Map<String, Long> countByRole(long programmeId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select pp.role, count(*) as n from programme_participant pp
                        join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                        where pp.programme_id = :programme and c.withdrawn_at is null group by pp.role""")
                .param("programme", programmeId)
                .query((rs, n) -> counts.put(rs.getString("role"), rs.getLong("n"))).list();
        return counts;
    }

    /** The size of a programme's bases: mentees, and mentors with mentor candidates, with consent in force. */
    public record BaseSize(long mentees, long mentors) {
    }

    /**
     * The bases' sizes of several programmes at once (a programme without participants is absent): the people
     * that the overview's «Базы в цифрах» count, each person once.
     */
    public Map<Long, BaseSize> baseSizes(Collection<Long> programmeIds) {
        Map<Long, BaseSize> sizes = new LinkedHashMap<>();
        if (programmeIds.isEmpty()) {
            return sizes;
        }
        jdbc.sql("""
                        select pp.programme_id,
                               sum(case when pp.role = 'mentee' then 1 else 0 end) as mentees,
                               sum(case when pp.role in ('mentor', 'mentor_candidate') then 1 else 0 end) as mentors
                        from programme_participant pp
                        join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                        where pp.programme_id in (:ids) and c.withdrawn_at is null and pp.withdrawn_at is null
                        group by pp.programme_id""")
                .param("ids", programmeIds)
                .query((rs, n) -> sizes.put(rs.getLong(1), new BaseSize(rs.getLong(2), rs.getLong(3)))).list();
        return sizes;
    }

    /** A count of participants with consent in force by two attributes, e.g. (form, class) → 3. */
    public record Count(String first, String second, long count) {
    }

    /** Mentees with consent in force by form of mentorship (code) and class; a mentee of two forms counts in both. */
    public List<Count> menteesByFormAndClass(long programmeId) {
        return jdbc.sql("""
                        select f.form_code, p.school_class, count(*) as n from programme_participant pp
                        join person p on p.id = pp.person_id
                        join participant_form f on f.programme_id = pp.programme_id and f.person_id = pp.person_id
                        join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                        where pp.programme_id = :programme and pp.role = 'mentee' and c.withdrawn_at is null
                          and pp.withdrawn_at is null
                        group by f.form_code, p.school_class order by f.form_code, p.school_class""")
                .param("programme", programmeId)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Mentors and mentor candidates with consent in force by category and role, both as Russian titles. */
    public List<Count> mentorsByCategory(long programmeId) {
        return jdbc.sql("""
                        select p.category, pp.role, count(*) as n from programme_participant pp
                        join person p on p.id = pp.person_id
                        join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                        where pp.programme_id = :programme and pp.role in ('mentor', 'mentor_candidate')
                          and c.withdrawn_at is null and pp.withdrawn_at is null
                        group by p.category, pp.role order by p.category, pp.role""")
                .param("programme", programmeId)
                .query((rs, n) -> new Count(title(Category.class, rs.getString(1)),
                        title(ParticipantRole.class, rs.getString(2)), rs.getLong(3))).list();
    }

    private static <E extends Enum<E> & Listed> String title(Class<E> list, String code) {
        return code == null ? "не указано" : Listed.byCode(list, code).map(Listed::title).orElse(code);
    }

    /** Participants in a role without a consent in force (withdrawn). */
    public long withoutConsent(long programmeId, List<String> roles) {
        return jdbc.sql("""
                        select count(*) from programme_participant pp
                        left join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                        where pp.programme_id = :programme and pp.role in (:roles)
                          and (c.person_id is null or c.withdrawn_at is not null)""")
                .param("programme", programmeId).param("roles", roles).query(Long.class).single();
    }

    /** Topic counts (code → participants with consent) of a kind: "request" of mentees, "competency" of mentors. */
    public Map<String, Long> topicCounts(long programmeId, String kind, List<String> roles) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.topic_code, count(*) as n from participant_topic t
                        join programme_participant pp on pp.programme_id = t.programme_id and pp.person_id = t.person_id
                        join consent c on c.programme_id = t.programme_id and c.person_id = t.person_id
                        where t.programme_id = :programme and t.kind = :kind and pp.role in (:roles)
                          and c.withdrawn_at is null
                        group by t.topic_code order by n desc, t.topic_code""")
                .param("programme", programmeId).param("kind", kind).param("roles", roles)
                .query((rs, n) -> counts.put(rs.getString("topic_code"), rs.getLong("n"))).list();
        return counts;
    }

    /** The Russian title of a topic code. */
    public static String topicTitle(String code) {
        return Topic.byCode(code).map(Topic::title).orElse(code);
    }

    /**
     * A stored questionnaire as matching reads it: a mentee or a mentor (role {@code mentor}; candidates are not yet
     * mentors) with consent in force. Subjects and interests are split into lists; topics are codes of {@link Topic}.
     */
    public record Questionnaire(long personId, String fullName, String role, List<String> forms, String schoolClass,
                                Integer experienceYears, List<String> subjects, List<String> interests,
                                List<String> requests, List<String> competencies, EntryAssessment assessment,
                                Integer capacity) {
    }

    /** The mentees and mentors of the programme with consent in force, by name; withdrawn people never appear. */
    public List<Questionnaire> questionnaires(long programmeId) {
        String inForce = """
                join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                where pp.programme_id = :programme and pp.role in ('mentee', 'mentor')
                  and c.withdrawn_at is null and pp.withdrawn_at is null""";
        Map<Long, List<String>> forms = new java.util.HashMap<>();
        jdbc.sql("select f.person_id, f.form_code from participant_form f join programme_participant pp "
                        + "on pp.programme_id = f.programme_id and pp.person_id = f.person_id " + inForce
                        + " order by f.form_code")
                .param("programme", programmeId)
                .query((rs, n) -> forms.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(rs.getString(2))).list();
        Map<Long, Map<String, List<String>>> topics = new java.util.HashMap<>();
        jdbc.sql("select t.person_id, t.kind, t.topic_code from participant_topic t join programme_participant pp "
                        + "on pp.programme_id = t.programme_id and pp.person_id = t.person_id " + inForce
                        + " order by t.topic_code")
                .param("programme", programmeId)
                .query((rs, n) -> topics.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new java.util.ArrayList<>()).add(rs.getString(3)))
                .list();
        return jdbc.sql("""
                        select p.id, p.full_name, pp.role, p.school_class, p.experience_years, p.subjects,
                               pp.interests, pp.capacity, pp.engagement, pp.activity, pp.self_esteem, pp.anxiety,
                               pp.average_grade
                        from programme_participant pp join person p on p.id = pp.person_id
                        """ + inForce + " order by p.name_key, p.id")
                .param("programme", programmeId)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Map<String, List<String>> own = topics.getOrDefault(id, Map.of());
                    return new Questionnaire(id, rs.getString("full_name"), rs.getString("role"),
                            forms.getOrDefault(id, List.of()), rs.getString("school_class"),
                            rs.getObject("experience_years", Integer.class),
                            Text.list(rs.getString("subjects")), Text.list(rs.getString("interests")),
                            own.getOrDefault(ParticipantRepository.REQUEST, List.of()),
                            own.getOrDefault(ParticipantRepository.COMPETENCY, List.of()),
                            new EntryAssessment(rs.getObject("engagement", Integer.class),
                                    rs.getObject("activity", Integer.class), rs.getObject("self_esteem", Integer.class),
                                    rs.getObject("anxiety", Integer.class), rs.getBigDecimal("average_grade")),
                            rs.getObject("capacity", Integer.class));
                })
                .list();
    }

    /** Makes a candidate with consent in force a mentor of the programme; false when that is not possible. */
    public boolean makeMentor(long programmeId, long personId) {
        return jdbc.sql("""
                        update programme_participant set role = 'mentor'
                        where programme_id = :programme and person_id = :person and withdrawn_at is null
                          and role in ('mentor_candidate', 'mentor')""")
                .param("programme", programmeId).param("person", personId).update() > 0;
    }

    /**
     * Carries a participant into a later programme of the school (next year's, from the long-term base): their
     * questionnaire (forms, requests, competencies, assessment), in the given role, and their consent with the date
     * it was given. False, and nothing copied, when the consent was withdrawn: a withdrawn person is never carried
     * over. Their history stays with the earlier programme (pairs, meetings, results).
     */
    public boolean carryOver(long fromProgramme, long toProgramme, long personId, ParticipantRole role, String actor) {
        if (contact(fromProgramme, personId).filter(Contact::consentInForce).isEmpty()
                || contact(toProgramme, personId).isPresent()) {
            return false;
        }
        jdbc.sql("""
                        insert into programme_participant (programme_id, person_id, role, details, interests, capacity,
                               engagement, activity, self_esteem, anxiety, average_grade, created_at, created_by,
                               updated_at)
                        select :to, person_id, :role, details, interests, capacity, engagement, activity, self_esteem,
                               anxiety, average_grade, current_timestamp, :actor, current_timestamp
                        from programme_participant where programme_id = :from and person_id = :person""")
                .param("to", toProgramme).param("from", fromProgramme).param("person", personId)
                .param("role", role.code()).param("actor", actor).update();
        jdbc.sql("""
                        insert into participant_form (programme_id, person_id, form_code)
                        select :to, person_id, form_code from participant_form
                        where programme_id = :from and person_id = :person""")
                .param("to", toProgramme).param("from", fromProgramme).param("person", personId).update();
        jdbc.sql("""
                        insert into participant_topic (programme_id, person_id, kind, topic_code)
                        select :to, person_id, kind, topic_code from participant_topic
                        where programme_id = :from and person_id = :person""")
                .param("to", toProgramme).param("from", fromProgramme).param("person", personId).update();
        jdbc.sql("""
                        insert into consent (programme_id, person_id, given_by, given_on, recorded_at, recorded_by)
                        select :to, person_id, given_by, given_on, current_timestamp, :actor from consent
                        where programme_id = :from and person_id = :person""")
                .param("to", toProgramme).param("from", fromProgramme).param("person", personId)
                .param("actor", actor).update();
        return true;
    }

    /**
     * The programme's participants whose consent a legal representative gave (minors): their consent covers the
     * programme's own processing, not publication, so published texts must not name them.
     */
    public java.util.Set<Long> consentedByRepresentative(long programmeId) {
        return new java.util.HashSet<>(jdbc.sql("""
                        select person_id from consent where programme_id = :programme and given_by <> 'self'""")
                .param("programme", programmeId).query(Long.class).list());
    }
}
