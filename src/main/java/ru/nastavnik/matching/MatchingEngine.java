package ru.nastavnik.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.nastavnik.participant.EntryAssessment;
import ru.nastavnik.participant.Topic;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * Pairs and groups (stage 5, issue 4): checks an instance, builds the feasible mentee–mentor edges of every form
 * (an independent sub-problem each) with their scores, solves each one optimally with {@link AssignmentSolver}, and
 * explains the result in Russian: what every pair's score is made of, and why nobody fits an unmatched mentee.
 * Plain Java: no process engine, no database.
 */
@Component
public class MatchingEngine {

    private static final Logger log = LoggerFactory.getLogger(MatchingEngine.class);

    /** A refusal for contradictory or unreadable input lists every problem: this many at most. */
    private static final int MAX_ERRORS = 200;

    private final RoleFit roleFit;
    private final Function<AssignmentSolver.Problem, AssignmentSolver.Solution> solver;

    private final boolean exact;

    public MatchingEngine() {
        this(AssignmentSolver::solve, true);
    }

    /** With another solver of the sub-problems: the benchmark's greedy baseline and slower exact reference. */
    MatchingEngine(Function<AssignmentSolver.Problem, AssignmentSolver.Solution> solver, boolean exact) {
        this.roleFit = RoleFit.shared();
        this.solver = solver;
        this.exact = exact;
    }

    /** A checked participant; mentees and mentors alike. */
    private static final class Person {
        int index;
        String id;
        String name;
        MentorshipForm form;
        int grade = -1;
        String classLabel;
        Integer years;
        long[] subjects;
        long[] interests;
        List<String> subjectNames = List.of();
        List<String> interestNames = List.of();
        int topics;
        boolean consent;
        int profile;
        int capacity;
        boolean sameSubject;
        int[] preferred = new int[0];
        int[] avoid = new int[0];
    }

    /** The checked instance, by index. */
    private record Checked(Person[] mentees, Person[] mentors, int[] pinnedTo, int[][] excludedOf, int[][] chosenBy,
                           Dictionary subjects, Dictionary interests) {
    }

    /** Subjects and interests as bits. */
    private static final class Dictionary {
        final Map<String, Integer> bits = new HashMap<>();
        final Map<String, String> keys = new HashMap<>();
        final List<String> names = new ArrayList<>();

        long[] mask(List<String> values, List<String> keep) {
            List<Integer> found = new ArrayList<>();
            if (values != null) {
                for (String v : values) {
                    if (v == null || v.isBlank()) {
                        continue;
                    }
                    String k = keys.computeIfAbsent(v, MatchingRules::key);
                    Integer bit = bits.get(k);
                    if (bit == null) {
                        bit = names.size();
                        bits.put(k, bit);
                        names.add(k);
                    }
                    if (!found.contains(bit)) {
                        found.add(bit);
                        keep.add(k);
                    }
                }
            }
            long[] mask = new long[found.stream().mapToInt(b -> b / 64 + 1).max().orElse(0)];
            for (int b : found) {
                mask[b / 64] |= 1L << (b % 64);
            }
            return mask;
        }
    }

    public MatchingProposal solve(MatchingInstance instance) {
        long started = System.nanoTime();
        Checked c = check(instance);
        Person[] mentees = c.mentees;
        Person[] mentors = c.mentors;

        int[] mentorOf = new int[mentees.length];
        int[] scoreOf = new int[mentees.length];
        Arrays.fill(mentorOf, -1);
        int[] load = new int[mentors.length];
        for (int i = 0; i < mentees.length; i++) {
            if (c.pinnedTo[i] >= 0) {
                mentorOf[i] = c.pinnedTo[i];
                load[c.pinnedTo[i]]++;
            }
        }
        String[] why = new String[mentees.length];
        boolean optimal = exact;
        Map<MentorshipForm, List<Person>> menteesByForm = new EnumMap<>(MentorshipForm.class);
        Map<MentorshipForm, List<Person>> mentorsByForm = new EnumMap<>(MentorshipForm.class);
        for (Person p : mentees) {
            menteesByForm.computeIfAbsent(p.form, f -> new ArrayList<>()).add(p);
        }
        for (Person p : mentors) {
            mentorsByForm.computeIfAbsent(p.form, f -> new ArrayList<>()).add(p);
        }
        for (var entry : menteesByForm.entrySet()) {
            optimal &= solveForm(c, entry.getKey(), entry.getValue(),
                    mentorsByForm.getOrDefault(entry.getKey(), List.of()), load, mentorOf, why);
        }
        for (int i = 0; i < mentees.length; i++) {
            if (mentorOf[i] >= 0) {
                scoreOf[i] = score(c, mentees[i], mentors[mentorOf[i]], null);
            }
        }
        MatchingProposal proposal = proposal(c, mentorOf, scoreOf, why, optimal, started);
        log.info("Matching: {} mentees, {} mentors -> {} matched, score {}, optimal {}, {} ms",
                mentees.length, mentors.length, proposal.totals().matched(), proposal.totals().score(), optimal,
                proposal.totals().millis());
        return proposal;
    }

