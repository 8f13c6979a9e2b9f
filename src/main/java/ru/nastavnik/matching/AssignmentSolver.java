package ru.nastavnik.matching;

import java.util.Arrays;

/**
 * The optimal assignment of one independent sub-problem (one form of mentorship): mentees to mentors with
 * capacities, over the feasible edges only, maximising first the number of matched mentees and then the total
 * score. Exact, never greedy.
 *
 * <p>It is a min-cost flow source → mentee → mentor → sink in which every mentee also has a private edge straight
 * to the sink ("stays unmatched", cost 0) and a real edge costs {@code -(B + score)} with
 * {@code B = maxScore · mentees + 1}, larger than any total score: so a minimum-cost flow that sends every mentee to
 * the sink matches as many mentees as possible and, among those, has the highest total score. It is solved by
 * successive shortest paths with Johnson potentials, one mentee at a time (the Hungarian / Jonker–Volgenant order
 * with row reduction): Dijkstra from the new mentee over the residual graph (mentee → other mentors, mentor → its
 * current mentees backwards, free mentor → sink, matched mentee → sink) stops as soon as no node is closer than the
 * sink, and only the settled nodes' potentials are moved. Most searches end at the mentee's best free mentor; a
 * search grows only where capacity is contested, and then it scans every edge of every mentee it settles.
 *
 * <p>So a dense pool (a municipality's «ученик – ученик» has 16 million allowed pairs, 2,000 per mentee) is solved
 * on candidate edges first — each mentee's {@value #PER_MENTEE} best and each mentor's {@value #PER_PLACE} best per
 * place — and then priced (column generation): the potentials give every mentee and mentor a dual value, and any
 * other edge whose reduced cost is negative could improve the assignment, so it joins the candidates (with those
 * within {@value #MARGIN} points of it, which the next solution would likely want too) and the candidates are solved
 * again. When no edge is left with a negative reduced cost, the duals prove the assignment optimal over all edges,
 * exactly as if the whole pool had been searched; that usually takes two rounds of about 1% of the edges.
 *
 * <p>Why exact: after each augmentation the potentials keep every residual edge's reduced cost non-negative, so the
 * flow is of minimum cost for its value (no negative cycle). {@link #certify} re-checks the final duals
 * independently over every edge of the whole problem — a certificate of optimality by linear-programming duality.
 */
final class AssignmentSolver {

    /**
     * Mentees 0..n-1, mentors 0..m-1 with their free capacity; the feasible edges of mentee i are
     * {@code start[i]..start[i+1]-1}, each a mentor {@code col[e]} and a score {@code 0 <= score[e] < MAX_SCORE}
     * (a short: a large pool has millions of edges).
     */
    record Problem(int mentees, int mentors, int[] capacity, int[] start, int[] col, short[] score) {
    }

    /** The mentor of each mentee (-1: unmatched), the edge used, the totals and whether the certificate held. */
    record Solution(int[] mentorOf, int[] edgeOf, int matched, long score, boolean certified) {
    }

    /** Scores and sizes the solver takes: below 2^15 points per pair, 2^24 mentees and edges per mentee. */
    static final int MAX_SCORE = 1 << 15;
    /** First candidates: each mentee's best edges, and each mentor's best edges per place of its capacity. */
    static final int PER_MENTEE = 10;
    static final int PER_PLACE = 20;
    /** Priced-out edges join the candidates with those whose reduced cost is below this many points. */
    static final int MARGIN = 3;
    private static final long INF = Long.MAX_VALUE / 4;

    private AssignmentSolver() {
    }

    static Solution solve(Problem p) {
        return solve(p, PER_MENTEE, PER_PLACE);
    }

