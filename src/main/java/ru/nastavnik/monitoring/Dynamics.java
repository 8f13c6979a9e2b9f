package ru.nastavnik.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ru.nastavnik.participant.EntryAssessment;
import ru.nastavnik.programme.MentorshipForm;

/**
 * The change from entry to exit (seed 002, 9.2): per participant, and summed up per pair, per form of mentorship and
 * for the programme. Plain Java: the caller gives each assessed participant with both assessments.
 *
 * <p>A parameter counts for a participant only when it was assessed both times. The participant improved on it when
 * the exit value is better (anxiety lower, the others higher); the participant improved overall when more of their
 * parameters improved than declined. The pair, form and programme figures are the mentees' (the people the
 * programme sets out to change); mentors are summed up on their own. Means are rounded half up to two decimals,
 * shares to four (0.6667 = 66.67%).
 */
public final class Dynamics {

    /** A participant: role «mentor» or «mentee»; pair and form of the pair they were in (null outside pairs). */
    public record Subject(long personId, String fullName, String role, Long pairId, String pairLabel, String form,
                          EntryAssessment entry, EntryAssessment exit) {

        boolean mentee() {
            return "mentee".equals(role);
        }
    }

    /** One parameter of one participant assessed twice; direction +1 better, -1 worse, 0 the same. */
    public record Change(Parameter parameter, BigDecimal entry, BigDecimal exit, BigDecimal delta, int direction) {
    }

    /** @param improved more parameters improved than declined */
    public record ParticipantChange(Subject subject, List<Change> changes, int improvedCount, int declinedCount,
                                    boolean improved) {
    }

    /** A parameter over a set of participants: how many were assessed twice, the means, and who improved. */
    public record ParameterSummary(Parameter parameter, int count, BigDecimal meanEntry, BigDecimal meanExit,
                                   BigDecimal meanChange, int improved, int declined, BigDecimal shareImproved) {
    }

    /**
     * A pair, form or the programme: participants with at least one parameter assessed twice, how many improved
     * overall, and each parameter.
     */
    public record Group(String key, String label, int participants, int improved, BigDecimal shareImproved,
                        List<ParameterSummary> parameters) {

        public ParameterSummary parameter(Parameter p) {
            return parameters.stream().filter(s -> s.parameter() == p).findFirst().orElseThrow();
        }
    }

    public record Report(List<ParticipantChange> participants, List<Group> pairs, List<Group> forms, Group programme,
                         Group mentors) {

        /** The programme, its forms, its pairs and the mentors, in the order the tables show them. */
        public List<Group> groups() {
            List<Group> all = new ArrayList<>();
            all.add(programme);
            all.addAll(forms);
            all.addAll(pairs);
            all.add(mentors);
            return all;
        }
    }

    private Dynamics() {
    }

    public static Report of(List<Subject> subjects) {
        List<ParticipantChange> changes = subjects.stream().map(Dynamics::change)
                .filter(c -> !c.changes().isEmpty()).toList();
        List<ParticipantChange> mentees = changes.stream().filter(c -> c.subject().mentee()).toList();
        List<Group> pairs = groups(mentees.stream().filter(c -> c.subject().pairId() != null).toList(),
                c -> String.valueOf(c.subject().pairId()), c -> c.subject().pairLabel());
        List<Group> forms = groups(mentees.stream().filter(c -> c.subject().form() != null).toList(),
                c -> c.subject().form(), c -> MentorshipForm.byCode(c.subject().form()).map(MentorshipForm::title)
                        .orElse(c.subject().form()));
        return new Report(changes, pairs, forms, group("programme", "Программа (наставляемые)", mentees),
                group("mentors", "Наставники", changes.stream().filter(c -> !c.subject().mentee()).toList()));
    }

    static ParticipantChange change(Subject s) {
        List<Change> changes = new ArrayList<>();
        for (Parameter p : Parameter.values()) {
            BigDecimal entry = p.of(s.entry());
            BigDecimal exit = p.of(s.exit());
            if (entry != null && exit != null) {
                changes.add(new Change(p, entry, exit, exit.subtract(entry), p.direction(entry, exit)));
            }
        }
        int improved = (int) changes.stream().filter(c -> c.direction() > 0).count();
        int declined = (int) changes.stream().filter(c -> c.direction() < 0).count();
        return new ParticipantChange(s, List.copyOf(changes), improved, declined, improved > declined);
    }

    private static List<Group> groups(List<ParticipantChange> changes, Function<ParticipantChange, String> key,
                                      Function<ParticipantChange, String> label) {
        Map<String, List<ParticipantChange>> byKey = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (ParticipantChange c : changes) {
            byKey.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
            labels.putIfAbsent(key.apply(c), label.apply(c));
        }
        return byKey.entrySet().stream().map(e -> group(e.getKey(), labels.get(e.getKey()), e.getValue())).toList();
    }

    static Group group(String key, String label, List<ParticipantChange> changes) {
        List<ParameterSummary> parameters = new ArrayList<>();
        for (Parameter p : Parameter.values()) {
            List<Change> of = changes.stream().flatMap(c -> c.changes().stream()).filter(c -> c.parameter() == p)
                    .toList();
            int improved = (int) of.stream().filter(c -> c.direction() > 0).count();
            int declined = (int) of.stream().filter(c -> c.direction() < 0).count();
            parameters.add(new ParameterSummary(p, of.size(), mean(of, Change::entry), mean(of, Change::exit),
                    mean(of, Change::delta), improved, declined, share(improved, of.size())));
        }
        int improved = (int) changes.stream().filter(ParticipantChange::improved).count();
        return new Group(key, label, changes.size(), improved, share(improved, changes.size()), List.copyOf(parameters));
    }

    private static BigDecimal mean(List<Change> changes, Function<Change, BigDecimal> value) {
        if (changes.isEmpty()) {
            return null;
        }
        BigDecimal sum = changes.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(changes.size()), 2, RoundingMode.HALF_UP);
    }

    /** part / whole to four decimals, or null for an empty whole. */
    static BigDecimal share(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
