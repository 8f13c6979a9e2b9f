package ru.nastavnik.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * {@link FailedJobIncidents} on engines of their own (an in-memory H2 database each), with the queries the engine
 * sends counted by MyBatis statement.
 */
class FailedJobIncidentsTest {

    private static final String LOOKUP = "selectIncidentsByConfiguration";

    @Test
    void aTaskWhoseTimersHaveRetriesIsCompletedWithoutLookingForTheirIncidents() {
        assertThat(lookupsWhenATaskWithTwoTimersIsCompleted("incidents-as-shipped", List.of()))
                .as("the engine as shipped").isEqualTo(2);
        assertThat(lookupsWhenATaskWithTwoTimersIsCompleted("incidents-skipped", List.of(new FailedJobIncidents())))
                .isZero();
    }

    @Test
    void aTimerOutOfRetriesHasItsIncidentUntilItIsRetriedOrItsTaskCompleted() {
        ProcessEngine engine = engine("incidents-kept", List.of(new FailedJobIncidents()));
        try {
            RuntimeService runtime = engine.getRuntimeService();
            ManagementService management = engine.getManagementService();
            String instance = runtime.startProcessInstanceByKey("step").getId();
            Job timer = management.createJobQuery().processInstanceId(instance).timers().list().get(0);

            management.setJobRetries(timer.getId(), 0);
            assertThat(runtime.createIncidentQuery().configuration(timer.getId()).count()).isOne();
            management.setJobRetries(timer.getId(), 2);
            assertThat(runtime.createIncidentQuery().configuration(timer.getId()).count()).as("retried").isZero();

            management.setJobRetries(timer.getId(), 0);
            engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance)
                    .singleResult().getId());
            assertThat(runtime.createIncidentQuery().count()).as("deleted with its timer").isZero();
        } finally {
            engine.close();
        }
    }

    private static int lookupsWhenATaskWithTwoTimersIsCompleted(String db, List<ProcessEnginePlugin> plugins) {
        Statements statements = new Statements();
        List<ProcessEnginePlugin> all = new ArrayList<>(plugins);
        all.add(statements.plugin());
        ProcessEngine engine = engine(db, all);
        try {
            TaskService tasks = engine.getTaskService();
            String instance = engine.getRuntimeService().startProcessInstanceByKey("step").getId();
            String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
            statements.executed.clear();
            tasks.complete(task);
            assertThat(engine.getManagementService().createJobQuery().count()).as("timers deleted").isZero();
            return Collections.frequency(statements.executed, LOOKUP);
        } finally {
            engine.close();
        }
    }

    /** A user task with two boundary timers, as a meeting's report task has three. */
    private static ProcessEngine engine(String db, List<ProcessEnginePlugin> plugins) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(db);
        configuration.setDataSource(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1", "sa", ""));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(plugins);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("step.bpmn",
                Bpmn.createExecutableProcess("step").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_Step").boundaryEvent("Timer_Remind").cancelActivity(false)
                        .timerWithDate("2099-01-01T09:00:00").endEvent()
                        .moveToActivity("Task_Step").boundaryEvent("Timer_Escalate").cancelActivity(false)
                        .timerWithDate("2099-02-01T09:00:00").endEvent()
                        .moveToActivity("Task_Step").endEvent().done()).deploy();
        return engine;
    }

    /** The MyBatis statements the engine runs, by id, once the engine is built. */
    @Intercepts(@Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
    static final class Statements implements Interceptor {
        final List<String> executed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            String id = ((MappedStatement) invocation.getArgs()[0]).getId();
            executed.add(id.substring(id.lastIndexOf('.') + 1));
            return invocation.proceed();
        }

        @Override
        public Object plugin(Object target) {
            return Plugin.wrap(target, this);
        }

        @Override
        public void setProperties(Properties properties) {
        }

        ProcessEnginePlugin plugin() {
            return new AbstractProcessEnginePlugin() {
                @Override
                public void postProcessEngineBuild(org.camunda.bpm.engine.ProcessEngine engine) {
                    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
                            .getConfiguration().addInterceptor(Statements.this);
                }
            };
        }
    }
}