    /** With other numbers of first candidates: the tests start from very few to exercise the pricing rounds. */
    static Solution solve(Problem p, int perMentee, int perPlace) {
        int maxScore = 0;
        for (int s : p.score) {
            maxScore = Math.max(maxScore, s);
        }
        long big = (long) maxScore * Math.max(1, p.mentees) + 1;
        long[] candidate = candidates(p, maxScore, perMentee, perPlace);
        while (true) {
            int[] original = members(candidate);
            Run run = new Run(restrict(p, original), big);
            run.assignAll();
            long[] menteeDual = new long[p.mentees];
            long[] mentorDual = new long[p.mentors];
            for (int i = 0; i < p.mentees; i++) {
                menteeDual[i] = Math.max(0, run.pot[i] - run.pot[run.sink]);
            }
            for (int j = 0; j < p.mentors; j++) {
                mentorDual[j] = Math.max(0, run.pot[run.sink] - run.pot[p.mentees + j]);
            }
            if (!price(p, candidate, menteeDual, mentorDual, big)) {
                int[] edgeOf = run.edgeOf;
                int matched = 0;
                long total = 0;
                for (int i = 0; i < p.mentees; i++) {
                    if (edgeOf[i] >= 0) {
                        edgeOf[i] = original[edgeOf[i]];
                        matched++;
                        total += p.score[edgeOf[i]];
                    }
                }
                return new Solution(run.mentorOf, edgeOf, matched, total,
                        certify(p, run.mentorOf, edgeOf, menteeDual, mentorDual, big));
            }
        }
    }

    /**
     * The first candidates as a bit set over the edges: each mentee's {@code perMentee} best and each mentor's
     * {@code perPlace × capacity} best by score (on a tie, the first ones). Scores are counted in at most 256
     * classes, so the counts stay small for any score range.
     */
    private static long[] candidates(Problem p, int maxScore, int perMentee, int perPlace) {
        int classes = Math.min(maxScore, 255) + 1;
        int[] classOf = new int[maxScore + 1];
        for (int s = 0; s <= maxScore; s++) {
            classOf[s] = (int) ((long) s * (classes - 1) / Math.max(1, maxScore));
        }
        int[] mentorCount = new int[p.mentors * classes];
        for (int e = 0; e < p.col.length; e++) {
            mentorCount[p.col[e] * classes + classOf[p.score[e]]]++;
        }
        int[] mentorBar = new int[p.mentors];
        int[] mentorRoom = new int[p.mentors];
        for (int j = 0; j < p.mentors; j++) {
            mentorBar[j] = bar(mentorCount, j * classes, classes, perPlace * Math.max(0, p.capacity[j]), mentorRoom, j);
        }
        long[] candidate = new long[(p.col.length + 63) >>> 6];
        int[] menteeCount = new int[classes];
        int[] menteeRoom = new int[1];
        for (int i = 0; i < p.mentees; i++) {
            Arrays.fill(menteeCount, 0);
            for (int e = p.start[i]; e < p.start[i + 1]; e++) {
                menteeCount[classOf[p.score[e]]]++;
            }
            int menteeBar = bar(menteeCount, 0, classes, perMentee, menteeRoom, 0);
            for (int e = p.start[i]; e < p.start[i + 1]; e++) {
                int c = classOf[p.score[e]];
                int j = p.col[e];
                boolean forMentee = c > menteeBar || c == menteeBar && menteeRoom[0]-- > 0;
                boolean forMentor = c > mentorBar[j] || c == mentorBar[j] && mentorRoom[j]-- > 0;
                if (forMentee || forMentor) {
                    candidate[e >>> 6] |= 1L << e;
                }
            }
        }
        return candidate;
    }

    /**
     * The lowest score class kept when the {@code want} best are kept out of the counts per class
     * {@code count[offset .. offset + classes)}; {@code room[at]} gets how many of that class are kept.
     */
    private static int bar(int[] count, int offset, int classes, int want, int[] room, int at) {
        int c = classes - 1;
        while (c > 0 && count[offset + c] < want) {
            want -= count[offset + c];
            c--;
        }
        room[at] = want;
        return c;
    }

    /** The indices of the set bits, ascending: the candidate edges by their number in the whole problem. */
    private static int[] members(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        int[] members = new int[count];
        int k = 0;
        for (int w = 0; w < bits.length; w++) {
            for (long word = bits[w]; word != 0; word &= word - 1) {
                members[k++] = w << 6 | Long.numberOfTrailingZeros(word);
            }
        }
        return members;
    }

