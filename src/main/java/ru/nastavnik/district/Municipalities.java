package ru.nastavnik.district;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;

/**
 * The municipalities (V14), the schools' programmes in each and the coordinators attached to each. No user checks
 * here: the admin's API checks its user, the district page and the weekly summary ask for one coordinator's.
 */
@Service
public class Municipalities {

    private static final Logger log = LoggerFactory.getLogger(Municipalities.class);
    static final int NAME_MAX = 300;

    private final JdbcClient jdbc;
    private final ProgrammeService programmes;
    private final IdentityService identity;
    private final SchoolClock clock;

    Municipalities(JdbcClient jdbc, ProgrammeService programmes, IdentityService identity, SchoolClock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.identity = identity;
        this.clock = clock;
    }

    /** A new municipality, or the one of that name (a second node or a repeated demo start makes none twice). */
    @Transactional
    public Municipality ensure(String name) {
        String clean = checkedName(name);
        return byName(clean).orElseGet(() -> create(clean));
    }

    /** A new municipality; refused when one of that name exists. */
    @Transactional
    public Municipality create(String name) {
        String clean = checkedName(name);
        if (byName(clean).isPresent()) {
            throw ApiException.conflict("Муниципалитет «" + clean + "» уже есть");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into municipality (name, created_at) values (:name, :at)")
                .param("name", clean).param("at", Timestamp.from(clock.now())).update(key, "id");
        log.info("Municipality {} created", key.getKey());
        return new Municipality(key.getKey().longValue(), clean);
    }

    public List<Municipality> list() {
        return jdbc.sql("select id, name from municipality order by name")
                .query((rs, n) -> new Municipality(rs.getLong(1), rs.getString(2))).list();
    }

    public Municipality get(long id) {
        return jdbc.sql("select id, name from municipality where id = :id").param("id", id)
                .query((rs, n) -> new Municipality(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> ApiException.notFound("Муниципалитет " + id + " не найден"));
    }

    /** Puts a school's programme into the municipality (out of the one it was in). */
    @Transactional
    public void attachSchool(long municipalityId, long programmeId) {
        get(municipalityId);
        programmes.moveToMunicipality(programmeId, municipalityId);
    }

    /** Attaches a coordinator, who then sees the municipality's schools; only a user of the group coordinator. */
    @Transactional
    public void attachCoordinator(long municipalityId, String userId) {
        get(municipalityId);
        boolean coordinator = userId != null && identity.createUserQuery().userId(userId)
                .memberOfGroup(Groups.COORDINATOR).count() > 0;
        if (!coordinator) {
            throw new ValidationException("userId", "Прикрепить к муниципалитету можно только пользователя "
                    + "с ролью «" + Groups.russianName(Groups.COORDINATOR) + "»");
        }
        jdbc.sql("""
                        insert into coordinator_municipality (user_id, municipality_id)
                        select :user, :municipality where not exists (select 1 from coordinator_municipality
                                                                      where user_id = :user and municipality_id = :municipality)""")
                .param("user", userId).param("municipality", municipalityId).update();
        log.info("Coordinator '{}' attached to municipality {}", InputText.forLog(userId), municipalityId);
    }

    @Transactional
    public void detachCoordinator(long municipalityId, String userId) {
        jdbc.sql("delete from coordinator_municipality where user_id = :user and municipality_id = :municipality")
                .param("user", userId).param("municipality", municipalityId).update();
        log.info("Coordinator '{}' detached from municipality {}", InputText.forLog(userId), municipalityId);
    }

    /** The municipalities a coordinator is attached to, by name. */
    public List<Municipality> ofCoordinator(String userId) {
        return jdbc.sql("""
                        select m.id, m.name from municipality m
                        join coordinator_municipality cm on cm.municipality_id = m.id
                        where cm.user_id = :user order by m.name""")
                .param("user", userId).query((rs, n) -> new Municipality(rs.getLong(1), rs.getString(2))).list();
    }

    /** Every attached coordinator with their municipalities. */
    public Map<String, List<Municipality>> coordinators() {
        Map<String, List<Municipality>> all = new LinkedHashMap<>();
        jdbc.sql("""
                        select cm.user_id, m.id, m.name from coordinator_municipality cm
                        join municipality m on m.id = cm.municipality_id order by cm.user_id, m.name""")
                .query((rs, n) -> all.computeIfAbsent(rs.getString(1), u -> new ArrayList<>())
                        .add(new Municipality(rs.getLong(2), rs.getString(3)))).list();
        return all;
    }

    /** The programmes of the schools of a coordinator's municipalities. */
    public Set<Long> programmeIds(String userId) {
        return new TreeSet<>(jdbc.sql("""
                        select p.id from programme p
                        join coordinator_municipality cm on cm.municipality_id = p.municipality_id
                        where cm.user_id = :user""")
                .param("user", userId).query(Long.class).list());
    }

    private java.util.Optional<Municipality> byName(String name) {
        return jdbc.sql("select id, name from municipality where name = :name").param("name", name)
                .query((rs, n) -> new Municipality(rs.getLong(1), rs.getString(2))).optional();
    }

    private static String checkedName(String name) {
        InputText.check("name", "Название муниципалитета", name, false).ifPresent(error -> {
            throw new ValidationException(List.of(error));
        });
        String clean = InputText.name(name);
        if (clean == null) {
            throw new ValidationException("name", "Укажите название муниципалитета");
        }
        if (clean.length() > NAME_MAX) {
            throw new ValidationException("name", "Название муниципалитета длиннее " + NAME_MAX + " символов");
        }
        return clean;
    }
}
