package ru.nastavnik.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProgrammeRepository {

    private final JdbcClient jdbc;

    ProgrammeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ProgrammeRequest request, long schoolId, Instant createdAt, String createdBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into programme (school_name, school_year, curator_id, created_at, created_by,
                                               municipality_id, school_id)
                        values (:school, :year, :curator, :createdAt, :createdBy, :municipality, :schoolId)""")
                .param("school", request.schoolName().trim())
                .param("year", request.schoolYear().trim())
                .param("curator", request.curatorId().trim())
                .param("createdAt", Timestamp.from(createdAt))
                .param("createdBy", createdBy)
                .param("municipality", request.municipalityId())
                .param("schoolId", schoolId)
                .update(key, "id");
        long id = key.getKey().longValue();
        for (String form : request.forms()) {
            jdbc.sql("insert into programme_form (programme_id, form_code) values (:id, :form)")
                    .param("id", id).param("form", form).update();
        }
        return id;
    }

    /** The school of this name in this municipality (or of no municipality), made when it is new. */
    long school(String name, Long municipalityId, Instant createdAt) {
        Optional<Long> known = (municipalityId == null
                ? jdbc.sql("select id from school where name = :name and municipality_id is null order by id")
                : jdbc.sql("select id from school where name = :name and municipality_id = :municipality order by id")
                        .param("municipality", municipalityId))
                .param("name", name).query(Long.class).list().stream().findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into school (name, municipality_id, created_at) values (:name, :municipality, :createdAt)")
                .param("name", name).param("municipality", municipalityId).param("createdAt", Timestamp.from(createdAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Every school: id → name. */
    Map<Long, String> schools() {
        Map<Long, String> schools = new LinkedHashMap<>();
        jdbc.sql("select id, name from school order by id")
                .query((rs, row) -> schools.put(rs.getLong("id"), rs.getString("name"))).list();
        return schools;
    }

    void linkPrevious(long id, long previousId) {
        jdbc.sql("update programme set previous_programme_id = :previous where id = :id")
                .param("previous", previousId).param("id", id).update();
    }

    Optional<Programme> find(long id) {
        return jdbc.sql("select * from programme where id = :id").param("id", id)
                .query(this::map).optional();
    }

    /** The programme's title and school, in one query (without its forms): what each of its tasks shows. */
    Optional<TaskHeading> heading(long id) {
        return jdbc.sql("select school_name, school_year, school_id from programme where id = :id").param("id", id)
                .query((rs, n) -> new TaskHeading(id, rs.getString("school_name"), rs.getString("school_year"),
                        rs.getLong("school_id")))
                .optional();
    }

    record TaskHeading(long id, String schoolName, String schoolYear, long schoolId) {
        String title() {
            return Programme.title(schoolName, schoolYear);
        }
    }

    List<Programme> findAll() {
        return jdbc.sql("select * from programme order by id").query(this::map).list();
    }

    List<Programme> findAll(Collection<Long> ids) {
        return jdbc.sql("select * from programme where id in (:ids) order by id").param("ids", ids)
                .query(this::map).list();
    }

    boolean exists(String schoolName, String schoolYear) {
        return jdbc.sql("select count(*) from programme where lower(school_name) = lower(:school) and school_year = :year")
                .param("school", schoolName.trim()).param("year", schoolYear.trim())
                .query(Integer.class).single() > 0;
    }

    /** The municipality table is the district feature's (V14); the programme only refers to a row of it. */
    boolean municipalityExists(long municipalityId) {
        return jdbc.sql("select count(*) from municipality where id = :id").param("id", municipalityId)
                .query(Integer.class).single() > 0;
    }

    void moveToMunicipality(long id, long municipalityId) {
        jdbc.sql("update programme set municipality_id = :m where id = :id")
                .param("m", municipalityId).param("id", id).update();
    }

    void linkProcess(long id, String processInstanceId) {
        jdbc.sql("update programme set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    void approveRoadmap(long id, Instant at, String by) {
        jdbc.sql("update programme set roadmap_approved_at = :at, roadmap_approved_by = :by where id = :id")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
    }

    void complete(long id, Instant at) {
        jdbc.sql("update programme set completed_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    private Programme map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<String> forms = jdbc.sql("select form_code from programme_form where programme_id = :id order by form_code")
                .param("id", id).query(String.class).list();
        return new Programme(id, rs.getString("school_name"), rs.getString("school_year"), forms,
                rs.getString("curator_id"), rs.getString("process_instance_id"),
                instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "roadmap_approved_at"), rs.getString("roadmap_approved_by"),
                instant(rs, "completed_at"), rs.getObject("municipality_id", Long.class),
                rs.getLong("school_id"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
