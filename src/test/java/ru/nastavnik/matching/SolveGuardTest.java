package ru.nastavnik.matching;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import ru.nastavnik.shared.ApiException;

/**
 * The body limit of /api/matching/solve (over HTTP the server closes the connection of an oversized upload, which a
 * client sees as an I/O error instead of the 413, so it is shown here on the guard).
 */
class SolveGuardTest {

    private final SolveGuard guard = new SolveGuard(MatchingLimits.DEFAULTS, new ObjectMapper());

    @Test
    void refusesABodyOverTheLimitWhetherItsLengthIsDeclaredOrNot() {
        byte[] body = ("{\"mentees\":[],\"mentors\":[],\"pad\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest declared = new MockHttpServletRequest("POST", "/api/matching/solve");
        declared.setContent(body);
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/matching/solve") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent(body);
        for (MockHttpServletRequest request : new MockHttpServletRequest[] {declared, chunked}) {
            assertThatThrownBy(() -> guard.read(request)).isInstanceOf(ApiException.class)
                    .hasMessageStartingWith("Запрос больше 8 МБ")
                    .extracting(e -> ((ApiException) e).status().value()).isEqualTo(413);
        }
    }
}