    /** Solves one form; fills mentorOf for the matched and why for the others. Returns the certificate's verdict. */
    private boolean solveForm(Checked c, MentorshipForm form, List<Person> formMentees, List<Person> formMentors,
                              int[] load, int[] mentorOf, String[] why) {
        long formStarted = System.nanoTime();
        Person[] mentors = c.mentors;
        List<Person> consenting = formMentors.stream().filter(m -> m.consent).collect(Collectors.toList());
        if (form == MentorshipForm.PUPIL_PUPIL) {
            consenting.sort(Comparator.comparingInt((Person m) -> -m.grade));
        }
        List<Person> free = consenting.stream().filter(m -> load[m.index] < m.capacity).toList();
        int[] local = new int[mentors.length];
        Arrays.fill(local, -1);
        int[] capacity = new int[free.size()];
        for (int k = 0; k < free.size(); k++) {
            local[free.get(k).index] = k;
            capacity[k] = free.get(k).capacity - load[free.get(k).index];
        }
        Pool pool = new Pool(consenting);
        // First who takes part and how many edges each has, then the edges into arrays of the exact size: a large
        // pool has millions of them, and growing lists would allocate and copy them several times over.
        List<Person> open = new ArrayList<>();
        IntList starts = new IntList();
        IntList allowed = new IntList();
        boolean[] excluded = new boolean[mentors.length];
        int edges = 0;
        for (Person me : formMentees) {
            if (mentorOf[me.index] >= 0) {
                continue;
            }
            if (!me.consent) {
                why[me.index] = "нет согласия на обработку персональных данных: в подбор пар не включён";
                continue;
            }
            if (formMentors.isEmpty()) {
                why[me.index] = "нет ни одного наставника формы «" + form.title() + "»";
                continue;
            }
            if (consenting.isEmpty()) {
                why[me.index] = "ни у одного наставника формы «" + form.title()
                        + "» нет согласия на обработку персональных данных";
                continue;
            }
            int fitting = allowedMentors(form, me, pool, c.excludedOf[me.index], excluded, allowed);
            if (allowed.size == 0) {
                why[me.index] = fitting > 0
                        ? "все подходящие наставники (" + fitting + ") исключены: запрет куратора или просьба "
                        + "не ставить в пару"
                        : nobodyFits(form, me);
                continue;
            }
            starts.add(edges);
            for (int a = 0; a < allowed.size; a++) {
                if (local[pool.index[allowed.values[a]]] >= 0) {
                    edges++;
                }
            }
            open.add(me);
            why[me.index] = "все подходящие наставники заняты (подходят: " + allowed.size + "): их места отданы "
                    + "другим наставляемым, так подобрано больше пар и выше общий балл";
        }
        starts.add(edges);
        if (open.isEmpty()) {
            return true;
        }
        int[] cols = new int[edges];
        short[] scores = new short[edges]; // a pair scores a few hundred points at most, far below 2^15
        int[] fitTable = new int[RoleFit.PROFILES * RoleFit.PROFILES];
        Arrays.fill(fitTable, -1);
        int[] wishPoints = new int[mentors.length];
        int e = 0;
        for (Person me : open) {
            allowedMentors(form, me, pool, c.excludedOf[me.index], excluded, allowed);
            wishPoints(c, me, wishPoints, true);
            for (int a = 0; a < allowed.size; a++) {
                int k = allowed.values[a];
                int col = local[pool.index[k]];
                if (col >= 0) {
                    cols[e] = col;
                    scores[e++] = (short) (pairScore(me, pool, k, fitTable) + wishPoints[pool.index[k]]);
                }
            }
            wishPoints(c, me, wishPoints, false);
        }
        AssignmentSolver.Problem problem = new AssignmentSolver.Problem(open.size(), free.size(), capacity,
                starts.toArray(), cols, scores);
        long built = System.nanoTime();
        AssignmentSolver.Solution solution = solver.apply(problem);
        log.debug("Matching of form {}: {} mentees, {} mentors, {} edges; edges in {} ms, solved in {} ms",
                form.code(), open.size(), free.size(), edges, (built - formStarted) / 1_000_000,
                (System.nanoTime() - built) / 1_000_000);
        for (int i = 0; i < open.size(); i++) {
            int k = solution.mentorOf()[i];
            if (k >= 0) {
                Person me = open.get(i);
                mentorOf[me.index] = free.get(k).index;
                load[free.get(k).index]++;
                why[me.index] = null;
            }
        }
        if (!solution.certified() && exact) {
            log.warn("Matching of form {}: the optimality certificate failed", form.code());
        }
        return solution.certified();
    }

