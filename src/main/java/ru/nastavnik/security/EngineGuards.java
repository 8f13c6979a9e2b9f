package ru.nastavnik.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The checks that must hold whatever URL, webapp or API reaches the engine, placed in front of every command:
 * expressions in task queries and filters, the throttle on password checks, who changes a profile and whom a
 * mentor sees.
 * Camunda's own lock-out after failed logins is switched off: any stranger could use it to lock out anyone.
 */
@Component
class EngineGuards extends AbstractProcessEnginePlugin {

    private final LoginSettings login;

    EngineGuards(LoginSettings login) {
        this.login = login;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new QueryExpressionGuard(configuration));
        interceptors.add(new ThrottledPasswordCheck(new LoginThrottle(login.limits(), Clock.systemUTC())));
        interceptors.add(new ProfileGuard(configuration.getIdentityService()));
        interceptors.add(new StaffVisibleToMentors(configuration.getIdentityService(),
                configuration.getAuthorizationService()));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
    }
}