    /** The problem over the given edges only (ascending): its edge k is the whole problem's edge {@code edges[k]}. */
    private static Problem restrict(Problem p, int[] edges) {
        int[] start = new int[p.mentees + 1];
        int[] col = new int[edges.length];
        short[] score = new short[edges.length];
        int k = 0;
        for (int i = 0; i < p.mentees; i++) {
            start[i] = k;
            for (; k < edges.length && edges[k] < p.start[i + 1]; k++) {
                col[k] = p.col[edges[k]];
                score[k] = p.score[edges[k]];
            }
        }
        start[p.mentees] = k;
        return new Problem(p.mentees, p.mentors, p.capacity, start, col, score);
    }

    /**
     * Pricing: adds to the candidates every other edge whose reduced cost {@code u + v - (B + score)} is below
     * {@link #MARGIN}; returns whether one of them was negative, i.e. whether the assignment may not be optimal yet.
     */
    private static boolean price(Problem p, long[] candidate, long[] menteeDual, long[] mentorDual, long big) {
        boolean negative = false;
        for (int i = 0; i < p.mentees; i++) {
            long u = menteeDual[i] - big;
            for (int e = p.start[i]; e < p.start[i + 1]; e++) {
                long reduced = u + mentorDual[p.col[e]] - p.score[e];
                if (reduced < MARGIN && (candidate[e >>> 6] & 1L << e) == 0) {
                    candidate[e >>> 6] |= 1L << e;
                    negative |= reduced < 0;
                }
            }
        }
        return negative;
    }

    /** The baseline the benchmark compares with: edges by descending score, taken while both sides are free. */
    static Solution greedy(Problem p) {
        int maxScore = 0;
        for (int s : p.score) {
            maxScore = Math.max(maxScore, s);
        }
        int[] count = new int[maxScore + 2];
        for (int s : p.score) {
            count[maxScore - s + 1]++;
        }
        for (int k = 1; k < count.length; k++) {
            count[k] += count[k - 1];
        }
        int[] order = new int[p.score.length];
        int[] owner = new int[p.score.length];
        for (int i = 0; i < p.mentees; i++) {
            for (int e = p.start[i]; e < p.start[i + 1]; e++) {
                owner[e] = i;
                order[count[maxScore - p.score[e]]++] = e;
            }
        }
        int[] load = new int[p.mentors];
        int[] mentorOf = new int[p.mentees];
        int[] edgeOf = new int[p.mentees];
        Arrays.fill(mentorOf, -1);
        Arrays.fill(edgeOf, -1);
        int matched = 0;
        long total = 0;
        for (int e : order) {
            int i = owner[e];
            int j = p.col[e];
            if (mentorOf[i] < 0 && load[j] < p.capacity[j]) {
                mentorOf[i] = j;
                edgeOf[i] = e;
                load[j]++;
                matched++;
                total += p.score[e];
            }
        }
        return new Solution(mentorOf, edgeOf, matched, total, false);
    }

    private static final class Run {
        final Problem p;
        final int n;
        final int m;
        final int sink;
        final long big;
        final long[] pot;
        final long[] dist;
        final int[] parent;
        final int[] parentEdge;
        final int[] mentorOf;
        final int[] edgeOf;
        final int[] slotStart;
        final int[] slots;
        final int[] load;
        final int[] slotOf;
        final Heap heap;
        final int[] touched;
        int touchedCount;
        final int[] settled;
        int settledCount;

        Run(Problem p, long big) {
            this.p = p;
            this.big = big;
            n = p.mentees;
            m = p.mentors;
            sink = n + m;
            pot = new long[n + m + 1];
            dist = new long[n + m + 1];
            Arrays.fill(dist, INF);
            parent = new int[n + m + 1];
            parentEdge = new int[n + m + 1];
            mentorOf = new int[n];
            edgeOf = new int[n];
            Arrays.fill(mentorOf, -1);
            Arrays.fill(edgeOf, -1);
            slotStart = new int[m + 1];
            for (int j = 0; j < m; j++) {
                slotStart[j + 1] = slotStart[j] + Math.max(0, p.capacity[j]);
            }
            slots = new int[slotStart[m]];
            load = new int[m];
            slotOf = new int[n];
            heap = new Heap(n + m + 1);
            touched = new int[n + m + 1];
            settled = new int[n + m + 1];
        }

        void assignAll() {
            for (int i : order()) {
                augment(i);
            }
        }

