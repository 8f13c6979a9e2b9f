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
import ru.nastavnik.shared.ProcessVariable;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException.FieldError;

/** The variables stage 7's forms read and send, and the checks of what they send, in one place. */
final class ClosingForms {

    static final ProcessVariable<List<Map<String, String>>> PAIR_OPTIONS = ProcessVariable.options("pairOptions");
    static final ProcessVariable<List<Map<String, String>>> MENTOR_OPTIONS =
            ProcessVariable.options("nomineeMentorOptions");
    static final ProcessVariable<String> NOMINATIONS_PROPOSAL = ProcessVariable.text("nominationsProposal");
    static final ProcessVariable<String> NOMINATIONS_TABLE = ProcessVariable.text("nominationsTable");
    static final ProcessVariable<NominationsDecision> NOMINATIONS_DECISION =
            ProcessVariable.of("nominationsDecision", NominationsDecision.class);
    static final ProcessVariable<String> NOMINATIONS_RETURN_COMMENT = ProcessVariable.text("nominationsReturnComment");
    static final ProcessVariable<String> CEREMONY_DATE = ProcessVariable.text("ceremonyDate");
    static final ProcessVariable<String> CEREMONY_PLACE = ProcessVariable.text("ceremonyPlace");
    static final ProcessVariable<String> CEREMONY_HELD_ON = ProcessVariable.text("ceremonyHeldOn");
    static final ProcessVariable<String> CEREMONY_GUESTS = ProcessVariable.text("ceremonyGuests");
    static final ProcessVariable<String> CEREMONY_NOTES = ProcessVariable.text("ceremonyNotes");
    static final ProcessVariable<String> PAPERS_LINKS = ProcessVariable.text("closingPapersLinks");
    static final ProcessVariable<String> PUBLICATION_DOCX_URL = ProcessVariable.text("publicationDocxUrl");
    static final ProcessVariable<String> PUBLICATION_URL = ProcessVariable.text("publicationUrl");
    static final ProcessVariable<String> PUBLISHED_ON = ProcessVariable.text("publishedOn");
    static final ProcessVariable<List<Map<String, String>>> BASE_MENTOR_OPTIONS =
            ProcessVariable.options("baseMentorOptions");
    static final ProcessVariable<List<Map<String, String>>> BASE_CANDIDATE_OPTIONS =
            ProcessVariable.options("baseCandidateOptions");
    static final ProcessVariable<List<String>> CONTINUING_MENTORS = ProcessVariable.list("continuingMentors");
    static final ProcessVariable<List<String>> NEW_MENTOR_CANDIDATES = ProcessVariable.list("newMentorCandidates");
    /** Cases: {@code case1Pair}, {@code case1Situation}, … for the first and the optional second case. */
    static final int CASES = 2;
    /** Each nomination's choice and reason, named by {@link Nomination#field()}. */
    static final ProcessVariable<String> MENTOR_OF_YEAR = ProcessVariable.text("mentorOfYear");
    static final ProcessVariable<String> MENTOR_OF_YEAR_REASON = ProcessVariable.text("mentorOfYearReason");
    static final ProcessVariable<String> BEST_PAIR = ProcessVariable.text("bestPair");
    static final ProcessVariable<String> BEST_PAIR_REASON = ProcessVariable.text("bestPairReason");
    static final ProcessVariable<String> MENTOR_PLUS = ProcessVariable.text("mentorPlus");
    static final ProcessVariable<String> MENTOR_PLUS_REASON = ProcessVariable.text("mentorPlusReason");
    /** The cases' fields, read as {@code "case" + n + part} by SaveCases. */
    static final ProcessVariable<String> CASE1_PAIR = ProcessVariable.text("case1Pair");
    static final ProcessVariable<String> CASE1_SITUATION = ProcessVariable.text("case1Situation");
    static final ProcessVariable<String> CASE1_ACTIONS = ProcessVariable.text("case1Actions");
    static final ProcessVariable<String> CASE1_OUTCOME = ProcessVariable.text("case1Outcome");
    static final ProcessVariable<String> CASE2_PAIR = ProcessVariable.text("case2Pair");
    static final ProcessVariable<String> CASE2_SITUATION = ProcessVariable.text("case2Situation");
    static final ProcessVariable<String> CASE2_ACTIONS = ProcessVariable.text("case2Actions");
    static final ProcessVariable<String> CASE2_OUTCOME = ProcessVariable.text("case2Outcome");
    static final ProcessVariable<Boolean> SINGLE_CASE = ProcessVariable.of("singleCase", Boolean.class);

    private ClosingForms() {
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
