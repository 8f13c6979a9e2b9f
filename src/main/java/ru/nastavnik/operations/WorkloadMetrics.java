package ru.nastavnik.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a region's operator watches (docs/operations.md), on /actuator/prometheus: the engine's own counters
 * (jobs, activity instances, …: those already reported to the database plus the ones this node has not reported
 * yet), the open work (tasks, overdue tasks, pending and due timers, jobs out of retries) and the mail outbox by
 * status. The gauges are read at each scrape; each is one indexed count.
 */
@Component
class WorkloadMetrics implements MeterBinder {

    /** The engine's counters worth a graph: throughput of the job executor and of the processes. */
    static final List<String> ENGINE_COUNTERS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT,
            Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
            Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.JOB_EXECUTION_REJECTED, Metrics.ACTIVTY_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_END, Metrics.ROOT_PROCESS_INSTANCE_START);

    private final ProcessEngine engine;
    private final JdbcClient jdbc;

    WorkloadMetrics(ProcessEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        ManagementService management = engine.getManagementService();
        for (String name : ENGINE_COUNTERS) {
            FunctionCounter.builder("camunda." + name.replace('-', '.'), management, m -> {
                        Meter unreported = config.getMetricsRegistry() == null ? null
                                : config.getMetricsRegistry().getDbMeters().get(name);
                        return m.createMetricsQuery().name(name).sum() + (unreported == null ? 0 : unreported.get());
                    })
                    .description("Camunda engine metric «" + name + "» of every node (reported) and this one")
                    .register(registry);
        }
        gauge(registry, "nastavnik.tasks.open", "Open user tasks", e -> e.getTaskService().createTaskQuery().count());
        gauge(registry, "nastavnik.tasks.overdue", "Open user tasks past their due date",
                e -> e.getTaskService().createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).count());
        gauge(registry, "nastavnik.timers.pending", "Timers waiting for their due date",
                e -> e.getManagementService().createJobQuery().timers().count());
        gauge(registry, "nastavnik.jobs.due", "Jobs due now and not yet executed (the job executor's backlog)",
                e -> e.getManagementService().createJobQuery().executable().count());
        gauge(registry, "nastavnik.jobs.failed", "Jobs out of retries (incidents)",
                e -> e.getManagementService().createJobQuery().noRetriesLeft().count());
        for (String status : List.of("pending", "sending", "sent", "expired", "unaddressed", "cancelled")) {
            Gauge.builder("nastavnik.mail.outbox", jdbc, j -> outboxCount(j, status))
                    .tag("status", status)
                    .description("Mails in the outbox by status: pending and sending are the queue, expired the "
                            + "failed ones")
                    .register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<ProcessEngine> count) {
        Gauge.builder(name, engine, count).description(description).register(registry);
    }

    private static double outboxCount(JdbcClient jdbc, String status) {
        return jdbc.sql("select count(*) from mail_outbox where status = :status").param("status", status)
                .query(Long.class).single();
    }
}
