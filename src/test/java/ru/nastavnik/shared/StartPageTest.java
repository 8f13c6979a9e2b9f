package ru.nastavnik.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;

/** The site's root leads to the Russian Tasklist, not to Camunda's English Welcome page. */
class StartPageTest extends IntegrationTest {

    @Test
    void theRootRedirectsToTasklist() {
        HttpResponse<String> root = RestClient.anonymous(port).get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/camunda/app/tasklist/"));
    }
}
