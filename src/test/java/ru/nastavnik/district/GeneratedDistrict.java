package ru.nastavnik.district;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A district written straight into the tables (no processes): schools' programmes with a roadmap, bases, an order,
 * pairs with meetings and feedback, at random from a seed. Each school's figures are counted here, from what was
 * written, not by the product's queries, so that a test can compare the district table with them.
 */
public final class GeneratedDistrict {

    /** What one generated school's row must show. */
    public record Expected(long programmeId, String school, int overdue, long mentees, long mentors, long active,
                    long finished, long ended, long working, long onPlan, long sent, long answered) {
    }

    private static final String[] STATUSES = {"active", "active", "active", "active", "active", "active", "active",
            "finished", "finished", "ended"};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Random random;
    private final LocalDate today;
    private final Instant now;

    public GeneratedDistrict(JdbcClient jdbc, JdbcTemplate batch, long seed, LocalDate today, Instant now) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.random = new Random(seed);
        this.today = today;
        this.now = now;
    }

    /** {@code count} schools named «{prefix} № k» in the municipality, each with about {@code pairs} pairs. */
    public List<Expected> schools(long municipalityId, String prefix, int count, int pairs) {
        List<Expected> all = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            all.add(school(municipalityId, prefix + " № " + k, pairs / 2 + random.nextInt(pairs + 1)));
        }
        return all;
    }

    private Expected school(long municipalityId, String name, int pairs) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into programme (school_name, school_year, curator_id, created_at, created_by, municipality_id)
                        values (:name, '2026/2027', 'curator', :now, 'generator', :municipality)""")
                .param("name", name).param("now", Timestamp.from(now)).param("municipality", municipalityId)
                .update(key, "id");
        long programme = key.getKey().longValue();
        jdbc.sql("insert into programme_form (programme_id, form_code) values (:p, 'pupil-pupil')")
                .param("p", programme).update();
        int overdue = roadmap(programme);

        // People: a mentor and a mentee per pair, then extra mentees, mentor candidates and withdrawn people.
        String tag = UUID.randomUUID().toString();
        int extraMentees = random.nextInt(6);
        int candidates = random.nextInt(4);
        int withdrawn = random.nextInt(3);
        List<Object[]> people = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            roles.add("mentor");
            roles.add("mentee");
        }
        for (int i = 0; i < extraMentees; i++) {
            roles.add("mentee");
        }
        for (int i = 0; i < candidates; i++) {
            roles.add("mentor_candidate");
        }
        for (int i = 0; i < withdrawn; i++) {
            roles.add(random.nextBoolean() ? "mentee" : "mentor");
        }
        for (int i = 0; i < roles.size(); i++) {
            people.add(new Object[] {"Участник " + i + " " + name, tag + "-" + i, "pupil", Timestamp.from(now),
                    Timestamp.from(now)});
        }
        batch.batchUpdate("insert into person (full_name, name_key, category, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?)", people);
        Map<String, Long> byKey = new HashMap<>();
        jdbc.sql("select id, name_key from person where name_key like :tag").param("tag", tag + "-%")
                .query((rs, n) -> byKey.put(rs.getString(2), rs.getLong(1))).list();
        long[] ids = new long[roles.size()];
        List<Object[]> participants = new ArrayList<>();
        List<Object[]> consents = new ArrayList<>();
        int firstWithdrawn = roles.size() - withdrawn;
        for (int i = 0; i < roles.size(); i++) {
            ids[i] = byKey.get(tag + "-" + i);
            boolean gone = i >= firstWithdrawn;
            participants.add(new Object[] {programme, ids[i], roles.get(i), Timestamp.from(now), Timestamp.from(now),
                    gone ? Timestamp.from(now) : null});
            consents.add(new Object[] {programme, ids[i], Timestamp.from(now), gone ? Timestamp.from(now) : null});
        }
        batch.batchUpdate("insert into programme_participant (programme_id, person_id, role, created_at, updated_at, "
                + "withdrawn_at) values (?, ?, ?, ?, ?, ?)", participants);
        batch.batchUpdate("insert into consent (programme_id, person_id, given_by, given_on, recorded_at, withdrawn_at) "
                + "values (?, ?, 'self', current_date, ?, ?)", consents);
        long mentees = pairs + extraMentees;
        long mentors = pairs + candidates;

        // One approved order fixes the pairs; each pair has its meetings, some missed.
        jdbc.sql("""
                        insert into pair_order (programme_id, number, order_date, status, rows_json, created_at)
                        values (:p, 1, :day, 'approved', '[]', :now)""")
                .param("p", programme).param("day", Date.valueOf(today.minusMonths(2)))
                .param("now", Timestamp.from(now)).update();
        long order = jdbc.sql("select id from pair_order where programme_id = :p").param("p", programme)
                .query(Long.class).single();
        List<Object[]> pairRows = new ArrayList<>();
        String[] status = new String[pairs];
        for (int i = 0; i < pairs; i++) {
            status[i] = STATUSES[random.nextInt(STATUSES.length)];
            pairRows.add(new Object[] {programme, order, ids[2 * i], "gen-mentor", status[i],
                    tag + "-pair-" + i, Timestamp.from(now.minusSeconds(86_400L * 60)),
                    "active".equals(status[i]) ? null : Timestamp.from(now)});
        }
        batch.batchUpdate("insert into mentorship_pair (programme_id, order_id, mentor_person_id, mentor_user_id, "
                + "form_code, status, process_instance_id, started_at, closed_at) "
                + "values (?, ?, ?, ?, 'pupil-pupil', ?, ?, ?, ?)", pairRows);
        Map<String, Long> pairIds = new HashMap<>();
        jdbc.sql("select id, process_instance_id from mentorship_pair where programme_id = :p").param("p", programme)
                .query((rs, n) -> pairIds.put(rs.getString(2), rs.getLong(1))).list();
        List<Object[]> menteeRows = new ArrayList<>();
        List<Object[]> meetings = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        List<Object[]> answers = new ArrayList<>();
        long onPlan = 0;
        long answered = 0;
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < pairs; i++) {
            long pair = pairIds.get(tag + "-pair-" + i);
            long mentee = ids[2 * i + 1];
            menteeRows.add(new Object[] {pair, mentee});
            int count = 3 + random.nextInt(8);
            boolean missed = false;
            for (int m = 1; m <= count; m++) {
                boolean late = random.nextInt(25) == 0;
                missed |= late;
                meetings.add(new Object[] {pair, m == 1 ? "acquaintance" : "regular", m,
                        Date.valueOf(today.minusDays(7L * (count - m) + 1)), tag + "-meeting",
                        Timestamp.from(now), late ? Timestamp.from(now) : null, Timestamp.from(now),
                        Date.valueOf(today.minusDays(7L * (count - m) + 1))});
            }
            if (!"ended".equals(status[i]) && !missed) {
                onPlan++;
            }
            for (String kind : List.of("mentee", "satisfaction")) {
                if (random.nextInt(3) > 0) {
                    links.add(new Object[] {UUID.randomUUID().toString(), programme, pair, mentee, kind,
                            Timestamp.from(now), Timestamp.from(now.plusSeconds(86_400L * 14))});
                    sent.add(kind + mentee);
                    if (random.nextBoolean()) {
                        answers.add(new Object[] {programme, pair, mentee, kind, 1 + random.nextInt(5),
                                random.nextBoolean(), Timestamp.from(now)});
                        answered++;
                    }
                }
            }
        }
        batch.batchUpdate("insert into pair_mentee (pair_id, person_id) values (?, ?)", menteeRows);
        batch.batchUpdate("insert into pair_meeting (pair_id, kind, seq, planned_on, process_instance_id, created_at, "
                + "overdue_at, reported_at, held_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", meetings);
        batch.batchUpdate("insert into feedback_link (token_hash, programme_id, pair_id, person_id, kind, created_at, "
                + "expires_at) values (?, ?, ?, ?, ?, ?, ?)", links);
        batch.batchUpdate("insert into feedback_answer (programme_id, pair_id, person_id, kind, rating, would_continue, "
                + "submitted_at) values (?, ?, ?, ?, ?, ?, ?)", answers);
        long active = count(status, "active");
        long finished = count(status, "finished");
        return new Expected(programme, name, overdue, mentees, mentors, active, finished, count(status, "ended"),
                active + finished, onPlan, sent.size(), answered);
    }

    /**
     * A roadmap of five items a stage (eight in stage 6, whose items the pairs' meetings are planned from), each done,
     * in work, overdue or planned at random; returns how many are overdue.
     */
    private int roadmap(long programme) {
        List<Object[]> items = new ArrayList<>();
        int overdue = 0;
        // One school in five keeps every date.
        boolean punctual = random.nextInt(5) == 0;
        for (int stage = 1; stage <= 7; stage++) {
            for (int n = 1; n <= (stage == 6 ? 8 : 5); n++) {
                int state = random.nextInt(4);
                LocalDate due = today.plusDays(random.nextInt(60) - (punctual ? 0 : 30));
                boolean activated = state > 0;
                boolean done = state == 1;
                if (activated && !done && due.isBefore(today)) {
                    overdue++;
                }
                items.add(new Object[] {programme, stage + "." + n, stage, stage * 10 + n,
                        "Мероприятие " + stage + "." + n, "curator", Date.valueOf(due.minusDays(30)), Date.valueOf(due),
                        activated ? Timestamp.from(now) : null, done ? Timestamp.from(now) : null});
            }
        }
        batch.batchUpdate("insert into roadmap_item (programme_id, code, stage, position, title, responsible_group, "
                + "start_date, due_date, activated_at, completed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", items);
        return overdue;
    }

    private static long count(String[] values, String value) {
        return java.util.Arrays.stream(values).filter(value::equals).count();
    }
}
