package ru.nastavnik.security;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps anonymous requests from filling spring_session. A session nobody logged into is not stored at all while it
 * holds nothing, and for {@code nastavnik.session.anonymous-timeout} only when it holds something: Camunda's
 * webapp keeps the CSRF token of its login page in the session, and that token must reach the login request on
 * whichever node it lands (the nodes share sessions through the database, with no sticky load balancing), so it
 * cannot live in one node's memory. The login (Camunda's {@code authenticatedUser}) gives the session the full
 * {@code spring.session.timeout}.
 * <p>
 * Spring Boot backs off its JDBC session set-up when there is another {@link SessionRepository} bean, so the
 * repository it builds is wrapped after its initialisation instead.
 */
@Component
class AnonymousSessions implements BeanPostProcessor {

    /** Camunda's session attribute of a logged-in webapp user ({@code AuthenticationUtil}). */
    static final String AUTHENTICATED_USER = "authenticatedUser";

    private final Duration anonymousTimeout;
    private final Duration timeout;

    AnonymousSessions(SessionSettings settings, @Value("${spring.session.timeout:30m}") Duration timeout) {
        this.anonymousTimeout = settings.anonymousTimeout();
        this.timeout = timeout;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JdbcIndexedSessionRepository jdbc ? new Repository(jdbc, anonymousTimeout, timeout) : bean;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final class Repository implements SessionRepository<Session>, DisposableBean {

        private final JdbcIndexedSessionRepository jdbc;
        private final SessionRepository<Session> stored;
        private final Duration anonymousTimeout;
        private final Duration timeout;
        /** Sessions read from the database: stored again on every change, as before. */
        private final Set<Session> fromDatabase = Collections.synchronizedSet(
                Collections.newSetFromMap(new WeakHashMap<>()));

        Repository(JdbcIndexedSessionRepository jdbc, Duration anonymousTimeout, Duration timeout) {
            this.jdbc = jdbc;
            this.stored = (SessionRepository) jdbc;
            this.anonymousTimeout = anonymousTimeout;
            this.timeout = timeout;
        }

        @Override
        public Session createSession() {
            Session session = stored.createSession();
            session.setMaxInactiveInterval(anonymousTimeout);
            return session;
        }

        @Override
        public void save(Session session) {
            // Camunda puts an empty Authentications into every webapp session; only a user in it counts.
            boolean loggedIn = session.getAttribute(AUTHENTICATED_USER) instanceof Authentications auths
                    && !auths.getAuthentications().isEmpty();
            if (loggedIn && session.getMaxInactiveInterval().compareTo(timeout) < 0) {
                session.setMaxInactiveInterval(timeout);
            }
            if (loggedIn || fromDatabase.contains(session) || !session.getAttributeNames().isEmpty()) {
                stored.save(session);
                fromDatabase.add(session);
            }
        }

        @Override
        public Session findById(String id) {
            Session session = stored.findById(id);
            if (session != null) {
                fromDatabase.add(session);
            }
            return session;
        }

        @Override
        public void deleteById(String id) {
            stored.deleteById(id);
        }

        @Override
        public void destroy() {
            jdbc.destroy();
        }
    }
}
