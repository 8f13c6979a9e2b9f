package ru.nastavnik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The solver against exhaustive search and a textbook min-cost flow, on many random problems. */
class AssignmentSolverTest {

    static AssignmentSolver.Problem random(Random r, int mentees, int mentors, int maxCapacity, int density,
                                           int maxScore) {
        int[] capacity = new int[mentors];
        for (int j = 0; j < mentors; j++) {
            capacity[j] = 1 + r.nextInt(maxCapacity);
        }
        int[] start = new int[mentees + 1];
        List<Integer> cols = new ArrayList<>();
        short[] scores = new short[mentees * mentors];
        for (int i = 0; i < mentees; i++) {
            start[i] = cols.size();
            for (int j = 0; j < mentors; j++) {
                if (r.nextInt(100) < density) {
                    scores[cols.size()] = (short) r.nextInt(maxScore + 1);
                    cols.add(j);
                }
            }
        }
        start[mentees] = cols.size();
        return new AssignmentSolver.Problem(mentees, mentors, capacity, start,
                cols.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(scores, cols.size()));
    }

    @Test
    void equalsExhaustiveSearchOnSmallProblems() {
        int differentFromGreedy = 0;
        for (long seed = 1; seed <= 3000; seed++) {
            Random r = new Random(seed);
            AssignmentSolver.Problem p = random(r, 6, 4, 2, 20 + r.nextInt(60), r.nextBoolean() ? 5 : 40);
            AssignmentSolver.Solution s = AssignmentSolver.solve(p);
            long[] best = ReferenceSolvers.exhaustive(p);
            assertThat(new long[] {s.matched(), s.score()}).as("seed %d", seed).containsExactly(best);
            assertThat(s.certified()).as("certificate, seed %d", seed).isTrue();
            assertValid(p, s);
            AssignmentSolver.Solution g = AssignmentSolver.greedy(p);
            if (g.matched() != s.matched() || g.score() != s.score()) {
                differentFromGreedy++;
            }
        }
        // The instances are not trivial: greedy misses the optimum on a good share of them.
        assertThat(differentFromGreedy).isGreaterThan(300);
    }

    @Test
    void equalsTextbookMinCostFlowOnLargerProblems() {
        for (long seed = 1; seed <= 200; seed++) {
            Random r = new Random(seed);
            AssignmentSolver.Problem p = random(r, 20 + r.nextInt(60), 5 + r.nextInt(30), 4, 5 + r.nextInt(40), 60);
            AssignmentSolver.Solution s = AssignmentSolver.solve(p);
            AssignmentSolver.Solution ref = ReferenceSolvers.bellmanFord(p);
            assertThat(new long[] {s.matched(), s.score()}).as("seed %d", seed)
                    .containsExactly(ref.matched(), ref.score());
            assertThat(s.certified()).isTrue();
            assertValid(p, s);
        }
    }

    @Test
    void pricingFromVeryFewCandidatesStillFindsTheOptimum() {
        // One candidate per mentee and per mentor place: the optimum needs many priced-in edges and rounds.
        for (long seed = 1; seed <= 1000; seed++) {
            Random r = new Random(seed);
            AssignmentSolver.Problem p = random(r, 6, 4, 2, 30 + r.nextInt(70), r.nextBoolean() ? 5 : 40);
            AssignmentSolver.Solution s = AssignmentSolver.solve(p, 1, 1);
            assertThat(new long[] {s.matched(), s.score()}).as("seed %d", seed)
                    .containsExactly(ReferenceSolvers.exhaustive(p));
            assertThat(s.certified()).as("certificate, seed %d", seed).isTrue();
            assertValid(p, s);
        }
    }

    @Test
    void equalsTextbookMinCostFlowOnDensePoolsWhereCandidatesArePriced() {
        // Degrees of 30–140 edges, above the first candidates, and capacity short or plentiful.
        for (long seed = 1; seed <= 40; seed++) {
            Random r = new Random(seed);
            AssignmentSolver.Problem p = random(r, 100 + r.nextInt(100), 20 + r.nextInt(60), 1 + r.nextInt(4),
                    40 + r.nextInt(50), r.nextBoolean() ? 8 : 60);
            AssignmentSolver.Solution ref = ReferenceSolvers.bellmanFord(p);
            for (int[] candidates : new int[][] {{AssignmentSolver.PER_MENTEE, AssignmentSolver.PER_PLACE}, {2, 1}}) {
                AssignmentSolver.Solution s = AssignmentSolver.solve(p, candidates[0], candidates[1]);
                assertThat(new long[] {s.matched(), s.score()}).as("seed %d", seed)
                        .containsExactly(ref.matched(), ref.score());
                assertThat(s.certified()).as("certificate, seed %d", seed).isTrue();
                assertValid(p, s);
            }
        }
    }

    @Test
    void aWrongAssignmentFailsTheCertificate() {
        // Mentee 0 fits mentors 0 (score 9) and 1 (score 1); mentee 1 fits only mentor 0.
        AssignmentSolver.Problem p = new AssignmentSolver.Problem(2, 2, new int[] {1, 1}, new int[] {0, 2, 3},
                new int[] {0, 1, 0}, new short[] {9, 1, 5});
        AssignmentSolver.Solution s = AssignmentSolver.solve(p);
        assertThat(s.matched()).isEqualTo(2);
        assertThat(s.mentorOf()).containsExactly(1, 0);
        assertThat(AssignmentSolver.greedy(p).matched()).isEqualTo(1);
        assertThat(AssignmentSolver.certify(p, new int[] {0, -1}, new int[] {0, -1}, new long[2], new long[2], 19))
                .isFalse();
    }

    private static void assertValid(AssignmentSolver.Problem p, AssignmentSolver.Solution s) {
        int[] load = new int[p.mentors()];
        long total = 0;
        for (int i = 0; i < p.mentees(); i++) {
            int e = s.edgeOf()[i];
            if (s.mentorOf()[i] >= 0) {
                assertThat(e).isBetween(p.start()[i], p.start()[i + 1] - 1);
                assertThat(p.col()[e]).isEqualTo(s.mentorOf()[i]);
                load[s.mentorOf()[i]]++;
                total += p.score()[e];
            }
        }
        for (int j = 0; j < p.mentors(); j++) {
            assertThat(load[j]).isLessThanOrEqualTo(p.capacity()[j]);
        }
        assertThat(total).isEqualTo(s.score());
    }
}