    /**
     * The consenting mentors who may take the mentee — the form's rules hold and neither side nor the curator
     * excluded the pair — as positions in the pool, into {@code out}; returns how many fit the rules at all,
     * excluded or not. {@code excluded} is a scratch array by mentor, left all false.
     */
    private static int allowedMentors(MentorshipForm form, Person me, Pool pool, int[] excludedOf,
                                      boolean[] excluded, IntList out) {
        for (int x : excludedOf) {
            excluded[x] = true;
        }
        out.size = 0;
        int fitting = 0;
        for (int k = 0; k < pool.size; k++) {
            if (form == MentorshipForm.PUPIL_PUPIL && pool.grade[k] <= me.grade) {
                break;
            }
            if (fits(form, me, pool, k)) {
                fitting++;
                if (!excluded[pool.index[k]]) {
                    out.add(k);
                }
            }
        }
        for (int x : excludedOf) {
            excluded[x] = false;
        }
        return fitting;
    }

    private static String nobodyFits(MentorshipForm form, Person me) {
        return switch (form) {
            case PUPIL_PUPIL -> "нет наставника той же формы с классом выше " + me.classLabel;
            case TEACHER_TEACHER -> me.sameSubject
                    ? "нет наставника той же формы со стажем от " + MatchingRules.years(MatchingRules.EXPERIENCED_YEARS)
                    + ", преподающего тот же предмет (" + String.join(", ", me.subjectNames) + ")"
                    : "нет наставника той же формы со стажем от " + MatchingRules.years(MatchingRules.EXPERIENCED_YEARS);
            case EMPLOYER_PUPIL, EMPLOYER_STUDENT -> "нет наставника той же формы с профессиональным стажем от "
                    + MatchingRules.years(MatchingRules.PROFESSIONAL_YEARS);
            default -> "нет подходящего наставника той же формы";
        };
    }

    /** The form-specific hard rules for the pool's k-th mentor (the form and consent are checked by the caller). */
    private static boolean fits(MentorshipForm form, Person me, Pool pool, int k) {
        return switch (form) {
            case PUPIL_PUPIL -> pool.grade[k] > me.grade;
            case TEACHER_TEACHER -> pool.years[k] >= MatchingRules.EXPERIENCED_YEARS && (!me.sameSubject
                    || shared(me.subjects, pool.subjects, k * pool.subjectWords, pool.subjectWords) > 0);
            case EMPLOYER_PUPIL, EMPLOYER_STUDENT -> pool.years[k] >= MatchingRules.PROFESSIONAL_YEARS;
            default -> true;
        };
    }

    /** How many bits a mask shares with the {@code words} words of {@code b} from {@code from}. */
    private static int shared(long[] a, long[] b, int from, int words) {
        int n = 0;
        for (int w = Math.min(a.length, words) - 1; w >= 0; w--) {
            n += Long.bitCount(a[w] & b[from + w]);
        }
        return n;
    }

    /** The score of the mentee with the pool's k-th mentor, as {@link #score} counts it, but without the wishes. */
    private int pairScore(Person me, Pool pool, int k, int[] fitTable) {
        int s = Integer.bitCount(me.topics & pool.topics[k]) * MatchingRules.PER_REQUEST
                + Math.min(MatchingRules.MAX_SHARED, shared(me.subjects, pool.subjects, k * pool.subjectWords,
                pool.subjectWords)) * MatchingRules.PER_SUBJECT
                + Math.min(MatchingRules.MAX_SHARED, shared(me.interests, pool.interests, k * pool.interestWords,
                pool.interestWords)) * MatchingRules.PER_INTEREST;
        int key = pool.profile[k] * RoleFit.PROFILES + me.profile;
        int fit = fitTable[key];
        if (fit < 0) {
            fit = roleFit.fit(me.form, pool.profile[k], me.profile).points();
            fitTable[key] = fit;
        }
        return s + fit;
    }

    /**
     * Wishes give points to a few mentors of a mentee only (those it named and those who named it): sets their
     * points into {@code points} by mentor, or back to zero.
     */
    private static void wishPoints(Checked c, Person me, int[] points, boolean set) {
        for (int[] mentors : new int[][] {me.preferred, c.chosenBy[me.index]}) {
            for (int j : mentors) {
                points[j] = set ? preferencePoints(c, me, c.mentors[j], null) : 0;
            }
        }
    }

