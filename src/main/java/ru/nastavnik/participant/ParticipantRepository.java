package ru.nastavnik.participant;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.nastavnik.programme.MentorshipForm;

@Repository
class ParticipantRepository {

    static final String REQUEST = "request";
    static final String COMPETENCY = "competency";

    /** What is stored of a programme's participant, enough to classify a re-imported row. */
    record Existing(long personId, String fingerprint, boolean consentWithdrawn) {
    }

    /** One line of the participants list. Personal data is null when the consent is withdrawn. */
    record Summary(long personId, String fullName, String category, String schoolClass, String role,
                   LocalDate consentGivenOn, Instant consentWithdrawnAt, Instant withdrawnAt) {
    }

    /** A participant's card. */
    record Card(long personId, String fullName, LocalDate birthDate, String category, String schoolClass,
                Integer experienceYears, String subjects, String email, String phone, String representativeName,
                String representativeEmail, String role, String details, String interests, Integer capacity,
                EntryAssessment assessment, Instant createdAt, Instant updatedAt, Instant withdrawnAt) {
    }

    record ConsentRecord(String givenBy, LocalDate givenOn, Instant recordedAt, String recordedBy,
                         Instant withdrawnAt, String withdrawnBy, String withdrawalReason,
                         String withdrawalRecordedBy) {
    }

    record Filter(String role, String form, Boolean consentGiven) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    ParticipantRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** The ids of the people with these keys, from any programme. */
    Map<ParticipantRow.PersonKey, Long> findPeople(List<ParticipantRow.PersonKey> keys) {
        Map<ParticipantRow.PersonKey, Long> found = new HashMap<>();
        List<String> names = keys.stream().map(ParticipantRow.PersonKey::nameKey).distinct().toList();
        for (int from = 0; from < names.size(); from += 500) {
            jdbc.sql("select id, name_key, birth_date from person where name_key in (:names)")
                    .param("names", names.subList(from, Math.min(names.size(), from + 500)))
                    .query((rs, n) -> {
                        Date birth = rs.getDate("birth_date");
                        found.put(new ParticipantRow.PersonKey(rs.getString("name_key"),
                                birth == null ? null : birth.toLocalDate()), rs.getLong("id"));
                        return null;
                    }).list();
        }
        return found;
    }

    /** The programme's participants by person id. */
    Map<Long, Existing> findParticipants(long programmeId) {
        Map<Long, Existing> found = new HashMap<>();
        jdbc.sql("""
                        select pp.person_id, pp.source_fingerprint, c.withdrawn_at
                        from programme_participant pp
                        left join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                        where pp.programme_id = :programme""")
                .param("programme", programmeId)
                .query((rs, n) -> found.put(rs.getLong("person_id"), new Existing(rs.getLong("person_id"),
                        rs.getString("source_fingerprint"), rs.getTimestamp("withdrawn_at") != null)))
                .list();
        return found;
    }

    /** Inserts new people in one batch; their ids are read back with {@link #findPeople}. */
    void insertPeople(List<ParticipantRow> rows, Instant now) {
        named.batchUpdate("""
                insert into person (full_name, name_key, birth_date, category, school_class, experience_years, subjects,
                                    email, phone, representative_name, representative_email, created_at, updated_at)
                values (:fullName, :nameKey, :birthDate, :category, :schoolClass, :experience, :subjects,
                        :email, :phone, :representative, :representativeEmail, :now, :now)""",
                rows.stream().map(row -> personParams(row, now)).toArray(SqlParameterSource[]::new));
    }

