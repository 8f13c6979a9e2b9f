package ru.nastavnik.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.programme.MentorshipForm;

/**
 * Monitoring part 1 summed up (seed 002, 9.1): the scaled answers per question and form, the closed ones counted,
 * the open ones listed per question, what mentees expected at entry (their requests) against what they report at
 * exit, and a SWOT draft. Plain Java.
 *
 * <p>The SWOT draft: strengths are the scaled items rated {@value #STRONG} or higher on average (best first),
 * weaknesses those under {@value #WEAK} (worst first), at most {@value #MAX_ITEMS} each; opportunities and threats
 * are the open answers to the questions marked so (suggestions; difficulties and risks); unmet requests are threats
 * too, since the programme did not give what was asked of it.
 */
public final class QuestionnaireSummary {

    static final String STRONG = "4.00";
    static final String WEAK = "3.50";
    static final int MAX_ITEMS = 5;

    /** One answer of one response; form null for the curator's. */
    public record Answer(long responseId, String form, String questionCode, Integer scale, String choice, String text) {
    }

    /** A scaled question in one form: how many answered, the mean (two decimals), how many gave 1…5. */
    public record ScaleLine(Question question, String form, String formTitle, int count, BigDecimal mean,
                            List<Integer> distribution) {
    }

    /** A closed question in one form: the count of each option, in the question's order. */
    public record ChoiceLine(Question question, String form, String formTitle, Map<String, Integer> counts) {
    }

    /** The open answers to one question (blank ones left out). */
    public record OpenGroup(Question question, List<String> texts) {
    }

    /** A scaled item over every form: what strengths and weaknesses are drawn from. */
    public record ItemMean(Question question, int count, BigDecimal mean) {
    }

    /** A request topic: mentees who asked for it at entry, and what those who answered report. */
    public record Expectation(String topic, String title, int requested, int answered, int met, int partly,
                              int notMet) {
    }

    public record Swot(String strengths, String weaknesses, String opportunities, String threats) {
    }

    public record Summary(List<ScaleLine> scales, List<ChoiceLine> choices, List<OpenGroup> open,
                          List<ItemMean> ranking, List<Expectation> expectations, Swot draft) {
    }

    private QuestionnaireSummary() {
    }

    /**
     * @param requested request topic → mentees of the pairs who asked for it at entry
     */
    public static Summary of(List<Question> questions, List<Answer> answers, Map<String, Integer> requested) {
        Map<String, Question> byCode = new LinkedHashMap<>();
        questions.forEach(q -> byCode.put(q.code(), q));
        List<ScaleLine> scales = new ArrayList<>();
        List<ChoiceLine> choices = new ArrayList<>();
        List<OpenGroup> open = new ArrayList<>();
        List<ItemMean> ranking = new ArrayList<>();
        for (Question q : questions) {
            List<Answer> of = answers.stream().filter(a -> a.questionCode().equals(q.code())).toList();
            Set<String> forms = of.stream().map(Answer::form).collect(Collectors.toCollection(LinkedHashSet::new));
            List<String> formOrder = forms.stream().sorted(Comparator.nullsFirst(Comparator.comparing(
                    QuestionnaireSummary::formIndex))).toList();
            if (q.scale()) {
                for (String form : formOrder) {
                    List<Integer> values = of.stream().filter(a -> Objects.equals(a.form(), form))
                            .map(Answer::scale).filter(Objects::nonNull).toList();
                    if (!values.isEmpty()) {
                        List<Integer> distribution = new ArrayList<>(List.of(0, 0, 0, 0, 0));
                        values.forEach(v -> distribution.set(v - 1, distribution.get(v - 1) + 1));
                        scales.add(new ScaleLine(q, form, formTitle(form), values.size(), mean(values),
                                List.copyOf(distribution)));
                    }
                }
                List<Integer> all = of.stream().map(Answer::scale).filter(Objects::nonNull).toList();
                if (!all.isEmpty()) {
                    ranking.add(new ItemMean(q, all.size(), mean(all)));
                }
            } else if (q.closed()) {
                for (String form : formOrder) {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    q.options().forEach(o -> counts.put(o, 0));
                    of.stream().filter(a -> Objects.equals(a.form(), form) && a.choice() != null)
                            .forEach(a -> counts.merge(a.choice(), 1, Integer::sum));
                    if (counts.values().stream().anyMatch(n -> n > 0)) {
                        choices.add(new ChoiceLine(q, form, formTitle(form), counts));
                    }
                }
            } else {
                List<String> texts = of.stream().map(Answer::text).filter(t -> t != null && !t.isBlank())
                        .map(String::strip).toList();
                if (!texts.isEmpty()) {
                    open.add(new OpenGroup(q, texts));
                }
            }
        }
        ranking.sort(Comparator.comparing(ItemMean::mean).reversed().thenComparing(i -> i.question().code()));
        List<Expectation> expectations = expectations(answers, requested);
        return new Summary(scales, choices, open, List.copyOf(ranking), expectations,
                draft(ranking, open, expectations));
    }

