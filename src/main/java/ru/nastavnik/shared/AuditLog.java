package ru.nastavnik.shared;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who did what to which record, for the personal-data log (152-ФЗ): actions on and views of participants.
 * Holds ids and counts only, never names or other personal data.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final SchoolClock clock;

    public AuditLog(JdbcClient jdbc, SchoolClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param action    a dotted code, e.g. "participants.imported"
     * @param programme the programme concerned, or null
     * @param subject   the record acted on (a person id), or null
     * @param details   counts or codes; never personal data
     */
    public void record(String actor, String action, Long programme, Long subject, String details) {
        jdbc.sql("""
                        insert into audit_log (occurred_at, actor, action, programme_id, subject_id, details)
                        values (:at, :actor, :action, :programme, :subject, :details)""")
                .param("at", Timestamp.from(clock.now()))
                .param("actor", actor)
                .param("action", action)
                .param("programme", programme)
                .param("subject", subject)
                .param("details", details)
                .update();
    }
}
