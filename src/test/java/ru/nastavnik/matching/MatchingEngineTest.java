package ru.nastavnik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/** The hard rules, the score and its reasons, pins, forbids, avoid lists, contradictions and unmatched reasons. */
class MatchingEngineTest {

    private final MatchingEngine engine = new MatchingEngine();

    // Builders: a pupil mentee / mentor of «ученик – ученик» by default; with…() copies change one thing.
    static MatchingInstance.Mentee pupil(String id, String schoolClass, String... requests) {
        return new MatchingInstance.Mentee(id, "Ученик " + id, "pupil-pupil", schoolClass, null, List.of(), List.of(),
                List.of(requests), true, null, null, null, null, null, null);
    }

    static MatchingInstance.Mentor pupilMentor(String id, String schoolClass, int capacity, String... competencies) {
        return new MatchingInstance.Mentor(id, "Наставник " + id, "pupil-pupil", schoolClass, null, List.of(),
                List.of(), List.of(competencies), true, null, null, null, capacity, null, null);
    }

    static MatchingInstance.Mentee teacher(String id, int years, boolean sameSubject, String... subjects) {
        return new MatchingInstance.Mentee(id, "Педагог " + id, "teacher-teacher", null, years, List.of(subjects),
                List.of(), List.of("young-specialist"), true, null, null, null, sameSubject, null, null);
    }

    static MatchingInstance.Mentor teacherMentor(String id, int years, String... subjects) {
        return new MatchingInstance.Mentor(id, "Наставник " + id, "teacher-teacher", null, years, List.of(subjects),
                List.of(), List.of("young-specialist"), true, null, null, null, 1, null, null);
    }

    static MatchingInstance of(List<MatchingInstance.Mentee> mentees, List<MatchingInstance.Mentor> mentors) {
        return new MatchingInstance(mentees, mentors, List.of(), List.of());
    }

    static MatchingInstance.Pair pair(String mentee, String mentor) {
        return new MatchingInstance.Pair(mentee, mentor);
    }

    private static String mentorOf(MatchingProposal p, String mentee) {
        return p.groups().stream().filter(g -> g.mentees().stream().anyMatch(m -> m.menteeId().equals(mentee)))
                .map(MatchingProposal.Group::mentorId).findFirst().orElse(null);
    }

    private static MatchingProposal.Member member(MatchingProposal p, String mentee) {
        return p.groups().stream().flatMap(g -> g.mentees().stream()).filter(m -> m.menteeId().equals(mentee))
                .findFirst().orElseThrow();
    }

    private static String unmatchedReason(MatchingProposal p, String mentee) {
        return p.unmatched().stream().filter(u -> u.menteeId().equals(mentee))
                .map(MatchingProposal.Unmatched::reason).findFirst().orElse(null);
    }