    /** The score of a pair; with reasons != null, the Russian explanation of every part of it. */
    private int score(Checked c, Person me, Person mo, List<String> reasons) {
        int s = 0;
        List<String> covered = new ArrayList<>();
        for (Topic t : Topic.values()) {
            if ((me.topics & mo.topics & (1 << t.ordinal())) != 0) {
                covered.add(t.title());
                s += MatchingRules.PER_REQUEST;
            }
        }
        List<String> subjects = common(me.subjectNames, mo.subjectNames);
        List<String> interests = common(me.interestNames, mo.interestNames);
        s += Math.min(MatchingRules.MAX_SHARED, subjects.size()) * MatchingRules.PER_SUBJECT;
        s += Math.min(MatchingRules.MAX_SHARED, interests.size()) * MatchingRules.PER_INTEREST;
        RoleFit.Fit fit = roleFit.fit(me.form, mo.profile, me.profile);
        s += fit.points();
        List<String> preferences = new ArrayList<>();
        s += preferencePoints(c, me, mo, preferences);
        if (reasons != null) {
            int requests = Integer.bitCount(me.topics);
            if (!covered.isEmpty()) {
                reasons.add("закрывает запросы (" + covered.size() + " из " + requests + "): "
                        + String.join(", ", covered));
            } else if (requests > 0) {
                reasons.add("ни один запрос наставляемого не совпал с компетенциями наставника");
            }
            if (!subjects.isEmpty()) {
                reasons.add("общие предметы: " + String.join(", ", subjects));
            }
            if (!interests.isEmpty()) {
                reasons.add("общие интересы: " + String.join(", ", interests));
            }
            reasons.addAll(preferences);
            for (String variant : fit.reasons()) {
                reasons.add("вариант ролей «" + variant + "»");
            }
        }
        return s;
    }

    private static List<String> common(List<String> a, List<String> b) {
        return a.stream().filter(b::contains).toList();
    }

    private static int preferencePoints(Checked c, Person me, Person mo, List<String> reasons) {
        int menteeRank = rank(me.preferred, mo.index);
        int mentorRank = rank(mo.preferred, me.index);
        int s = 0;
        if (menteeRank > 0) {
            s += MatchingRules.rankPoints(menteeRank);
        }
        if (mentorRank > 0) {
            s += MatchingRules.rankPoints(mentorRank);
        }
        if (menteeRank > 0 && mentorRank > 0) {
            s += MatchingRules.MUTUAL;
        }
        if (reasons != null) {
            if (menteeRank > 0 && mentorRank > 0) {
                reasons.add("взаимный выбор: наставляемый назвал наставника " + menteeRank + "-м, наставник "
                        + "наставляемого — " + mentorRank + "-м");
            } else if (menteeRank > 0) {
                reasons.add("пожелание наставляемого учтено (" + menteeRank + "-й выбор)");
            } else if (mentorRank > 0) {
                reasons.add("пожелание наставника учтено (" + mentorRank + "-й выбор)");
            }
        }
        return s;
    }

    private static int rank(int[] preferred, int index) {
        for (int r = 0; r < preferred.length; r++) {
            if (preferred[r] == index) {
                return r + 1;
            }
        }
        return 0;
    }

