package ru.nastavnik.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.nastavnik.shared.InputText;

/**
 * Refuses expressions in task queries inside the engine, before a query runs, whatever URL or API brought it.
 * Camunda 7.24.0 CE checks ad-hoc query expressions only at the top level of a task query, so a nested
 * {@code orQueries} entry let any logged-in user evaluate an expression on the server. Here every branch is
 * checked: an ad-hoc query may carry no expression at all; a saved filter (when saved and when it runs) only the
 * identity and date functions Tasklist offers; a query extending a filter none.
 */
class QueryExpressionGuard extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(QueryExpressionGuard.class);

    private static final Pattern SAFE_FILTER_EXPRESSION = Pattern.compile(
            "^\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
                    + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes)\\(\\d{1,4}\\))*"
                    + "(\\.toDate\\(\\))?)\\s*}$");

    static final String REFUSAL = "Выражения (${...}) в запросах задач не допускаются; в сохранённых фильтрах — "
            + "только currentUser(), currentUserGroups(), now() и dateTime()";

    private static final CommandField<String> FILTER_ID =
            CommandField.of(AbstractExecuteFilterCmd.class, "filterId", String.class);
    @SuppressWarnings("rawtypes")
    private static final CommandField<Query> EXTENDING_QUERY =
            CommandField.of(AbstractExecuteFilterCmd.class, "extendingQuery", Query.class);
    private static final CommandField<Filter> SAVED_FILTER = CommandField.of(SaveFilterCmd.class, "filter", Filter.class);

    /** Stored filter queries already found safe: Tasklist runs the same few filters all day. */
    private static final int KNOWN_SAFE = 1000;

    private final ProcessEngineConfigurationImpl engine;
    private final Map<String, Boolean> safeQueries = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > KNOWN_SAFE;
                }
            });
    /** Made on first use: the engine has no data source yet when the guard is built (plugin preInit). */
    private volatile JdbcTemplate jdbc;

    QueryExpressionGuard(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
        // Queries the engine runs inside its own commands were checked where they came in.
        if (Context.getCommandContext() == null) {
            check(command);
        }
        return next.execute(command);
    }

    private void check(Command<?> command) {
        if (command instanceof AbstractQuery<?, ?> query) {
            refuseAny(query, "ad-hoc query");
        } else if (command instanceof SaveFilterCmd save) {
            Query<?, ?> saved = SAVED_FILTER.read(save).getQuery();
            if (saved != null) {
                refuseUnsafe(saved, "saved filter");
            }
        } else if (command instanceof AbstractExecuteFilterCmd run) {
            Query<?, ?> extending = EXTENDING_QUERY.read(run);
            if (extending != null) {
                refuseAny(extending, "query extending a filter");
            }
            String filterId = FILTER_ID.read(run);
            String stored = storedQuery(filterId);
            if (stored != null && !safeQueries.containsKey(stored)) {
                // The stored text, not the engine's filter: loading that once more (with its authorization check)
                // cost a fifth of every Tasklist list and count. A text found safe stays safe.
                FilterEntity filter = new FilterEntity(EntityTypes.TASK);
                filter.setQueryInternal(stored);
                refuseUnsafe(filter.getQuery(), "filter " + filterId);
                safeQueries.put(stored, Boolean.TRUE);
            }
        }
    }

    /** The query as stored, also when written into the table by hand; null for an unknown filter. */
    private String storedQuery(String filterId) {
        if (jdbc == null) {
            jdbc = new JdbcTemplate(engine.getDataSource());
        }
        List<String> stored = jdbc.queryForList("select QUERY_ from " + engine.getDatabaseTablePrefix()
                + "ACT_RU_FILTER where ID_ = ?", String.class, filterId);
        return stored.isEmpty() ? null : stored.get(0);
    }

    private static void refuseAny(Query<?, ?> query, String where) {
        for (String expression : expressions(query)) {
            refuse(where, expression);
        }
    }

    private static void refuseUnsafe(Query<?, ?> query, String where) {
        for (String expression : expressions(query)) {
            if (!SAFE_FILTER_EXPRESSION.matcher(expression.trim()).matches()) {
                refuse(where, expression);
            }
        }
    }

    /** The expressions of a query and, for a task query, of each of its or-branches. */
    private static List<String> expressions(Query<?, ?> query) {
        List<? extends AbstractQuery<?, ?>> branches = query instanceof TaskQueryImpl task
                ? task.getQueries() : query instanceof AbstractQuery<?, ?> plain ? List.of(plain) : List.of();
        return branches.stream().map(AbstractQuery::getExpressions).filter(map -> map != null)
                .map(Map::values).flatMap(values -> values.stream()).toList();
    }

    private static void refuse(String where, String expression) {
        log.warn("Refused expression in {}: {}", where, InputText.forLog(expression));
        throw new BadUserRequestException(REFUSAL);
    }
}
