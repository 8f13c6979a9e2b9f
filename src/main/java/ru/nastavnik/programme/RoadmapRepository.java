package ru.nastavnik.programme;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoadmapRepository {

    private final JdbcClient jdbc;

    RoadmapRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertAll(long programmeId, List<RoadmapItem> items) {
        for (RoadmapItem item : items) {
            jdbc.sql("""
                            insert into roadmap_item (programme_id, code, stage, position, title, responsible_group,
                                                      start_date, due_date)
                            values (:programme, :code, :stage, :position, :title, :group, :start, :due)""")
                    .param("programme", programmeId).param("code", item.code()).param("stage", item.stage())
                    .param("position", item.position()).param("title", item.title())
                    .param("group", item.responsibleGroup())
                    .param("start", Date.valueOf(item.startDate())).param("due", Date.valueOf(item.dueDate()))
                    .update();
        }
    }

    List<RoadmapItem> findAll(long programmeId) {
        return jdbc.sql("select * from roadmap_item where programme_id = :p order by position")
                .param("p", programmeId).query(this::map).list();
    }

    List<RoadmapItem> findByStage(long programmeId, int stage) {
        return jdbc.sql("select * from roadmap_item where programme_id = :p and stage = :s order by position")
                .param("p", programmeId).param("s", stage).query(this::map).list();
    }

    /** The overdue items of the programmes (see {@link RoadmapItem#status}), by programme and roadmap order. */
    List<RoadmapItem> findOverdue(Collection<Long> programmeIds, LocalDate today) {
        return programmeIds.isEmpty() ? List.of() : jdbc.sql("""
                        select * from roadmap_item
                        where programme_id in (:ids) and completed_at is null and activated_at is not null
                          and due_date < :today
                        order by programme_id, position""")
                .param("ids", programmeIds).param("today", Date.valueOf(today)).query(this::map).list();
    }

    Optional<RoadmapItem> find(long programmeId, String code) {
        return jdbc.sql("select * from roadmap_item where programme_id = :p and code = :c")
                .param("p", programmeId).param("c", code).query(this::map).optional();
    }

    /** Marks an item as opened by a process; false when another process opened it already. */
    boolean claim(long programmeId, String code, String processInstanceId, Instant at) {
        return jdbc.sql("""
                        update roadmap_item set process_instance_id = :pi, activated_at = :at
                        where programme_id = :p and code = :c and process_instance_id is null""")
                .param("pi", processInstanceId).param("at", Timestamp.from(at))
                .param("p", programmeId).param("c", code).update() == 1;
    }

    /** Records an item's result; false when it was recorded already (a form and the work closing it at once). */
    boolean markCompleted(long programmeId, String code, RoadmapResult result, String by, Instant at) {
        return jdbc.sql("""
                        update roadmap_item set completed_at = :at, completed_by = :by, done_on = :doneOn,
                               result = :result, comment = :comment, attachments = :attachments
                        where programme_id = :p and code = :c and completed_at is null""")
                .param("at", Timestamp.from(at)).param("by", by).param("doneOn", Date.valueOf(result.doneOn()))
                .param("result", result.result()).param("comment", result.comment())
                .param("attachments", result.attachments())
                .param("p", programmeId).param("c", code).update() == 1;
    }

    void updateDates(long programmeId, String code, LocalDate start, LocalDate due) {
        jdbc.sql("update roadmap_item set start_date = :s, due_date = :d where programme_id = :p and code = :c")
                .param("s", Date.valueOf(start)).param("d", Date.valueOf(due))
                .param("p", programmeId).param("c", code).update();
    }

    private RoadmapItem map(ResultSet rs, int row) throws SQLException {
        Date doneOn = rs.getDate("done_on");
        return new RoadmapItem(rs.getLong("programme_id"), rs.getString("code"), rs.getInt("stage"),
                rs.getInt("position"), rs.getString("title"), rs.getString("responsible_group"),
                rs.getDate("start_date").toLocalDate(), rs.getDate("due_date").toLocalDate(),
                rs.getString("process_instance_id"),
                ProgrammeRepository.instant(rs, "activated_at"), ProgrammeRepository.instant(rs, "completed_at"),
                rs.getString("completed_by"), doneOn == null ? null : doneOn.toLocalDate(),
                rs.getString("result"), rs.getString("comment"), rs.getString("attachments"));
    }
}