        /**
         * The mentees with edges, best first (highest best score, then fewer edges): later mentees then rarely
         * displace earlier ones, so the searches stay small. Any order gives the same optimum.
         */
        private int[] order() {
            int[] best = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                best[i] = -1;
                for (int e = p.start[i]; e < p.start[i + 1]; e++) {
                    best[i] = Math.max(best[i], p.score[e]);
                }
                if (best[i] >= 0) {
                    count++;
                }
            }
            long[] keys = new long[count];
            count = 0;
            for (int i = 0; i < n; i++) {
                if (best[i] >= 0) {
                    long degree = p.start[i + 1] - p.start[i];
                    keys[count++] = (((long) (MAX_SCORE - best[i]) << 24 | degree) << 24) | i;
                }
            }
            Arrays.sort(keys);
            int[] order = new int[count];
            for (int k = 0; k < count; k++) {
                order[k] = (int) (keys[k] & 0xFFFFFF);
            }
            return order;
        }

        private void augment(int src) {
            // Row reduction: make the new mentee's edges' reduced costs non-negative, the best one zero.
            long best = pot[sink];
            for (int e = p.start[src]; e < p.start[src + 1]; e++) {
                best = Math.max(best, pot[n + p.col[e]] + big + p.score[e]);
            }
            pot[src] = best;
            // A free mentor on a zero reduced-cost edge whose edge to the sink costs zero too: a path of length 0,
            // the shortest possible, and no potential moves. Most mentees end here while capacity is plentiful.
            for (int e = p.start[src]; e < p.start[src + 1]; e++) {
                int j = p.col[e];
                if (load[j] < p.capacity[j] && pot[n + j] == pot[sink] && best == pot[n + j] + big + p.score[e]) {
                    int slot = slotStart[j] + load[j]++;
                    mentorOf[src] = j;
                    edgeOf[src] = e;
                    slots[slot] = src;
                    slotOf[src] = slot;
                    return;
                }
            }
            touchedCount = 0;
            settledCount = 0;
            reach(src, 0, -1);
            scan(src, 0);
            // The sink stays out of the heap: the search stops as soon as no node is closer than it, so on a tie
            // (frequent with small integer scores) it does not settle the whole plateau of equally distant nodes.
            // Only mentors enter the heap: a mentee is reached only from its own mentor, over a used edge whose
            // reduced cost is zero, so it is exactly as far as the mentor and is settled right after it.
            while (!heap.isEmpty() && heap.minKey() < dist[sink]) {
                int v = heap.pop();
                settled[settledCount++] = v;
                long dv = dist[v];
                int j = v - n;
                if (load[j] < p.capacity[j]) {
                    relax(sink, dv + pot[v] - pot[sink], v, -1);
                }
                for (int s = slotStart[j], end = slotStart[j] + load[j]; s < end && dv < dist[sink]; s++) {
                    int k = slots[s];
                    reach(k, dv, v);
                    scan(k, dv);
                }
            }
            long found = dist[sink];
            heap.clear();
            for (int s = 0; s < settledCount; s++) {
                int v = settled[s];
                pot[v] += dist[v] - found;
            }
            // Walk the path back from the sink: each mentor on it takes the mentee before it, in the slot the
            // mentee after it vacated (or a new slot when the path ends at the mentor's free capacity).
            int freedSlot = -1;
            int v = parent[sink];
            if (v < n) {
                if (mentorOf[v] >= 0) {
                    freedSlot = slotOf[v];
                    mentorOf[v] = -1;
                    edgeOf[v] = -1;
                }
                v = parent[v];
            }
            while (v >= 0) {
                int j = v - n;
                int u = parent[v];
                int slot = freedSlot >= 0 ? freedSlot : slotStart[j] + load[j]++;
                freedSlot = mentorOf[u] >= 0 ? slotOf[u] : -1;
                mentorOf[u] = j;
                edgeOf[u] = parentEdge[v];
                slots[slot] = u;
                slotOf[u] = slot;
                v = parent[u];
            }
            for (int t = 0; t < touchedCount; t++) {
                dist[touched[t]] = INF;
            }
        }

