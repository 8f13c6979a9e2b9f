package ru.nastavnik.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} (application.yml, docs/operations.md): Camunda's «audit» (process,
 * activity and task instances, each variable's last value) plus the user operation log, which Tasklist's history tab
 * of a task shows. «full» also wrote every value of every variable a second time (ACT_HI_DETAIL), a log entry for
 * every timer and job, every candidate change, incident and decision: nothing in the product or in Camunda CE's
 * webapps reads those, and they were a quarter of the rows a pair-meeting step wrote. Neither does it keep the
 * history of the {@link VariablesKeptByTheProduct answers the product keeps itself}.
 * <p>
 * The engine keeps its level in the database and refuses to start on another one; a database written at «full»
 * (the level before) is moved to this one here, before the engine checks it. The history written so far stays until
 * the history cleanup removes it.
 */
@Component
class AuditHistory extends AbstractProcessEnginePlugin {

    static final String NAME = "audit-operations";
    /** Kept in ACT_GE_PROPERTY; Camunda's own levels are 0-3. */
    static final int ID = 20;
    private static final Logger log = LoggerFactory.getLogger(AuditHistory.class);

    private final HistoryLevel level;

    AuditHistory(ObjectProvider<VariablesKeptByTheProduct> answers) {
        level = new Level(answers);
    }

    HistoryLevel level() {
        return level;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(level);
        configuration.setCustomHistoryLevels(levels);
    }

    /** Runs after the engine's configuration is read and before the engine compares its level with the database's. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (NAME.equals(configuration.getHistory())) {
            moveFromFull(configuration.getDataSource(), configuration.getDatabaseTablePrefix() + "ACT_GE_PROPERTY");
        }
    }

    private static void moveFromFull(DataSource dataSource, String properties) {
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection, properties)) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("update " + properties
                    + " set VALUE_ = ?, REV_ = REV_ + 1 where NAME_ = 'historyLevel' and VALUE_ = ?")) {
                update.setString(1, String.valueOf(ID));
                update.setString(2, String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
                if (update.executeUpdate() > 0) {
                    log.warn("Engine history level moved from {} to {}: from now on no variable update details, job "
                                    + "or identity link logs are written", HistoryLevel.HISTORY_LEVEL_FULL.getName(), NAME);
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not move the engine's history level to " + NAME, e);
        }
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
    private static boolean tableExists(Connection connection, String table) throws SQLException {
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Camunda's «audit» plus the user operation log, less the variable history of the answers the product keeps. */
    private static final class Level extends AbstractHistoryLevel {
        private final ObjectProvider<VariablesKeptByTheProduct> provider;
        /** Asked for on first use: the engine, and so its level, is built before the Spring context is complete. */
        private volatile List<VariablesKeptByTheProduct> answers;

        Level(ObjectProvider<VariablesKeptByTheProduct> provider) {
            this.provider = provider;
        }

        @Override
        public int getId() {
            return ID;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (entity instanceof VariableInstanceEntity variable && keptByTheProduct(variable)) {
                return false;
            }
            return eventType == HistoryEventTypes.USER_OPERATION_LOG
                    || HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity);
        }

        /** Runs for every variable event: a look-up per declaring bean, usually none or one. */
        private boolean keptByTheProduct(VariableInstanceEntity variable) {
            List<VariablesKeptByTheProduct> declared = answers;
            if (declared == null) {
                declared = provider.orderedStream().toList();
                answers = declared;
            }
            if (declared.isEmpty()) {
                return false;
            }
            String key = processDefinitionKey(variable);
            return key != null && declared.stream().anyMatch(a -> a.includes(key, variable.getName()));
        }

        /**
         * From the definition's id, {@code key:version:id}; from the definition itself when its id is a bare id (the
         * engine's choice when {@code key:version:id} would be longer than 64 characters) or the variable holds none.
         * None for a task's own variable.
         */
        private static String processDefinitionKey(VariableInstanceEntity variable) {
            String id = variable.getProcessDefinitionId();
            int end = id == null ? -1 : id.indexOf(':');
            if (end > 0) {
                return id.substring(0, end);
            }
            ExecutionEntity execution = variable.getExecution();
            return execution == null ? null : execution.getProcessDefinition().getKey();
        }
    }
}
