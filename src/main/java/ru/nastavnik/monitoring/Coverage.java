package ru.nastavnik.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ru.nastavnik.programme.MentorshipForm;

/**
 * The coverage KPI of the national project: at least 70% of pupils and of teachers take part in mentorship. Plain
 * Java. Taking part means going through the full cycle (DOMAIN, seed 002): being the mentor or a remaining mentee of
 * a pair or group that finished (its final meeting held), not one ended early and not a mentee who left; the caller
 * gives those people. A person counts once in a total, and once in each form they took part in.
 */
public final class Coverage {

    /** The national target: 70%. */
    public static final BigDecimal TARGET = new BigDecimal("0.70");

    public static final String PUPIL = "pupil";
    public static final String TEACHER = "teacher";

    /** A line of the school's roster: how many pupils one class has, or (class empty) how many teachers. */
    public record RosterLine(String category, String schoolClass, int headcount) {
    }

    /** A person who went through the full cycle: category (a code), class (pupils), the forms of their pairs. */
    public record Involved(long personId, String category, String schoolClass, Set<String> forms) {
    }

    /** Involved of total; share null when the total is 0 (not in the roster); reached: share ≥ 70%. */
    public record Share(String key, String label, int total, int involved, BigDecimal share, boolean reached) {
    }

    /**
     * @param outsideRoster involved pupils whose class the roster does not list (their share cannot be computed)
     * @param wantToMentor  mentees who answered «Да» to becoming a mentor next year, of {@code askedToMentor} answers
     */
    public record Report(Share pupils, Share teachers, List<Share> byClass, List<Share> pupilsByForm,
                         List<Share> teachersByForm, int outsideRoster, int wantToMentor, int askedToMentor) {
    }

    private Coverage() {
    }

    public static Report of(List<RosterLine> roster, List<Involved> involved, int wantToMentor, int askedToMentor) {
        Map<String, Integer> classes = new TreeMap<>(Coverage::compareClasses);
        int teachers = 0;
        for (RosterLine line : roster) {
            if (TEACHER.equals(line.category())) {
                teachers += line.headcount();
            } else {
                classes.merge(line.schoolClass(), line.headcount(), Integer::sum);
            }
        }
        int pupils = classes.values().stream().mapToInt(Integer::intValue).sum();
        List<Involved> involvedPupils = involved.stream().filter(i -> PUPIL.equals(i.category())).toList();
        List<Involved> involvedTeachers = involved.stream().filter(i -> TEACHER.equals(i.category())).toList();

        Map<String, Integer> byClass = new TreeMap<>(Coverage::compareClasses);
        classes.keySet().forEach(c -> byClass.put(c, 0));
        for (Involved i : involvedPupils) {
            byClass.merge(i.schoolClass() == null ? "—" : i.schoolClass(), 1, Integer::sum);
        }
        List<Share> classShares = new ArrayList<>();
        int outside = 0;
        for (Map.Entry<String, Integer> e : byClass.entrySet()) {
            Integer total = classes.get(e.getKey());
            if (total == null) {
                outside += e.getValue();
            }
            classShares.add(share(e.getKey(), e.getKey(), total == null ? 0 : total, e.getValue()));
        }
        return new Report(share(PUPIL, "Обучающиеся", pupils, involvedPupils.size()),
                share(TEACHER, "Педагоги", teachers, involvedTeachers.size()), classShares,
                byForm(involvedPupils, pupils), byForm(involvedTeachers, teachers), outside, wantToMentor,
                askedToMentor);
    }

    private static List<Share> byForm(List<Involved> involved, int total) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (MentorshipForm f : MentorshipForm.values()) {
            counts.put(f.code(), 0);
        }
        Set<String> used = new LinkedHashSet<>();
        for (Involved i : involved) {
            for (String form : i.forms()) {
                counts.merge(form, 1, Integer::sum);
                used.add(form);
            }
        }
        return counts.entrySet().stream().filter(e -> used.contains(e.getKey()))
                .map(e -> share(e.getKey(), MentorshipForm.byCode(e.getKey()).map(MentorshipForm::title)
                        .orElse(e.getKey()), total, e.getValue())).toList();
    }

    static Share share(String key, String label, int total, int involved) {
        BigDecimal share = Dynamics.share(involved, total);
        return new Share(key, label, total, involved, share, share != null && share.compareTo(TARGET) >= 0);
    }

    /** «2А» before «10А»: by the number, then the letter. */
    static int compareClasses(String a, String b) {
        return Comparator.comparing(Coverage::grade).thenComparing(Comparator.naturalOrder()).compare(a, b);
    }

    private static int grade(String schoolClass) {
        String digits = schoolClass.replaceAll("\\D", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