    private static List<String> messages(Runnable call) {
        try {
            call.run();
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::message).toList();
        }
        throw new AssertionError("no ValidationException");
    }

    @Test
    void pupilMentorMustBeInAHigherClass() {
        MatchingProposal p = engine.solve(of(List.of(pupil("a", "7Б"), pupil("b", "5 а")),
                List.of(pupilMentor("x", "7А", 2))));
        assertThat(mentorOf(p, "b")).isEqualTo("x");
        assertThat(unmatchedReason(p, "a")).isEqualTo("нет наставника той же формы с классом выше 7Б");
        assertThat(engine.solve(of(List.of(pupil("a", "7Б")), List.of(pupilMentor("x", "8А", 1))))
                .totals().matched()).isEqualTo(1);
    }

    @Test
    void sameFormOnly() {
        MatchingProposal p = engine.solve(of(List.of(pupil("a", "5А")), List.of(teacherMentor("x", 20))));
        assertThat(unmatchedReason(p, "a")).isEqualTo("нет ни одного наставника формы «Ученик – ученик»");
    }

    @Test
    void consentOfBothSidesIsRequired() {
        MatchingInstance.Mentee noConsent = new MatchingInstance.Mentee("a", "Ученик a", "pupil-pupil", "5А", null,
                null, null, null, false, null, null, null, null, null, null);
        MatchingInstance.Mentor mentorNoConsent = new MatchingInstance.Mentor("y", "Наставник y", "pupil-pupil",
                "9А", null, null, null, null, false, null, null, null, 3, null, null);
        MatchingProposal p = engine.solve(of(List.of(noConsent, pupil("b", "5Б")),
                List.of(pupilMentor("x", "9Б", 3))));
        assertThat(unmatchedReason(p, "a")).contains("нет согласия на обработку персональных данных");
        assertThat(mentorOf(p, "b")).isEqualTo("x");
        MatchingProposal q = engine.solve(of(List.of(pupil("b", "5Б")), List.of(mentorNoConsent)));
        assertThat(unmatchedReason(q, "b")).contains("нет согласия на обработку персональных данных");
    }

    @Test
    void teacherMentorNeedsFiveYearsAndTheSubjectWhenAsked() {
        MatchingProposal p = engine.solve(of(List.of(teacher("a", 1, false, "математика")),
                List.of(teacherMentor("x", 4, "математика"))));
        assertThat(unmatchedReason(p, "a")).isEqualTo("нет наставника той же формы со стажем от 5 лет");
        assertThat(engine.solve(of(List.of(teacher("a", 1, false, "математика")),
                List.of(teacherMentor("x", 5, "физика")))).totals().matched()).isEqualTo(1);
        MatchingProposal subject = engine.solve(of(List.of(teacher("a", 1, true, "Математика")),
                List.of(teacherMentor("x", 20, "физика"))));
        assertThat(unmatchedReason(subject, "a"))
                .isEqualTo("нет наставника той же формы со стажем от 5 лет, преподающего тот же предмет (математика)");
        MatchingProposal same = engine.solve(of(List.of(teacher("a", 1, true, "Математика")),
                List.of(teacherMentor("x", 20, "физика"), teacherMentor("y", 6, "математика"))));
        assertThat(mentorOf(same, "a")).isEqualTo("y");
    }

    @Test
    void employerMentorNeedsFiveYearsOfProfessionalExperience() {
        MatchingInstance.Mentee pupil = new MatchingInstance.Mentee("a", "Ученик a", "employer-pupil", "9А", null,
                null, null, List.of("career-guidance"), true, null, null, null, null, null, null);
        MatchingInstance.Mentor junior = new MatchingInstance.Mentor("x", "Инженер x", "employer-pupil", null, 4,
                null, null, List.of("career-guidance"), true, null, null, null, 1, null, null);
        MatchingInstance.Mentor senior = new MatchingInstance.Mentor("y", "Инженер y", "employer-pupil", null, 5,
                null, null, List.of(), true, null, null, null, 1, null, null);
        assertThat(unmatchedReason(engine.solve(of(List.of(pupil), List.of(junior))), "a"))
                .isEqualTo("нет наставника той же формы с профессиональным стажем от 5 лет");
        assertThat(mentorOf(engine.solve(of(List.of(pupil), List.of(junior, senior))), "a")).isEqualTo("y");
    }

    @Test
    void capacityMakesGroupsAndTheRestWaitWithAReason() {
        MatchingProposal p = engine.solve(of(List.of(pupil("a", "5А", "sport"), pupil("b", "5Б"), pupil("c", "6А")),
                List.of(pupilMentor("x", "9А", 2, "sport"))));
        assertThat(p.groups()).hasSize(1);
        assertThat(p.groups().get(0).kind()).isEqualTo("group");
        assertThat(p.groups().get(0).mentees()).hasSize(2);
        assertThat(mentorOf(p, "a")).isEqualTo("x");
        assertThat(p.unmatched()).singleElement().satisfies(u ->
                assertThat(u.reason()).startsWith("все подходящие наставники заняты (подходят: 1)"));
        assertThat(p.totals().matched()).isEqualTo(2);
        assertThat(p.totals().groups()).isEqualTo(1);
        assertThat(p.totals().optimal()).isTrue();
    }

    @Test
    void moreMenteesMatchedBeatsAHigherScoreForOne() {
        // Greedy would give x to a (score 20) and leave b without anybody.
        MatchingProposal p = engine.solve(of(List.of(pupil("a", "5А", "sport", "olympiads"), pupil("b", "8А")),
                List.of(pupilMentor("x", "10А", 1, "sport", "olympiads"), pupilMentor("y", "7А", 1))));
        assertThat(mentorOf(p, "a")).isEqualTo("y");
        assertThat(mentorOf(p, "b")).isEqualTo("x");
        assertThat(p.totals().matched()).isEqualTo(2);
    }

    @Test
    void forbiddenPairsAndAvoidListsAreRespected() {
        MatchingInstance.Mentee avoiding = new MatchingInstance.Mentee("b", "Ученик b", "pupil-pupil", "5Б", null,
                null, null, null, true, null, null, null, null, null, List.of("x"));
        MatchingInstance.Mentor avoidingMentor = new MatchingInstance.Mentor("x", "Наставник x", "pupil-pupil", "9А",
                null, null, null, null, true, null, null, null, 3, null, List.of("c"));
        MatchingProposal p = engine.solve(new MatchingInstance(
                List.of(pupil("a", "5А"), avoiding, pupil("c", "5В"), pupil("d", "5Г")),
                List.of(avoidingMentor), List.of(), List.of(pair("a", "x"))));
        assertThat(mentorOf(p, "d")).isEqualTo("x");
        for (String id : List.of("a", "b", "c")) {
            assertThat(unmatchedReason(p, id)).as(id).isEqualTo(
                    "все подходящие наставники (1) исключены: запрет куратора или просьба не ставить в пару");
        }
    }

    @Test
    void pinnedPairsAreKeptAndTheRestReoptimised() {
        // Without the pin, a would get x (covers its request) and b would get y.
        MatchingInstance instance = new MatchingInstance(
                List.of(pupil("a", "5А", "sport"), pupil("b", "5Б", "olympiads")),
                List.of(pupilMentor("x", "9А", 1, "sport"), pupilMentor("y", "9Б", 1, "olympiads")),
                List.of(pair("a", "y")), List.of());
        MatchingProposal p = engine.solve(instance);
        assertThat(mentorOf(p, "a")).isEqualTo("y");
        assertThat(member(p, "a").pinned()).isTrue();
        assertThat(member(p, "a").reasons()).first().isEqualTo("пара закреплена куратором");
        assertThat(mentorOf(p, "b")).isEqualTo("x");
        assertThat(p.totals().matched()).isEqualTo(2);
    }

    @Test
    void contradictoryInputIsRefusedWithEveryProblem() {
        MatchingInstance instance = new MatchingInstance(
                List.of(pupil("a", "7Б"), pupil("b", "5А"), pupil("c", "5Б"), pupil("d", "6А")),
                List.of(pupilMentor("low", "6В", 1), pupilMentor("full", "9А", 1), pupilMentor("z", "10А", 1)),
                List.of(pair("a", "low"), pair("b", "full"), pair("c", "full"), pair("d", "z")),
                List.of(pair("d", "z")));
        List<String> messages = messages(() -> engine.solve(instance));
        assertThat(messages).containsExactlyInAnyOrder(
                "Закреплённая пара «Наставник low – Ученик a» невозможна: наставник учится в 6В — не в более "
                        + "старшем классе, чем наставляемый (7Б)",
                "Закреплённая пара «Наставник z – Ученик d» невозможна: эта же пара запрещена куратором",
                "За наставником Наставник full закреплено 2 наставляемых (Ученик b, Ученик c), а он берёт не больше 1");
    }

    @Test
    void unreadableInputIsRefusedWithEveryProblem() {
        MatchingInstance.Mentee bad = new MatchingInstance.Mentee("a", "Ученик a", "pupil-pupul", "13Я", null, null,
                null, List.of("sleeping"), null, new BigDecimal("6"), 9, null, null, List.of("nobody"), null);
        MatchingInstance.Mentor noYears = new MatchingInstance.Mentor("x", "Наставник x", "teacher-teacher", null,
                null, null, null, null, true, null, null, null, 0, null, null);
        List<String> messages = messages(() -> engine.solve(new MatchingInstance(List.of(bad, pupil("a", "5А")),
                List.of(noYears), List.of(pair("q", "x")), null)));
        assertThat(messages).anyMatch(m -> m.startsWith("Форма наставничества наставляемого Ученик a: «pupil-pupul»"))
                .anyMatch(m -> m.contains("Класс наставляемого Ученик a «13Я» не распознан"))
                .anyMatch(m -> m.startsWith("Неизвестная тема «sleeping»"))
                .anyMatch(m -> m.contains("consent: true или false"))
                .anyMatch(m -> m.equals("Средний балл наставляемого Ученик a от 2.0 до 5.0"))
                .anyMatch(m -> m.equals("Активность наставляемого Ученик a по шкале от 1 до 5"))
                .anyMatch(m -> m.equals("Нет наставника с id «nobody»"))
                .anyMatch(m -> m.equals("Наставляемый с id «a» указан дважды"))
                .anyMatch(m -> m.startsWith("Наставник Наставник x: число наставляемых от 1 до 30"))
                .anyMatch(m -> m.startsWith("Укажите стаж наставника Наставник x"))
                .anyMatch(m -> m.equals("Нет наставляемого с id «q»"));
    }

    @Test
    void explainsTheScore() {
        MatchingInstance.Mentee a = new MatchingInstance.Mentee("a", "Иванова Анна", "pupil-pupil", "6А", null,
                List.of("Математика"), List.of("шахматы", "Театр"), List.of("academic-performance", "Олимпиады и конкурсы",
                "sport"), true, new BigDecimal("3.1"), 2, 4, null, List.of("x"), null);
        MatchingInstance.Mentor x = new MatchingInstance.Mentor("x", "Петров Пётр", "pupil-pupil", "9Б", null,
                List.of("математика", "физика"), List.of("театр"), List.of("academic-performance", "olympiads"), true,
                new BigDecimal("4.9"), 5, 1, 1, List.of("a"), null);
        MatchingProposal p = engine.solve(of(List.of(a), List.of(x)));
        MatchingProposal.Member m = member(p, "a");
        assertThat(m.reasons()).containsExactly(
                "закрывает запросы (2 из 3): Успеваемость, Олимпиады и конкурсы",
                "общие предметы: математика",
                "общие интересы: театр",
                "взаимный выбор: наставляемый назвал наставника 1-м, наставник наставляемого — 1-м",
                "вариант ролей «успевающий – неуспевающий»",
                "вариант ролей «лидер – пассивный»",
                "вариант ролей «адаптированный – неадаптированный»");
        // 2 requests × 10, 1 subject × 3, 1 interest × 2, 6 + 6 + 4 for the mutual first choice, 3 + 2 + 2 fit.
        assertThat(m.score()).isEqualTo(20 + 3 + 2 + 16 + 7);
        assertThat(p.groups().get(0).kind()).isEqualTo("pair");
        assertThat(p.totals().score()).isEqualTo(48);
    }

    @Test
    void aOneSidedWishIsNamed() {
        MatchingInstance.Mentee a = new MatchingInstance.Mentee("a", "Ученик a", "teacher-pupil", "5А", null, null,
                null, null, true, null, null, null, null, List.of("y", "x"), null);
        MatchingInstance.Mentor x = new MatchingInstance.Mentor("x", "Учитель x", "teacher-pupil", null, 10, null,
                null, null, true, null, null, null, 1, null, null);
        MatchingInstance.Mentor y = new MatchingInstance.Mentor("y", "Инженер y", "employer-pupil", null, 10, null,
                null, null, true, null, null, null, 1, null, null);
        MatchingProposal p = engine.solve(of(List.of(a), List.of(x, y)));
        assertThat(member(p, "a").reasons()).containsExactly("пожелание наставляемого учтено (2-й выбор)");
        assertThat(member(p, "a").score()).isEqualTo(4);
    }

    /**
     * Whole instances through the engine (partition by form, rules, scores, pins) against exhaustive search over
     * every assignment that keeps the pins: same matched count and total score.
     */
    @Test
    void equalsExhaustiveSearchOnSmallRandomInstances() {
        int matched = 0;
        for (long seed = 1; seed <= 300; seed++) {
            MatchingInstance random = seed % 3 == 0 ? RandomInstances.random(6, 4, seed)
                    : RandomInstances.random(6, 4, seed, MentorshipForm.PUPIL_PUPIL, MentorshipForm.TEACHER_PUPIL);
            MatchingProposal p = engine.solve(random);
            long[] best = exhaustive(random);
            assertThat(new long[] {p.totals().matched(), p.totals().score()}).as("seed %d", seed)
                    .containsExactly(best);
            assertThat(p.totals().optimal()).isTrue();
            matched += p.totals().matched();
        }
        assertThat(matched).as("the instances are not empty").isGreaterThan(300);
    }

    /** Tries every mentor (or none) for every mentee; a pair's feasibility and score come from solving it alone. */
    private long[] exhaustive(MatchingInstance instance) {
        int n = instance.mentees().size();
        int m = instance.mentors().size();
        int[][] score = new int[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                MatchingInstance.Mentee me = instance.mentees().get(i);
                MatchingInstance.Mentor mo = instance.mentors().get(j);
                MatchingInstance alone = new MatchingInstance(List.of(me), List.of(mo), List.of(),
                        instance.forbidden().stream().filter(f -> f.mentee().equals(me.id()) && f.mentor().equals(mo.id()))
                                .toList());
                MatchingProposal p;
                try {
                    p = engine.solve(withoutRefs(alone));
                } catch (ValidationException e) {
                    p = null;
                }
                boolean avoided = me.avoid() != null && me.avoid().contains(mo.id())
                        || mo.avoid() != null && mo.avoid().contains(me.id());
                score[i][j] = p == null || p.totals().matched() == 0 || avoided ? -1 : -2;
            }
        }
        // Scores with the preferences: from the full instance's own scoring, via a pinned solve of that pair.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (score[i][j] == -2) {
                    MatchingInstance pinned = new MatchingInstance(instance.mentees(), instance.mentors(),
                            List.of(pair(instance.mentees().get(i).id(), instance.mentors().get(j).id())),
                            instance.forbidden());
                    score[i][j] = member(engine.solve(pinned), instance.mentees().get(i).id()).score();
                }
            }
        }
        int[] capacity = instance.mentors().stream().mapToInt(MatchingInstance.Mentor::capacity).toArray();
        long[] best = {-1, -1};
        search(score, capacity, 0, 0, 0, best);
        return best;
    }

    private static MatchingInstance withoutRefs(MatchingInstance in) {
        List<MatchingInstance.Mentee> mentees = new ArrayList<>();
        for (MatchingInstance.Mentee me : in.mentees()) {
            mentees.add(new MatchingInstance.Mentee(me.id(), me.name(), me.form(), me.schoolClass(),
                    me.experienceYears(), me.subjects(), me.interests(), me.requests(), me.consent(), me.averageGrade(),
                    me.activity(), me.anxiety(), me.sameSubject(), null, null));
        }
        List<MatchingInstance.Mentor> mentors = new ArrayList<>();
        for (MatchingInstance.Mentor mo : in.mentors()) {
            mentors.add(new MatchingInstance.Mentor(mo.id(), mo.name(), mo.form(), mo.schoolClass(),
                    mo.experienceYears(), mo.subjects(), mo.interests(), mo.competencies(), mo.consent(),
                    mo.averageGrade(), mo.activity(), mo.anxiety(), mo.capacity(), null, null));
        }
        return new MatchingInstance(mentees, mentors, in.pinned(), in.forbidden());
    }

    private static void search(int[][] score, int[] capacity, int i, int matched, long total, long[] best) {
        if (i == score.length) {
            if (matched > best[0] || matched == best[0] && total > best[1]) {
                best[0] = matched;
                best[1] = total;
            }
            return;
        }
        search(score, capacity, i + 1, matched, total, best);
        for (int j = 0; j < capacity.length; j++) {
            if (score[i][j] >= 0 && capacity[j] > 0) {
                capacity[j]--;
                search(score, capacity, i + 1, matched + 1, total + score[i][j], best);
                capacity[j]++;
            }
        }
    }

    @Test
    void randomInstancesAreValidAndBeatOrEqualGreedy() {
        MatchingEngine greedy = new MatchingEngine(AssignmentSolver::greedy, false);
        Random r = new Random(7);
        for (int k = 0; k < 20; k++) {
            MatchingInstance instance = RandomInstances.random(50 + r.nextInt(150), 15 + r.nextInt(50), k);
            MatchingProposal p = engine.solve(instance);
            MatchingProposal g = greedy.solve(instance);
            assertThat(p.totals().optimal()).isTrue();
            assertThat(p.totals().matched()).isGreaterThanOrEqualTo(g.totals().matched());
            if (p.totals().matched() == g.totals().matched()) {
                assertThat(p.totals().score()).isGreaterThanOrEqualTo(g.totals().score());
            }
            assertThat(p.totals().matched() + p.totals().unmatched()).isEqualTo(instance.mentees().size());
            assertThat(p.unmatched()).allSatisfy(u -> assertThat(u.reason()).isNotBlank());
            for (MatchingProposal.Group group : p.groups()) {
                assertThat(group.mentees().size()).isLessThanOrEqualTo(group.capacity());
            }
        }
    }
}
