package ru.nastavnik.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.WebappSession;

/**
 * The site's root is the product's start page for a user logged into Tasklist; anyone else goes to the Russian
 * Tasklist's login, not to Camunda's English Welcome page.
 */
class StartPageTest extends IntegrationTest {

    @Test
    void anAnonymousVisitorIsSentToTheTasklistLogin() {
        HttpResponse<String> root = RestClient.anonymous(port).get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/camunda/app/tasklist/default/#/login"));
    }

    @Test
    void staffSeeTheProgrammesWithLinksToTheirOverviewsAndMentorsOnlyTasklist() {
        long programme = startProgrammeOverApi("Школа стартовой страницы " + System.nanoTime(), "pupil-pupil");

        HttpResponse<String> curator = WebappSession.loggedIn(port, "curator", PASSWORD).get("/");
        assertThat(curator.statusCode()).isEqualTo(200);
        assertThat(curator.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(curator.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(curator.body()).contains("Программы наставничества", "href=\"/programmes/" + programme + "\"",
                "href=\"/camunda/app/tasklist/\"");

        HttpResponse<String> mentor = WebappSession.loggedIn(port, "mentor1", PASSWORD).get("/");
        assertThat(mentor.statusCode()).isEqualTo(200);
        assertThat(mentor.body()).contains("Вам не открыт обзор ни одной программы")
                .doesNotContain("href=\"/programmes/");
    }
}
