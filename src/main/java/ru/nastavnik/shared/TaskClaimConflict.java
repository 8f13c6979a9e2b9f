package ru.nastavnik.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two staff members claim the same task at once: the loser gets 409 with a Russian message, not 500.
 * Camunda's REST exception handler knows only 400, 403 and 500 for engine exceptions, so
 * {@link TaskAlreadyClaimedException} (an ordinary user race) would be reported as a server error.
 *
 * <p>The mapper must reach two separate JAX-RS applications: /engine-rest (Spring Boot's Jersey config) and the
 * webapps' engine API /camunda/api/engine (EngineRestApplication, a ServletContainer the webapp starter registers
 * with a fixed class list). Jersey loads {@link ForcedAutoDiscoverable}s from META-INF/services into every
 * application it starts, which is the one hook both have. Jersey picks the mapper of the closest exception type,
 * so this one wins over Camunda's generic handler.
 */
public final class TaskClaimConflict implements ExceptionMapper<TaskAlreadyClaimedException> {

    private static final Logger log = LoggerFactory.getLogger(TaskClaimConflict.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String MESSAGE = "Задачу уже взял в работу другой сотрудник";

    @Override
    public Response toResponse(TaskAlreadyClaimedException exception) {
        log.info("Claim refused: task {} is already assigned to {}", exception.getTaskId(), exception.getTaskAssignee());
        // The shape of Camunda's own error body (ExceptionDto), which Tasklist shows by its message.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TaskAlreadyClaimedException.class.getSimpleName());
        body.put("message", MESSAGE + " (" + exception.getTaskAssignee() + ")");
        body.put("code", 0);
        try {
            // As text: no JSON provider of the application is relied on.
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the claim conflict answer", e);
        }
    }

    /** Registers the mapper in every Jersey application of the product (see the class comment). */
    public static final class Registration implements ForcedAutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(TaskClaimConflict.class)) {
                context.register(TaskClaimConflict.class);
            }
        }
    }
}