    private static List<Expectation> expectations(List<Answer> answers, Map<String, Integer> requested) {
        Set<String> topics = new LinkedHashSet<>(requested.keySet());
        answers.stream().filter(a -> a.questionCode().startsWith(Question.REQUEST_PREFIX))
                .forEach(a -> topics.add(a.questionCode().substring(Question.REQUEST_PREFIX.length())));
        List<Expectation> list = new ArrayList<>();
        for (String topic : topics) {
            List<Answer> of = answers.stream().filter(a -> a.questionCode().equals(Question.REQUEST_PREFIX + topic)
                    && a.choice() != null).toList();
            list.add(new Expectation(topic, ParticipantDirectory.topicTitle(topic), requested.getOrDefault(topic, 0),
                    of.size(), count(of, Question.YES), count(of, Question.PARTLY), count(of, Question.NO)));
        }
        return list;
    }

    private static int count(List<Answer> answers, String choice) {
        return (int) answers.stream().filter(a -> choice.equals(a.choice())).count();
    }

    static Swot draft(List<ItemMean> ranking, List<OpenGroup> open, List<Expectation> expectations) {
        BigDecimal strong = new BigDecimal(STRONG);
        BigDecimal weak = new BigDecimal(WEAK);
        String strengths = ranking.stream().filter(i -> i.mean().compareTo(strong) >= 0).limit(MAX_ITEMS)
                .map(QuestionnaireSummary::item).collect(Collectors.joining("\n"));
        String weaknesses = ranking.stream().sorted(Comparator.comparing(ItemMean::mean).thenComparing(i -> i.question().code()))
                .filter(i -> i.mean().compareTo(weak) < 0).limit(MAX_ITEMS)
                .map(QuestionnaireSummary::item).collect(Collectors.joining("\n"));
        String opportunities = openAnswers(open, "opportunity");
        List<String> threats = new ArrayList<>();
        String threatAnswers = openAnswers(open, "threat");
        if (!threatAnswers.isEmpty()) {
            threats.add(threatAnswers);
        }
        expectations.stream().filter(e -> e.notMet() > 0).forEach(e -> threats.add("— Запрос «" + e.title()
                + "» не решён у " + e.notMet() + " из " + e.answered() + " ответивших наставляемых"));
        return new Swot(strengths, weaknesses, opportunities, String.join("\n", threats));
    }

    private static String item(ItemMean i) {
        return "— " + Question.respondentTitle(i.question().respondent()) + ": «" + i.question().text()
                + "» — средняя оценка " + decimal(i.mean()) + " (ответов: " + i.count() + ")";
    }

    private static String openAnswers(List<OpenGroup> open, String swot) {
        Set<String> seen = new LinkedHashSet<>();
        open.stream().filter(g -> swot.equals(g.question().swot()))
                .forEach(g -> g.texts().forEach(t -> seen.add("— " + t.replaceAll("\\s+", " "))));
        return String.join("\n", seen);
    }

    static BigDecimal mean(List<Integer> values) {
        return BigDecimal.valueOf(values.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    /** «4,50»: a Russian decimal. */
    public static String decimal(BigDecimal value) {
        return value == null ? "—" : value.toPlainString().replace('.', ',');
    }

    /** «66,7 %» of a share 0.6667. */
    public static String percent(BigDecimal share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f %%", share.doubleValue() * 100).replace('.', ',');
    }

    static String formTitle(String form) {
        return form == null ? "Все формы" : MentorshipForm.byCode(form).map(MentorshipForm::title).orElse(form);
    }

    private static int formIndex(String form) {
        return MentorshipForm.byCode(form).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }
}
