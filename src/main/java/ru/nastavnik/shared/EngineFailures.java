package ru.nastavnik.shared;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** How the engine meets concurrent use and users' mistakes: see {@link ConflictRetry}, {@link UserMistakesLogged}. */
@Component
class EngineFailures extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        // First, so that a retry passes the other guards again as a new command would.
        interceptors.add(0, new ConflictRetry());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        UserMistakesLogged contexts = new UserMistakesLogged();
        // The engine sets its configuration only on a factory it creates itself.
        contexts.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(contexts);
    }
}
