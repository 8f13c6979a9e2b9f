package ru.nastavnik.closing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException.FieldError;

/** The variables stage 7's forms read and send, and the checks of what they send, in one place. */
final class ClosingForms {

    static final String PAIR_OPTIONS = "pairOptions";
    static final String MENTOR_OPTIONS = "mentorOptions";
    static final String NOMINATIONS_PROPOSAL = "nominationsProposal";
    static final String NOMINATIONS_TABLE = "nominationsTable";
    static final String NOMINATIONS_DECISION = "nominationsDecision";
    static final String NOMINATIONS_RETURN_COMMENT = "nominationsReturnComment";
    static final String CEREMONY_DATE = "ceremonyDate";
    static final String CEREMONY_PLACE = "ceremonyPlace";
    static final String CEREMONY_HELD_ON = "ceremonyHeldOn";
    static final String CEREMONY_GUESTS = "ceremonyGuests";
    static final String CEREMONY_NOTES = "ceremonyNotes";
    static final String PAPERS_LINKS = "closingPapersLinks";
    static final String PUBLICATION_DOCX_URL = "publicationDocxUrl";
    static final String PUBLICATION_URL = "publicationUrl";
    static final String PUBLISHED_ON = "publishedOn";
    static final String BASE_MENTOR_OPTIONS = "baseMentorOptions";
    static final String BASE_CANDIDATE_OPTIONS = "baseCandidateOptions";
    static final String CONTINUING_MENTORS = "continuingMentors";
    static final String NEW_MENTOR_CANDIDATES = "newMentorCandidates";
    /** Cases: {@code case1Pair}, {@code case1Situation}, … for the first and the optional second case. */
    static final int CASES = 2;
    static final String SINGLE_CASE = "singleCase";

    private ClosingForms() {
    }

    static String actor(CurrentUser currentUser, DelegateExecution execution) {
        String user = currentUser.id();
        return user != null ? user : (String) execution.getVariable(ProgrammeProcess.VAR_CURATOR_ID);
    }

    static Map<String, String> option(long value, String label) {
        return Map.of("value", String.valueOf(value), "label", label);
    }

    /** Each pair by its people; the mentor nominations offer each mentor once, by the pair with most meetings. */
    static List<Map<String, String>> pairOptions(List<Pair> pairs) {
        return pairs.stream().map(p -> option(p.id(), Nominations.pairName(p))).toList();
    }

    static List<Map<String, String>> mentorOptions(List<Nominations.PairRecord> records) {
        Map<Long, Nominations.PairRecord> top = new LinkedHashMap<>();
        for (Nominations.PairRecord r : records) {
            top.merge(r.pair().mentor().personId(), r, (a, b) -> b.held() > a.held() ? b : a);
        }
        return top.values().stream().map(r -> option(r.pair().id(), r.pair().mentor().fullName())).toList();
    }

    /** A chosen option's number, or empty; a value not offered is an error of the field. */
    static Optional<Long> chosen(DelegateExecution execution, String field, Object options, String label,
                                 List<FieldError> errors) {
        String value = ProcessVariables.string(execution.getVariable(field));
        if (value == null) {
            return Optional.empty();
        }
        if (!values(options).contains(value)) {
            errors.add(new FieldError(field, "«" + label + "»: выберите из списка"));
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    static List<String> values(Object options) {
        List<String> values = new ArrayList<>();
        Object plain = ProcessVariables.plain(options);
        if (plain instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    values.add(String.valueOf(m.get("value")));
                }
            }
        }
        return values;
    }

    /** A required free text (trimmed, control characters refused); null with an error when missing. */
    static String text(DelegateExecution execution, String field, String label, int max, List<FieldError> errors) {
        String value = ProcessVariables.string(execution.getVariable(field));
        if (value == null) {
            errors.add(new FieldError(field, "Заполните поле «" + label + "»"));
            return null;
        }
        InputText.check(field, label, value, true).ifPresent(errors::add);
        if (value.length() > max) {
            errors.add(new FieldError(field, "«" + label + "» длиннее " + max + " символов"));
        }
        return value;
    }
}