        /** Settles a mentee at distance {@code dv}: relaxes its edges to other mentors and its edge to the sink. */
        private void scan(int v, long dv) {
            settled[settledCount++] = v;
            long pv = pot[v];
            int own = mentorOf[v];
            for (int e = p.start[v]; e < p.start[v + 1]; e++) {
                int j = p.col[e];
                if (j != own) {
                    relax(n + j, dv + pv - big - p.score[e] - pot[n + j], v, e);
                }
            }
            relax(sink, dv + pv - pot[sink], v, -1);
        }

        /** A mentee at its final distance: the search's source, or reached from its own mentor. */
        private void reach(int v, long d, int from) {
            touched[touchedCount++] = v;
            dist[v] = d;
            parent[v] = from;
        }

        private void relax(int v, long d, int from, int edge) {
            if (d < dist[v]) {
                if (dist[v] == INF) {
                    touched[touchedCount++] = v;
                }
                dist[v] = d;
                parent[v] = from;
                parentEdge[v] = edge;
                if (v != sink) {
                    heap.push(v, d);
                }
            }
        }
    }

    /**
     * The dual certificate of the linear programme "maximise the sum of {@code B + score} over the chosen edges":
     * non-negative duals {@code u} per mentee and {@code v} per mentor with {@code u + v >= B + score} on every edge,
     * equality on the chosen ones, {@code u = 0} for an unmatched mentee and {@code v = 0} for a mentor with a free
     * place. Then the assignment's weight equals the duals' bound {@code Σu + Σ capacity·v}, which no other
     * assignment can exceed. Also checks the capacities and that every chosen edge is the mentee's own.
     */
    static boolean certify(Problem p, int[] mentorOf, int[] edgeOf, long[] menteeDual, long[] mentorDual, long big) {
        int n = p.mentees;
        int[] load = new int[p.mentors];
        for (int i = 0; i < n; i++) {
            long u = menteeDual[i];
            if (u < 0) {
                return false;
            }
            if (mentorOf[i] >= 0) {
                int e = edgeOf[i];
                if (e < p.start[i] || e >= p.start[i + 1] || p.col[e] != mentorOf[i]
                        || u + mentorDual[mentorOf[i]] != big + p.score[e]) {
                    return false;
                }
                load[mentorOf[i]]++;
            } else if (u != 0) {
                return false;
            }
            for (int e = p.start[i]; e < p.start[i + 1]; e++) {
                if (u + mentorDual[p.col[e]] < big + p.score[e]) {
                    return false;
                }
            }
        }
        for (int j = 0; j < p.mentors; j++) {
            if (load[j] > p.capacity[j] || mentorDual[j] < 0 || load[j] < p.capacity[j] && mentorDual[j] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A binary min-heap of node ids keyed by distance, with decrease-key. */
    private static final class Heap {
        private final int[] nodes;
        private final long[] keys;
        private final int[] index;
        private int size;

        Heap(int capacity) {
            nodes = new int[capacity];
            keys = new long[capacity];
            index = new int[capacity];
            Arrays.fill(index, -1);
        }

        boolean isEmpty() {
            return size == 0;
        }

        long minKey() {
            return keys[0];
        }

        void push(int v, long key) {
            int at = index[v];
            if (at < 0) {
                at = size++;
                nodes[at] = v;
                index[v] = at;
            }
            keys[at] = key;
            up(at);
        }

        int pop() {
            int top = nodes[0];
            index[top] = -1;
            size--;
            if (size > 0) {
                nodes[0] = nodes[size];
                keys[0] = keys[size];
                index[nodes[0]] = 0;
                down(0);
            }
            return top;
        }

        void clear() {
            for (int k = 0; k < size; k++) {
                index[nodes[k]] = -1;
            }
            size = 0;
        }

        private void up(int at) {
            int v = nodes[at];
            long key = keys[at];
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                nodes[at] = nodes[parent];
                keys[at] = keys[parent];
                index[nodes[at]] = at;
                at = parent;
            }
            nodes[at] = v;
            keys[at] = key;
            index[v] = at;
        }

        private void down(int at) {
            int v = nodes[at];
            long key = keys[at];
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                nodes[at] = nodes[child];
                keys[at] = keys[child];
                index[nodes[at]] = at;
                at = child;
            }
            nodes[at] = v;
            keys[at] = key;
            index[v] = at;
        }
    }
}