    private MatchingProposal proposal(Checked c, int[] mentorOf, int[] scoreOf, String[] why, boolean optimal,
                                      long started) {
        Map<Integer, List<MatchingProposal.Member>> byMentor = new LinkedHashMap<>();
        long total = 0;
        int matched = 0;
        for (Person me : c.mentees) {
            int j = mentorOf[me.index];
            if (j >= 0) {
                List<String> reasons = new ArrayList<>();
                boolean pinned = c.pinnedTo[me.index] == j;
                if (pinned) {
                    reasons.add("пара закреплена куратором");
                }
                int s = score(c, me, c.mentors[j], reasons);
                byMentor.computeIfAbsent(j, k -> new ArrayList<>())
                        .add(new MatchingProposal.Member(me.id, me.name, s, pinned, reasons));
                total += s;
                matched++;
            }
        }
        List<MatchingProposal.Group> groups = new ArrayList<>();
        for (Person mo : c.mentors) {
            List<MatchingProposal.Member> members = byMentor.get(mo.index);
            if (members != null) {
                groups.add(new MatchingProposal.Group(mo.id, mo.name, mo.form.code(),
                        members.size() == 1 ? "pair" : "group", mo.capacity,
                        members.stream().mapToInt(MatchingProposal.Member::score).sum(), members));
            }
        }
        List<MatchingProposal.Unmatched> unmatched = new ArrayList<>();
        for (Person me : c.mentees) {
            if (mentorOf[me.index] < 0) {
                unmatched.add(new MatchingProposal.Unmatched(me.id, me.name, me.form.code(),
                        Objects.requireNonNullElse(why[me.index], "нет подходящего наставника")));
            }
        }
        int pairs = (int) groups.stream().filter(g -> g.kind().equals("pair")).count();
        return new MatchingProposal(groups, unmatched, new MatchingProposal.Totals(c.mentees.length, matched,
                unmatched.size(), pairs, groups.size() - pairs, total, optimal,
                (System.nanoTime() - started) / 1_000_000));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Checking the input: every problem at once, in Russian.

    private Checked check(MatchingInstance instance) {
        Errors errors = new Errors();
        if (instance == null) {
            throw new ValidationException("mentees", "Пустой запрос: нужны списки mentees и mentors");
        }
        List<MatchingInstance.Mentee> menteeInput = orEmpty(instance.mentees());
        List<MatchingInstance.Mentor> mentorInput = orEmpty(instance.mentors());
        if (menteeInput.isEmpty()) {
            errors.add("mentees", "Нет ни одного наставляемого");
        }
        Dictionary subjects = new Dictionary();
        Dictionary interests = new Dictionary();
        Person[] mentees = new Person[menteeInput.size()];
        Person[] mentors = new Person[mentorInput.size()];
        Map<String, Integer> menteeIds = new HashMap<>();
        Map<String, Integer> mentorIds = new HashMap<>();
        for (int i = 0; i < mentees.length; i++) {
            MatchingInstance.Mentee in = menteeInput.get(i);
            String f = "mentees[" + i + "]";
            if (in == null) {
                errors.add(f, "Пустая запись наставляемого");
                in = new MatchingInstance.Mentee(null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null);
            }
            Person p = person(errors, f, i, in.id(), in.name(), in.form(), in.schoolClass(), in.experienceYears(),
                    in.subjects(), in.interests(), in.consent(), in.averageGrade(), in.activity(), in.anxiety(),
                    subjects, interests, "наставляемого");
            p.topics = topics(errors, f + ".requests", in.requests());
            p.sameSubject = Boolean.TRUE.equals(in.sameSubject());
            p.capacity = 1;
            if (p.sameSubject && p.subjectNames.isEmpty()) {
                errors.add(f + ".subjects", "Наставляемый " + p.name + " просит наставника-предметника, но его "
                        + "предмет не указан");
            }
            if (p.sameSubject && p.form != null && p.form != MentorshipForm.TEACHER_TEACHER) {
                errors.add(f + ".sameSubject", "Вариант «опытный предметник – неопытный предметник» есть только в "
                        + "форме «Учитель – учитель»");
            }
            mentees[i] = p;
            if (p.id != null && menteeIds.putIfAbsent(p.id, i) != null) {
                errors.add(f + ".id", "Наставляемый с id «" + p.id + "» указан дважды");
            }
        }
        for (int j = 0; j < mentors.length; j++) {
            MatchingInstance.Mentor in = mentorInput.get(j);
            String f = "mentors[" + j + "]";
            if (in == null) {
                errors.add(f, "Пустая запись наставника");
                in = new MatchingInstance.Mentor(null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null);
            }
            Person p = person(errors, f, j, in.id(), in.name(), in.form(), in.schoolClass(), in.experienceYears(),
                    in.subjects(), in.interests(), in.consent(), in.averageGrade(), in.activity(), in.anxiety(),
                    subjects, interests, "наставника");
            p.topics = topics(errors, f + ".competencies", in.competencies());
            p.capacity = in.capacity() == null ? 1 : in.capacity();
            if (p.capacity < 1 || p.capacity > MatchingRules.MAX_CAPACITY) {
                errors.add(f + ".capacity", "Наставник " + p.name + ": число наставляемых от 1 до "
                        + MatchingRules.MAX_CAPACITY);
                p.capacity = Math.max(0, Math.min(p.capacity, MatchingRules.MAX_CAPACITY));
            }
            if (p.form != null && p.years == null && needsYears(p.form)) {
                errors.add(f + ".experienceYears", "Укажите стаж наставника " + p.name + ": в форме «"
                        + p.form.title() + "» наставник должен иметь стаж от 5 лет");
            }
            mentors[j] = p;
            if (p.id != null && mentorIds.putIfAbsent(p.id, j) != null) {
                errors.add(f + ".id", "Наставник с id «" + p.id + "» указан дважды");
            }
        }
        for (int i = 0; i < mentees.length; i++) {
            mentees[i].preferred = refs(errors, "mentees[" + i + "].preferred", menteeInput.get(i) == null ? null
                    : menteeInput.get(i).preferred(), mentorIds, "наставника");
            mentees[i].avoid = refs(errors, "mentees[" + i + "].avoid", menteeInput.get(i) == null ? null
                    : menteeInput.get(i).avoid(), mentorIds, "наставника");
        }
        for (int j = 0; j < mentors.length; j++) {
            mentors[j].preferred = refs(errors, "mentors[" + j + "].preferred", mentorInput.get(j) == null ? null
                    : mentorInput.get(j).preferred(), menteeIds, "наставляемого");
            mentors[j].avoid = refs(errors, "mentors[" + j + "].avoid", mentorInput.get(j) == null ? null
                    : mentorInput.get(j).avoid(), menteeIds, "наставляемого");
        }
        // Who excludes whom (forbidden pairs, both sides' avoid lists) and who chose whom, per mentee.
        List<List<Integer>> excluded = new ArrayList<>();
        List<List<Integer>> chosen = new ArrayList<>();
        for (int i = 0; i < mentees.length; i++) {
            List<Integer> x = new ArrayList<>();
            for (int a : mentees[i].avoid) {
                x.add(a);
            }
            excluded.add(x);
            chosen.add(new ArrayList<>());
        }
        for (Person mo : mentors) {
            for (int a : mo.avoid) {
                excluded.get(a).add(mo.index);
            }
            for (int a : mo.preferred) {
                chosen.get(a).add(mo.index);
            }
        }
        List<MatchingInstance.Pair> forbidden = orEmpty(instance.forbidden());
        Set<Long> forbiddenPairs = new HashSet<>();
        for (int k = 0; k < forbidden.size(); k++) {
            int[] pair = pair(errors, "forbidden[" + k + "]", forbidden.get(k), menteeIds, mentorIds);
            if (pair != null) {
                excluded.get(pair[0]).add(pair[1]);
                forbiddenPairs.add((long) pair[0] << 32 | pair[1]);
            }
        }
        int[] pinnedTo = new int[mentees.length];
        Arrays.fill(pinnedTo, -1);
        List<MatchingInstance.Pair> pinned = orEmpty(instance.pinned());
        int[] pinnedLoad = new int[mentors.length];
        Map<Integer, List<String>> pinnedNames = new HashMap<>();
        for (int k = 0; k < pinned.size(); k++) {
            String f = "pinned[" + k + "]";
            int[] pair = pair(errors, f, pinned.get(k), menteeIds, mentorIds);
            if (pair == null) {
                continue;
            }
            Person me = mentees[pair[0]];
            Person mo = mentors[pair[1]];
            if (pinnedTo[me.index] >= 0) {
                if (pinnedTo[me.index] != mo.index) {
                    errors.add(f, "Наставляемый " + me.name + " закреплён за двумя наставниками: "
                            + mentors[pinnedTo[me.index]].name + " и " + mo.name);
                }
                continue;
            }
            pinnedTo[me.index] = mo.index;
            pinnedLoad[mo.index]++;
            pinnedNames.computeIfAbsent(mo.index, x -> new ArrayList<>()).add(me.name);
            List<String> problems = violations(me, mo);
            if (forbiddenPairs.contains((long) me.index << 32 | mo.index)) {
                problems.add("эта же пара запрещена куратором");
            }
            if (rank(me.avoid, mo.index) > 0) {
                problems.add("наставляемый просил не ставить его в пару с этим наставником");
            }
            if (rank(mo.avoid, me.index) > 0) {
                problems.add("наставник просил не ставить его в пару с этим наставляемым");
            }
            if (!problems.isEmpty()) {
                errors.add(f, "Закреплённая пара «" + mo.name + " – " + me.name + "» невозможна: "
                        + String.join("; ", problems));
            }
        }
        for (Person mo : mentors) {
            if (pinnedLoad[mo.index] > mo.capacity && mo.capacity > 0) {
                errors.add("pinned", "За наставником " + mo.name + " закреплено " + pinnedLoad[mo.index]
                        + " наставляемых (" + String.join(", ", pinnedNames.get(mo.index)) + "), а он берёт не больше "
                        + mo.capacity);
            }
        }
        errors.throwIfAny();
        int[][] excludedOf = excluded.stream().map(l -> l.stream().mapToInt(Integer::intValue).distinct().toArray())
                .toArray(int[][]::new);
        int[][] chosenBy = chosen.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        return new Checked(mentees, mentors, pinnedTo, excludedOf, chosenBy, subjects, interests);
    }

    private static boolean needsYears(MentorshipForm form) {
        return form == MentorshipForm.TEACHER_TEACHER || form == MentorshipForm.EMPLOYER_PUPIL
                || form == MentorshipForm.EMPLOYER_STUDENT;
    }

    /** Why a pinned pair breaks a hard rule; empty when it does not. */
    private static List<String> violations(Person me, Person mo) {
        List<String> problems = new ArrayList<>();
        if (me.form != mo.form) {
            problems.add("разные формы наставничества («" + title(me.form) + "» и «" + title(mo.form) + "»)");
        }
        if (!me.consent) {
            problems.add("нет согласия наставляемого на обработку персональных данных");
        }
        if (!mo.consent) {
            problems.add("нет согласия наставника на обработку персональных данных");
        }
        if (me.form != mo.form || me.form == null) {
            return problems;
        }
        switch (me.form) {
            case PUPIL_PUPIL -> {
                if (mo.grade <= me.grade) {
                    problems.add("наставник учится в " + mo.classLabel + " — не в более старшем классе, чем "
                            + "наставляемый (" + me.classLabel + ")");
                }
            }
            case TEACHER_TEACHER -> {
                if (mo.years == null || mo.years < MatchingRules.EXPERIENCED_YEARS) {
                    problems.add("стаж наставника " + (mo.years == null ? "не указан" : MatchingRules.years(mo.years))
                            + " — нужно от " + MatchingRules.years(MatchingRules.EXPERIENCED_YEARS));
                }
                if (me.sameSubject && shared(me.subjects, mo.subjects, 0, mo.subjects.length) == 0) {
                    problems.add("наставник не преподаёт предмет наставляемого ("
                            + String.join(", ", me.subjectNames) + ")");
                }
            }
            case EMPLOYER_PUPIL, EMPLOYER_STUDENT -> {
                if (mo.years == null || mo.years < MatchingRules.PROFESSIONAL_YEARS) {
                    problems.add("профессиональный стаж наставника "
                            + (mo.years == null ? "не указан" : MatchingRules.years(mo.years)) + " — нужно от "
                            + MatchingRules.years(MatchingRules.PROFESSIONAL_YEARS));
                }
            }
            default -> {
            }
        }
        return problems;
    }

    private static String title(MentorshipForm form) {
        return form == null ? "?" : form.title();
    }

    private static Person person(Errors errors, String f, int index, String id, String name, String form,
                                 String schoolClass, Integer years, List<String> subjects, List<String> interests,
                                 Boolean consent, BigDecimal averageGrade, Integer activity, Integer anxiety,
                                 Dictionary subjectDictionary, Dictionary interestDictionary, String whose) {
        Person p = new Person();
        p.index = index;
        p.id = id == null || id.isBlank() ? null : id.trim();
        if (p.id == null) {
            errors.add(f + ".id", "Не указан id " + whose + " (запись " + (index + 1) + ")");
        }
        p.name = name == null || name.isBlank() ? (p.id == null ? "№ " + (index + 1) : p.id) : name.trim();
        p.form = form == null ? null : MentorshipForm.byCode(form.trim()).orElse(null);
        if (p.form == null) {
            errors.add(f + ".form", "Форма наставничества " + whose + " " + p.name + ": «" + Objects.toString(form, "")
                    + "» — допустимо: " + MentorshipForm.allCodes());
        }
        if (schoolClass != null && !schoolClass.isBlank()) {
            p.grade = MatchingRules.grade(schoolClass);
            if (p.grade < 0) {
                errors.add(f + ".schoolClass", "Класс " + whose + " " + p.name + " «" + schoolClass
                        + "» не распознан: пишите как «7Б» (классы 1–11)");
            } else {
                p.classLabel = MatchingRules.classLabel(schoolClass);
            }
        } else if (p.form == MentorshipForm.PUPIL_PUPIL) {
            errors.add(f + ".schoolClass", "Укажите класс " + whose + " " + p.name
                    + ": в форме «Ученик – ученик» наставник учится в более старшем классе");
        }
        if (years != null && (years < 0 || years > 70)) {
            errors.add(f + ".experienceYears", "Стаж " + whose + " " + p.name + " от 0 до 70 лет");
        }
        p.years = years;
        List<String> subjectNames = new ArrayList<>();
        p.subjects = subjectDictionary.mask(subjects, subjectNames);
        p.subjectNames = subjectNames;
        List<String> interestNames = new ArrayList<>();
        p.interests = interestDictionary.mask(interests, interestNames);
        p.interestNames = interestNames;
        if (consent == null) {
            errors.add(f + ".consent", "Не указано, есть ли согласие " + whose + " " + p.name
                    + " на обработку персональных данных (consent: true или false)");
        }
        p.consent = Boolean.TRUE.equals(consent);
        if (averageGrade != null && (averageGrade.compareTo(EntryAssessment.GRADE_MIN) < 0
                || averageGrade.compareTo(EntryAssessment.GRADE_MAX) > 0)) {
            errors.add(f + ".averageGrade", "Средний балл " + whose + " " + p.name + " от 2.0 до 5.0");
        }
        if (outOfScale(activity)) {
            errors.add(f + ".activity", "Активность " + whose + " " + p.name + " по шкале от 1 до 5");
        }
        if (outOfScale(anxiety)) {
            errors.add(f + ".anxiety", "Тревожность " + whose + " " + p.name + " по шкале от 1 до 5");
        }
        p.profile = RoleFit.profile(averageGrade, activity, anxiety, years);
        return p;
    }

    private static boolean outOfScale(Integer v) {
        return v != null && (v < EntryAssessment.SCALE_MIN || v > EntryAssessment.SCALE_MAX);
    }

    private static final Map<String, Topic> TOPICS = new HashMap<>();

    static {
        for (Topic t : Topic.values()) {
            TOPICS.put(t.code(), t);
        }
    }

    private static int topics(Errors errors, String field, List<String> codes) {
        int mask = 0;
        for (String code : orEmpty(codes)) {
            Topic t = code == null ? null : TOPICS.get(code);
            if (t == null && code != null) {
                t = Topic.parse(code).orElse(null);
            }
            if (t == null) {
                errors.add(field, "Неизвестная тема «" + code + "»: допустимы коды и названия списка тем, например "
                        + "academic-performance «Успеваемость»");
            } else {
                mask |= 1 << t.ordinal();
            }
        }
        return mask;
    }

    private static int[] refs(Errors errors, String field, List<String> ids, Map<String, Integer> known, String whom) {
        List<Integer> found = new ArrayList<>();
        for (String id : orEmpty(ids)) {
            Integer index = id == null ? null : known.get(id.trim());
            if (index == null) {
                errors.add(field, "Нет " + whom + " с id «" + id + "»");
            } else if (!found.contains(index)) {
                found.add(index);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] pair(Errors errors, String field, MatchingInstance.Pair pair, Map<String, Integer> mentees,
                              Map<String, Integer> mentors) {
        if (pair == null) {
            errors.add(field, "Пустая пара");
            return null;
        }
        Integer me = pair.mentee() == null ? null : mentees.get(pair.mentee().trim());
        Integer mo = pair.mentor() == null ? null : mentors.get(pair.mentor().trim());
        if (me == null) {
            errors.add(field + ".mentee", "Нет наставляемого с id «" + pair.mentee() + "»");
        }
        if (mo == null) {
            errors.add(field + ".mentor", "Нет наставника с id «" + pair.mentor() + "»");
        }
        return me == null || mo == null ? null : new int[] {me, mo};
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static final class Errors {
        final List<FieldError> list = new ArrayList<>();
        int more;

        void add(String field, String message) {
            if (list.size() < MAX_ERRORS) {
                list.add(new FieldError(field, message));
            } else {
                more++;
            }
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                if (more > 0) {
                    list.add(new FieldError("", "и ещё ошибок: " + more));
                }
                throw new ValidationException(list);
            }
        }
    }

    /**
     * A form's consenting mentors as flat arrays, in their order (their index, class, years — -1 when unknown —,
     * competencies, profile class, subject and interest masks of a fixed number of words each): the edges read them
     * for every pair, millions of times in a large pool, and neighbouring array slots are read far faster than one
     * object per mentor.
     */
    private static final class Pool {
        final int size;
        final int[] index;
        final int[] grade;
        final int[] years;
        final int[] topics;
        final int[] profile;
        final int subjectWords;
        final long[] subjects;
        final int interestWords;
        final long[] interests;

        Pool(List<Person> mentors) {
            size = mentors.size();
            index = new int[size];
            grade = new int[size];
            years = new int[size];
            topics = new int[size];
            profile = new int[size];
            subjectWords = mentors.stream().mapToInt(p -> p.subjects.length).max().orElse(0);
            interestWords = mentors.stream().mapToInt(p -> p.interests.length).max().orElse(0);
            subjects = new long[size * subjectWords];
            interests = new long[size * interestWords];
            for (int k = 0; k < size; k++) {
                Person p = mentors.get(k);
                index[k] = p.index;
                grade[k] = p.grade;
                years[k] = p.years == null ? -1 : p.years;
                topics[k] = p.topics;
                profile[k] = p.profile;
                System.arraycopy(p.subjects, 0, subjects, k * subjectWords, p.subjects.length);
                System.arraycopy(p.interests, 0, interests, k * interestWords, p.interests.length);
            }
        }
    }

    /** A growable int array. */
    private static final class IntList {
        int[] values = new int[1024];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