    /** Overwrites people's data with the latest questionnaire (the class changes every year). */
    void updatePeople(List<Long> ids, List<ParticipantRow> rows, Instant now) {
        List<SqlParameterSource> params = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            params.add(personParams(rows.get(i), now).addValue("id", ids.get(i)));
        }
        named.batchUpdate("""
                update person set full_name = :fullName, category = :category, school_class = :schoolClass,
                       experience_years = :experience, subjects = :subjects, email = :email, phone = :phone,
                       representative_name = :representative, representative_email = :representativeEmail,
                       updated_at = :now
                where id = :id""", params.toArray(SqlParameterSource[]::new));
    }

    private static MapSqlParameterSource personParams(ParticipantRow row, Instant now) {
        return new MapSqlParameterSource()
                .addValue("fullName", row.fullName())
                .addValue("nameKey", row.key().nameKey())
                .addValue("birthDate", Date.valueOf(row.birthDate()))
                .addValue("category", row.category().code())
                .addValue("schoolClass", row.schoolClass())
                .addValue("experience", row.experienceYears())
                .addValue("subjects", row.subjects())
                .addValue("email", row.email())
                .addValue("phone", row.phone())
                .addValue("representative", row.representativeName())
                .addValue("representativeEmail", row.representativeEmail())
                .addValue("now", Timestamp.from(now));
    }

    /** Inserts the programme participants of these rows (person ids given), their forms, topics and consents. */
    void insertParticipants(long programmeId, List<ParticipantRow> rows, List<Long> personIds, Instant now, String by) {
        List<SqlParameterSource> participants = new ArrayList<>();
        List<SqlParameterSource> consents = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ParticipantRow row = rows.get(i);
            participants.add(participantParams(programmeId, personIds.get(i), row, now).addValue("by", by));
            consents.add(new MapSqlParameterSource()
                    .addValue("programme", programmeId).addValue("person", personIds.get(i))
                    .addValue("givenBy", row.consentGivenBy()).addValue("givenOn", Date.valueOf(row.consentGivenOn()))
                    .addValue("now", Timestamp.from(now)).addValue("by", by));
        }
        named.batchUpdate("""
                insert into programme_participant (programme_id, person_id, role, details, interests, capacity,
                        engagement, activity, self_esteem, anxiety, average_grade, source_fingerprint,
                        created_at, created_by, updated_at)
                values (:programme, :person, :role, :details, :interests, :capacity, :engagement, :activity,
                        :selfEsteem, :anxiety, :averageGrade, :fingerprint, :now, :by, :now)""",
                participants.toArray(SqlParameterSource[]::new));
        named.batchUpdate("""
                insert into consent (programme_id, person_id, given_by, given_on, recorded_at, recorded_by)
                values (:programme, :person, :givenBy, :givenOn, :now, :by)""",
                consents.toArray(SqlParameterSource[]::new));
        insertChoices(programmeId, rows, personIds);
    }

    /** Overwrites the programme participants of these rows with the new answers and consent details. */
    void updateParticipants(long programmeId, List<ParticipantRow> rows, List<Long> personIds, Instant now) {
        List<SqlParameterSource> participants = new ArrayList<>();
        List<SqlParameterSource> keys = new ArrayList<>();
        List<SqlParameterSource> consents = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            participants.add(participantParams(programmeId, personIds.get(i), rows.get(i), now));
            keys.add(new MapSqlParameterSource().addValue("programme", programmeId).addValue("person", personIds.get(i)));
            consents.add(new MapSqlParameterSource().addValue("programme", programmeId).addValue("person", personIds.get(i))
                    .addValue("givenBy", rows.get(i).consentGivenBy())
                    .addValue("givenOn", Date.valueOf(rows.get(i).consentGivenOn())));
        }
        SqlParameterSource[] keyArray = keys.toArray(SqlParameterSource[]::new);
        named.batchUpdate("""
                update programme_participant set role = :role, details = :details, interests = :interests,
                       capacity = :capacity, engagement = :engagement, activity = :activity, self_esteem = :selfEsteem,
                       anxiety = :anxiety, average_grade = :averageGrade, source_fingerprint = :fingerprint,
                       updated_at = :now
                where programme_id = :programme and person_id = :person""",
                participants.toArray(SqlParameterSource[]::new));
        named.batchUpdate("""
                update consent set given_by = :givenBy, given_on = :givenOn
                where programme_id = :programme and person_id = :person""",
                consents.toArray(SqlParameterSource[]::new));
        named.batchUpdate("delete from participant_form where programme_id = :programme and person_id = :person", keyArray);
        named.batchUpdate("delete from participant_topic where programme_id = :programme and person_id = :person", keyArray);
        insertChoices(programmeId, rows, personIds);
    }

    private void insertChoices(long programmeId, List<ParticipantRow> rows, List<Long> personIds) {
        List<SqlParameterSource> forms = new ArrayList<>();
        List<SqlParameterSource> topics = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ParticipantRow row = rows.get(i);
            long person = personIds.get(i);
            for (MentorshipForm form : row.forms()) {
                forms.add(new MapSqlParameterSource().addValue("programme", programmeId).addValue("person", person)
                        .addValue("form", form.code()));
            }
            for (Topic topic : row.requests()) {
                topics.add(topic(programmeId, person, REQUEST, topic));
            }
            for (Topic topic : row.competencies()) {
                topics.add(topic(programmeId, person, COMPETENCY, topic));
            }
        }
        named.batchUpdate("insert into participant_form (programme_id, person_id, form_code) values (:programme, :person, :form)",
                forms.toArray(SqlParameterSource[]::new));
        named.batchUpdate("""
                insert into participant_topic (programme_id, person_id, kind, topic_code)
                values (:programme, :person, :kind, :topic)""", topics.toArray(SqlParameterSource[]::new));
    }

    private static MapSqlParameterSource topic(long programme, long person, String kind, Topic topic) {
        return new MapSqlParameterSource().addValue("programme", programme).addValue("person", person)
                .addValue("kind", kind).addValue("topic", topic.code());
    }

    private static MapSqlParameterSource participantParams(long programmeId, long personId, ParticipantRow row,
                                                           Instant now) {
        EntryAssessment a = row.assessment();
        return new MapSqlParameterSource()
                .addValue("programme", programmeId)
                .addValue("person", personId)
                .addValue("role", row.role().code())
                .addValue("details", row.details())
                .addValue("interests", row.interests())
                .addValue("capacity", row.capacity())
                .addValue("engagement", a.engagement())
                .addValue("activity", a.activity())
                .addValue("selfEsteem", a.selfEsteem())
                .addValue("anxiety", a.anxiety())
                .addValue("averageGrade", a.averageGrade())
                .addValue("fingerprint", row.fingerprint())
                .addValue("now", Timestamp.from(now));
    }

    /** A correction: the person's data (including name and birth date) and their part in the programme. */
    void correct(long programmeId, long personId, ParticipantRow row, Instant now) {
        named.update("""
                update person set full_name = :fullName, name_key = :nameKey, birth_date = :birthDate,
                       category = :category, school_class = :schoolClass, experience_years = :experience,
                       subjects = :subjects, email = :email, phone = :phone, representative_name = :representative,
                       representative_email = :representativeEmail, updated_at = :now
                where id = :id""", personParams(row, now).addValue("id", personId));
        updateParticipants(programmeId, List.of(row), List.of(personId), now);
    }

    /**
     * Records the withdrawal of the consent and erases the participant's data in the programme: answers, forms,
     * topics. The person's own data (all but the name) is erased too unless they keep a consent in another
     * programme. Returns false when there was no consent in force.
     */
    boolean withdraw(long programmeId, long personId, String reason, String withdrawnBy, String actor, Instant now) {
        int consents = jdbc.sql("""
                        update consent set withdrawn_at = :now, withdrawn_by = :by, withdrawal_reason = :reason,
                               withdrawal_recorded_by = :actor
                        where programme_id = :programme and person_id = :person and withdrawn_at is null""")
                .param("now", Timestamp.from(now)).param("by", withdrawnBy).param("reason", reason)
                .param("actor", actor).param("programme", programmeId).param("person", personId)
                .update();
        if (consents == 0) {
            return false;
        }
        jdbc.sql("""
                        update programme_participant set details = null, interests = null, capacity = null,
                               engagement = null, activity = null, self_esteem = null, anxiety = null,
                               average_grade = null, source_fingerprint = null, withdrawn_at = :now,
                               withdrawal_reason = :reason, updated_at = :now
                        where programme_id = :programme and person_id = :person""")
                .param("now", Timestamp.from(now)).param("reason", reason)
                .param("programme", programmeId).param("person", personId).update();
        jdbc.sql("delete from participant_form where programme_id = :programme and person_id = :person")
                .param("programme", programmeId).param("person", personId).update();
        jdbc.sql("delete from participant_topic where programme_id = :programme and person_id = :person")
                .param("programme", programmeId).param("person", personId).update();
        jdbc.sql("""
                        update person set birth_date = null, category = null, school_class = null,
                               experience_years = null, subjects = null, email = null, phone = null,
                               representative_name = null, representative_email = null, updated_at = :now
                        where id = :person and not exists (select 1 from consent c
                              where c.person_id = :person and c.withdrawn_at is null)""")
                .param("now", Timestamp.from(now)).param("person", personId).update();
        return true;
    }

    /** The normalised names of the programme's participants who withdrew their consent. */
    java.util.Set<String> withdrawnNameKeys(long programmeId) {
        return new java.util.HashSet<>(jdbc.sql("""
                        select p.name_key from consent c join person p on p.id = c.person_id
                        where c.programme_id = :programme and c.withdrawn_at is not null""")
                .param("programme", programmeId).query(String.class).list());
    }

    long count(long programmeId, Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(programmeId, filter, params);
        return jdbc.sql("select count(*) from programme_participant pp " + where).params(params)
                .query(Long.class).single();
    }

    List<Summary> page(long programmeId, Filter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(programmeId, filter, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("""
                        select p.id, p.full_name, p.category, p.school_class, pp.role, pp.withdrawn_at,
                               c.given_on, c.withdrawn_at as consent_withdrawn_at
                        from programme_participant pp
                        join person p on p.id = pp.person_id
                        left join consent c on c.programme_id = pp.programme_id and c.person_id = pp.person_id
                        """ + where + " order by p.name_key, p.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("full_name"), rs.getString("category"),
                        rs.getString("school_class"), rs.getString("role"), localDate(rs, "given_on"),
                        instant(rs, "consent_withdrawn_at"), instant(rs, "withdrawn_at")))
                .list();
    }

    private static String where(long programmeId, Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("where pp.programme_id = :programme");
        params.put("programme", programmeId);
        if (filter.role() != null) {
            where.append(" and pp.role = :role");
            params.put("role", filter.role());
        }
        if (filter.form() != null) {
            where.append(" and exists (select 1 from participant_form f where f.programme_id = pp.programme_id"
                    + " and f.person_id = pp.person_id and f.form_code = :form)");
            params.put("form", filter.form());
        }
        if (filter.consentGiven() != null) {
            where.append(filter.consentGiven() ? " and " : " and not ").append("""
                    exists (select 1 from consent c2 where c2.programme_id = pp.programme_id
                            and c2.person_id = pp.person_id and c2.withdrawn_at is null)""");
        }
        return where.toString();
    }

    /** Form codes per person, for a page of the list. */
    Map<Long, List<String>> forms(long programmeId, List<Long> personIds) {
        Map<Long, List<String>> forms = new HashMap<>();
        if (personIds.isEmpty()) {
            return forms;
        }
        jdbc.sql("""
                        select person_id, form_code from participant_form
                        where programme_id = :programme and person_id in (:people) order by form_code""")
                .param("programme", programmeId).param("people", personIds)
                .query((rs, n) -> forms.computeIfAbsent(rs.getLong("person_id"), k -> new ArrayList<>())
                        .add(rs.getString("form_code")))
                .list();
        return forms;
    }

    /** Topic codes of one participant by kind (request, competency). */
    Map<String, List<String>> topics(long programmeId, long personId) {
        Map<String, List<String>> topics = new HashMap<>();
        jdbc.sql("""
                        select kind, topic_code from participant_topic
                        where programme_id = :programme and person_id = :person order by topic_code""")
                .param("programme", programmeId).param("person", personId)
                .query((rs, n) -> topics.computeIfAbsent(rs.getString("kind"), k -> new ArrayList<>())
                        .add(rs.getString("topic_code")))
                .list();
        return topics;
    }

    Optional<Card> card(long programmeId, long personId) {
        return jdbc.sql("""
                        select p.*, pp.role, pp.details, pp.interests, pp.capacity, pp.engagement, pp.activity,
                               pp.self_esteem, pp.anxiety, pp.average_grade, pp.created_at as joined_at,
                               pp.updated_at as changed_at, pp.withdrawn_at
                        from programme_participant pp join person p on p.id = pp.person_id
                        where pp.programme_id = :programme and pp.person_id = :person""")
                .param("programme", programmeId).param("person", personId)
                .query((rs, n) -> new Card(rs.getLong("id"), rs.getString("full_name"), localDate(rs, "birth_date"),
                        rs.getString("category"), rs.getString("school_class"), integer(rs, "experience_years"),
                        rs.getString("subjects"), rs.getString("email"), rs.getString("phone"),
                        rs.getString("representative_name"), rs.getString("representative_email"),
                        rs.getString("role"), rs.getString("details"), rs.getString("interests"),
                        integer(rs, "capacity"),
                        new EntryAssessment(integer(rs, "engagement"), integer(rs, "activity"),
                                integer(rs, "self_esteem"), integer(rs, "anxiety"), rs.getBigDecimal("average_grade")),
                        instant(rs, "joined_at"), instant(rs, "changed_at"), instant(rs, "withdrawn_at")))
                .optional();
    }

    List<ConsentRecord> consents(long programmeId, long personId) {
        return jdbc.sql("select * from consent where programme_id = :programme and person_id = :person")
                .param("programme", programmeId).param("person", personId)
                .query((rs, n) -> new ConsentRecord(rs.getString("given_by"),
                        localDate(rs, "given_on"), instant(rs, "recorded_at"), rs.getString("recorded_by"),
                        instant(rs, "withdrawn_at"), rs.getString("withdrawn_by"), rs.getString("withdrawal_reason"),
                        rs.getString("withdrawal_recorded_by")))
                .list();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
