package ru.nastavnik.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;

/**
 * The lookups every step makes read an index, on the database the suite runs on (H2 or PostgreSQL): at a region's
 * million open tasks a lookup without one reads the whole table on every completion (bench/RegionBenchmark).
 * PostgreSQL is told not to scan when it can avoid it, so the plan names the index if there is one, however small
 * the test's tables.
 */
class EngineIndexesTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void completingATaskFindsItsSubtasksThroughAnIndex() throws SQLException {
        assertThat(plan("select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'task-1'"))
                .containsIgnoringCase("nst_task_parent");
    }

    @Test
    void aReportAsksWhetherItIsThePairsFirstOfItsKindThroughTheReportedMeetings() throws SQLException {
        String plan = plan("""
                select 1 from pair_meeting m where m.pair_id = 1 and m.kind in ('trial') and m.reported_at is not null
                  and m.id <> 2""");
        // The partial index is PostgreSQL's (db/vendor/postgresql); H2 probes an index on the meeting's pair.
        assertThat(plan).containsIgnoringCase(postgres() ? "pair_meeting_reported" : ": PAIR_ID = CAST(1 AS BIGINT) */");
    }

    private String plan(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (postgres()) {
                statement.execute("set enable_seqscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("explain " + query)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            } finally {
                if (postgres()) {
                    statement.execute("reset enable_seqscan");
                }
            }
            return plan.toString();
        }
    }

    private boolean postgres() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }
}
