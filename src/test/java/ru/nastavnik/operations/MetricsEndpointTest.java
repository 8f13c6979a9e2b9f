package ru.nastavnik.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;

/**
 * /actuator/prometheus answers administrators only, with the engine's and the product's metrics. Spring Boot turns
 * metrics export off in tests unless asked (and this then is a context of its own).
 */
@AutoConfigureObservability(tracing = false)
class MetricsEndpointTest extends IntegrationTest {

    @Test
    void anAdministratorScrapesTheEnginesAndTheProductsMetrics() {
        HttpResponse<String> scrape = RestClient.as(port, "admin", "admin-test").get("/actuator/prometheus");

        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.body()).contains("camunda_job_successful_total", "camunda_activity_instance_start_total",
                "nastavnik_tasks_open ", "nastavnik_tasks_overdue ", "nastavnik_timers_pending ",
                "nastavnik_jobs_failed ", "nastavnik_mail_outbox{status=\"pending\"}",
                "nastavnik_mail_outbox{status=\"expired\"}");
    }

    @Test
    void othersGetNoMetrics() {
        assertThat(RestClient.anonymous(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
        HttpResponse<String> curator = RestClient.as(port, "curator", PASSWORD).get("/actuator/prometheus");
        assertThat(curator.statusCode()).isEqualTo(403);
        assertThat(curator.body()).doesNotContain("nastavnik_tasks_open");
        assertThat(RestClient.anonymous(port).get("/actuator/health").statusCode()).isEqualTo(200);
    }
}
