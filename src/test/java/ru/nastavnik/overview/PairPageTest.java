package ru.nastavnik.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.WebappSession;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairProcess;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;

/** A pair's page over HTTP with a Tasklist session: for the staff and the pair's own mentor, nobody else. */
class PairPageTest extends IntegrationTest {

    static final String HOSTILE = "<script>alert(1)</script>";

    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;

    private final List<Pair> fixed = new ArrayList<>();

    @AfterEach
    void endPairProcesses() {
        TestPairs.end(engine.getRuntimeService(), fixed);
    }

    @Test
    void staffAndThePairsMentorSeeItsPageWithTheReportAsTextAnotherMentorIsRefused() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        long programme = startProgrammeOverApi("Школа пар " + System.nanoTime(), "pupil-pupil");
        String mentor = TestParticipants.unique("Петров") + " Пётр";
        String mentee = TestParticipants.unique("Иванова") + " Анна";
        String otherMentor = TestParticipants.unique("Кузнецова") + " Ольга";
        String otherMentee = TestParticipants.unique("Сидоров") + " Олег";
        Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                TestPairs.pupil(mentor, true, "petr-" + programme + "@school.test", "rep1-" + programme + "@mail.test"),
                TestPairs.pupil(otherMentor, true, "olga-" + programme + "@school.test",
                        "rep2-" + programme + "@mail.test"),
                TestPairs.pupil(mentee, false, "", "parent1-" + programme + "@mail.test"),
                TestPairs.pupil(otherMentee, false, "", "parent2-" + programme + "@mail.test")));
        clockAt(LocalDateTime.of(2026, 12, 1, 10, 0));
        fixed.addAll(TestPairs.fix(orders, pairs, programme, Map.of(ids.get(mentor), List.of(ids.get(mentee)),
                ids.get(otherMentor), List.of(ids.get(otherMentee)))));
        Pair pair = fixed.stream().filter(p -> p.mentor().personId() == ids.get(mentor)).findFirst().orElseThrow();
        Pair other = fixed.stream().filter(p -> p != pair).findFirst().orElseThrow();

        // The mentor reports the acquaintance meeting in Tasklist with a script typed into the report.
        clockAt(LocalDateTime.of(2026, 12, 8, 17, 0));
        Task acquaintance = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(PairProcess.businessKey(programme, pair.id())).singleResult();
        Map<String, Object> report = TestPairs.meetingReport(LocalDate.of(2026, 12, 8), List.of(ids.get(mentee)));
        report.put("meetingTopics", "Знакомство " + HOSTILE);
        complete(acquaintance, pair.mentorUserId(), report);

        String path = "/programmes/" + programme + "/pairs/" + pair.id();
        HttpResponse<String> staff = WebappSession.loggedIn(port, "curator", PASSWORD).get(path);
        assertThat(staff.statusCode()).as(staff.body()).isEqualTo(200);
        assertThat(staff.headers().allValues("Content-Security-Policy")).anySatisfy(csp ->
                assertThat(csp).contains("default-src 'none'"));
        String html = staff.body();
        assertThat(html).contains("lang=\"ru\"", mentor, mentee, "Ученик – ученик", "работает", "Распоряжение № ",
                "Индивидуальный план", "План ещё не составлен", "Встречи", "Встреча-знакомство", "проведена",
                "08.12.2026", "Знакомство &lt;script&gt;alert(1)&lt;/script&gt;", "Встречаться по плану",
                "был(а)", "Обратная связь", "Анкеты участников").doesNotContain(HOSTILE, otherMentee, "null");
        assertThat(WebappSession.loggedIn(port, "coordinator", PASSWORD).get(path).statusCode()).isEqualTo(200);

        // The overview links the pair's row to its page.
        assertThat(WebappSession.loggedIn(port, "curator", PASSWORD).get("/programmes/" + programme).body())
                .contains("href=\"" + path + "\"");

        withPassword(pair.mentorUserId());
        WebappSession own = WebappSession.loggedIn(port, pair.mentorUserId(), PASSWORD);
        HttpResponse<String> mine = own.get(path);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        // The questionnaires judge the mentor: for the staff only.
        assertThat(mine.body()).contains(mentee, "Знакомство &lt;script&gt;").doesNotContain(HOSTILE,
                "Анкеты участников");
        HttpResponse<String> start = own.get("/");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("Мои пары и группы", "href=\"" + path + "\"", mentee)
                .doesNotContain("Вам не открыт обзор", otherMentee);

        withPassword(other.mentorUserId());
        HttpResponse<String> stranger = WebappSession.loggedIn(port, other.mentorUserId(), PASSWORD).get(path);
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/html"));
        assertThat(stranger.body()).contains("Нет доступа", PairPage.REFUSAL).doesNotContain(mentee);
        assertThat(WebappSession.loggedIn(port, "mentor1", PASSWORD).get(path).statusCode()).isEqualTo(403);
        assertThat(WebappSession.loggedIn(port, "mentor1", PASSWORD).get("/").body())
                .contains("Вам не открыт обзор").doesNotContain("Мои пары и группы");

        assertThat(WebappSession.loggedIn(port, "curator", PASSWORD).get("/programmes/" + programme + "/pairs/"
                + 999_999).statusCode()).isEqualTo(404);
        HttpResponse<String> anonymous = RestClient.anonymous(port).get(path);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/camunda/app/tasklist/default/#/login"));
    }

    /** A mentor's account gets a password nobody knows; the test sets the shared one to log in with it. */
    private void withPassword(String userId) {
        IdentityService identity = engine.getIdentityService();
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setPassword(PASSWORD);
        identity.saveUser(user);
    }
}
