package ru.nastavnik.matching;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.ApiError;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ConcurrencyLimit;

/**
 * What keeps {@code /api/matching/solve} within {@link MatchingLimits}: the body is refused with 413 by its declared
 * length before it is read, and read no further than the limit otherwise (the instance is parsed only once it is
 * known to be small enough); too many mentees or mentors is 413 too; solves beyond the concurrency limit get 429.
 */
@Component
class SolveGuard {

    private static final Logger log = LoggerFactory.getLogger(SolveGuard.class);
    private static final String SPLIT = "Разделите подбор на части, например по формам наставничества";
    /** Entries in one list of one person (subjects, interests, topics, wishes). */
    static final int MAX_LIST = 100;
    /**
     * Different subjects, and different interests, in one instance: the engine keeps each person's as a bit mask as
     * long as the dictionary, so a dictionary of millions would cost megabytes per person.
     */
    static final int MAX_DISTINCT = 5_000;

    private final MatchingLimits limits;
    private final ObjectMapper json;
    private final ConcurrencyLimit running;

    SolveGuard(MatchingLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
        this.running = new ConcurrencyLimit("matching solves", limits.maxConcurrent(),
                "Сервер сейчас подбирает пары по другому запросу: повторите через минуту", 60);
    }

    MatchingInstance read(HttpServletRequest request) {
        long max = limits.maxBody().toBytes();
        byte[] body;
        try {
            body = request.getContentLengthLong() > max ? null : request.getInputStream().readNBytes((int) max + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body == null || body.length > max) {
            throw tooLarge("body over " + max + " bytes", "Запрос больше " + limits.maxBody().toMegabytes()
                    + " МБ: столько анкет за один подбор не принимается. " + SPLIT);
        }
        MatchingInstance instance;
        try {
            instance = json.readValue(body, MatchingInstance.class);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ApiError.UNREADABLE_REQUEST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (instance == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ApiError.UNREADABLE_REQUEST);
        }
        int mentees = size(instance.mentees());
        int mentors = size(instance.mentors());
        if (mentees > limits.maxMentees() || mentors > limits.maxMentors()) {
            throw tooLarge(mentees + " mentees, " + mentors + " mentors", "Слишком много участников для одного "
                    + "подбора: наставляемых " + mentees + " (можно не больше " + limits.maxMentees() + "), "
                    + "наставников " + mentors + " (можно не больше " + limits.maxMentors() + "). " + SPLIT);
        }
        checkLists(instance);
        return instance;
    }

    private void checkLists(MatchingInstance instance) {
        Set<String> subjects = new HashSet<>();
        Set<String> interests = new HashSet<>();
        List<List<String>> lists = new ArrayList<>();
        for (MatchingInstance.Mentee m : list(instance.mentees())) {
            lists.addAll(Arrays.asList(m.subjects(), m.interests(), m.requests(), m.preferred(), m.avoid()));
            addAll(subjects, m.subjects());
            addAll(interests, m.interests());
        }
        for (MatchingInstance.Mentor m : list(instance.mentors())) {
            lists.addAll(Arrays.asList(m.subjects(), m.interests(), m.competencies(), m.preferred(), m.avoid()));
            addAll(subjects, m.subjects());
            addAll(interests, m.interests());
        }
        if (lists.stream().anyMatch(l -> size(l) > MAX_LIST)) {
            throw tooLarge("a person's list over " + MAX_LIST + " entries", "У участника больше " + MAX_LIST
                    + " значений в одном списке (предметы, интересы, темы, пожелания): так анкеты не заполняют");
        }
        if (subjects.size() > MAX_DISTINCT || interests.size() > MAX_DISTINCT) {
            throw tooLarge(subjects.size() + " distinct subjects, " + interests.size() + " distinct interests",
                    "Слишком много разных предметов или интересов (больше " + MAX_DISTINCT + "): так анкеты не "
                            + "заполняют. " + SPLIT);
        }
    }

    private static void addAll(Set<String> set, List<String> values) {
        if (values != null && set.size() <= MAX_DISTINCT) {
            set.addAll(values);
        }
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    <T> T run(Supplier<T> solve) {
        return running.run(solve);
    }

    private ApiException tooLarge(String reason, String message) {
        log.warn("Matching instance refused with 413: {}", reason);
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, message);
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
