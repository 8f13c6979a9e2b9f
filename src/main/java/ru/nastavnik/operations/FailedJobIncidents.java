package ru.nastavnik.operations;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Deleting a job (a task's timers when the task is completed, a timer when it fires) makes the engine look for the
 * job's failed-job incident: one query per job, three for every meeting report with its three timers (issue 14). A
 * job gets that incident only when its retries run out, and the engine resolves it when they are set above zero
 * again, asking before it changes the count. So a job that still has retries has none, and it is not looked for.
 */
@Component
class FailedJobIncidents extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new OnlyForSpentRetries());
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** The engine's failed-job handler, which skips the lookup for a job it holds with retries left. */
    static final class OnlyForSpentRetries extends DefaultIncidentHandler {

        OnlyForSpentRetries() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        protected void removeIncident(IncidentContext context, boolean incidentResolved) {
            JobEntity job = Context.getCommandContext().getDbEntityManager()
                    .getCachedEntity(JobEntity.class, context.getConfiguration());
            if (job == null || job.getRetries() <= 0) {
                super.removeIncident(context, incidentResolved);
            }
        }
    }
}
