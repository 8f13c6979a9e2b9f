package ru.nastavnik.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The history level {@value AuditHistory#NAME} on engines of their own (an in-memory H2 database each): what it
 * writes and leaves out, and that a database written at «full» starts with it.
 */
class AuditHistoryTest {

    private static final ObjectProvider<VariablesKeptByTheProduct> NO_ANSWERS = answers();

    @Test
    void keepsInstancesLastValuesAndTheOperationLogButNoVariableUpdatesOrJobLog() {
        ProcessEngine engine = engine("audit-history-writes", AuditHistory.NAME, List.of(new AuditHistory(NO_ANSWERS)));
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("step.bpmn",
                    Bpmn.createExecutableProcess("step").camundaHistoryTimeToLive(1).startEvent()
                            .userTask("Task_Step").camundaAssignee("mentor")
                            .boundaryEvent("Timer_Step").cancelActivity(false).timerWithDuration("P1D").endEvent()
                            .moveToActivity("Task_Step").endEvent().done()).deploy();
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("step",
                    Map.of("answer", "first"));
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
            engine.getIdentityService().setAuthenticatedUserId("mentor");
            engine.getTaskService().complete(task.getId(), Map.of("answer", "second"));
            engine.getIdentityService().clearAuthentication();

            HistoryService history = engine.getHistoryService();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished()
                    .count()).isEqualTo(1);
            assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isEqualTo(1);
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                    .variableName("answer").singleResult().getValue()).isEqualTo("second");
            assertThat(history.createUserOperationLogQuery().taskId(task.getId())
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count())
                    .as("the operation log, as Tasklist's history tab shows it").isEqualTo(1);
            assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count())
                    .as("variable updates").isZero();
            assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).count())
                    .as("the timer's job log").isZero();
            assertThat(history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).count())
                    .as("the assignee's identity link log").isZero();
        } finally {
            engine.close();
        }
    }

    /**
     * A variable the product declares it keeps has no history, created, updated or removed; others keep theirs. The
     * key is read from the definition's id ({@code key:version:id}), or from the definition when its id is a bare id
     * ({@code key:version:id} would be longer than 64 characters).
     */
    @Test
    void keepsNoHistoryOfTheAnswersTheProductKeeps() {
        String longKey = "report-" + "x".repeat(60);
        List<String> reports = List.of("report", longKey);
        VariablesKeptByTheProduct declared = (process, variable) -> reports.contains(process)
                && variable.equals("answer");
        ProcessEngine engine = engine("audit-history-answers", AuditHistory.NAME,
                List.of(new AuditHistory(answers(declared))));
        try {
            for (String process : List.of("report", longKey, "other")) {
                engine.getRepositoryService().createDeployment().addModelInstance("process.bpmn",
                        Bpmn.createExecutableProcess(process).camundaHistoryTimeToLive(1).startEvent()
                                .userTask().endEvent().done()).deploy();
            }
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(longKey)
                    .singleResult().getId()).doesNotContain(longKey);
            RuntimeService runtime = engine.getRuntimeService();
            HistoryService history = engine.getHistoryService();
            for (String process : reports) {
                ProcessInstance report = runtime.startProcessInstanceByKey(process, Map.of("answer", "first",
                        "kept", "yes"));
                runtime.setVariable(report.getId(), "answer", "second");
                runtime.removeVariable(report.getId(), "answer");

                assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(report.getId())
                        .variableName("answer").includeDeleted().count()).as(process).isZero();
                assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(report.getId())
                        .variableName("kept").singleResult().getValue()).as(process).isEqualTo("yes");
            }
            ProcessInstance other = runtime.startProcessInstanceByKey("other", Map.of("answer", "first"));
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(other.getId())
                    .variableName("answer").singleResult().getValue()).as("the same name in another process")
                    .isEqualTo("first");
        } finally {
            engine.close();
        }
    }

    @Test
    void movesADatabaseWrittenAtFullToItsLevel() {
        String db = "audit-history-from-full";
        engine(db, ProcessEngineConfiguration.HISTORY_FULL, List.of()).close();
        ProcessEnginePlugin levelOnly = new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setCustomHistoryLevels(List.of(new AuditHistory(NO_ANSWERS).level()));
            }
        };
        assertThatThrownBy(() -> engine(db, AuditHistory.NAME, List.of(levelOnly)))
                .as("the engine's own check, without the move").hasMessageContaining("historyLevel mismatch");

        engine(db, AuditHistory.NAME, List.of(new AuditHistory(NO_ANSWERS))).close();

        assertThat(JdbcClient.create(dataSource(db)).sql("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'")
                .query(String.class).single()).isEqualTo(String.valueOf(AuditHistory.ID));
    }

    /** The beans the level finds in the application's context. */
    private static ObjectProvider<VariablesKeptByTheProduct> answers(VariablesKeptByTheProduct... declared) {
        Map<String, Object> beans = new HashMap<>();
        for (VariablesKeptByTheProduct answers : declared) {
            beans.put("answers" + beans.size(), answers);
        }
        return new StaticListableBeanFactory(beans).getBeanProvider(VariablesKeptByTheProduct.class);
    }

    private static ProcessEngine engine(String db, String history, List<ProcessEnginePlugin> plugins) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(db);
        configuration.setDataSource(dataSource(db));
        // Kept when the engine closes, as a real database is.
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(history);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(plugins);
        return configuration.buildProcessEngine();
    }

    private static SimpleDriverDataSource dataSource(String db) {
        return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
