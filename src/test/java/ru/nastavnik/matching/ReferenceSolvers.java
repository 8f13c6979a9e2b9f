package ru.nastavnik.matching;

import java.util.ArrayDeque;
import java.util.Arrays;

/** Slow but obviously exact methods the fast solver is checked against. */
final class ReferenceSolvers {

    private ReferenceSolvers() {
    }

    /** Every assignment tried: the best (matched count, then total score). Tiny problems only. */
    static long[] exhaustive(AssignmentSolver.Problem p) {
        long[] best = {-1, -1};
        search(p, 0, new int[p.mentors()], 0, 0, best);
        return best;
    }

    private static void search(AssignmentSolver.Problem p, int i, int[] load, int matched, long score, long[] best) {
        if (i == p.mentees()) {
            if (matched > best[0] || matched == best[0] && score > best[1]) {
                best[0] = matched;
                best[1] = score;
            }
            return;
        }
        search(p, i + 1, load, matched, score, best);
        for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
            int j = p.col()[e];
            if (load[j] < p.capacity()[j]) {
                load[j]++;
                search(p, i + 1, load, matched + 1, score + p.score()[e], best);
                load[j]--;
            }
        }
    }

    /**
     * Textbook min-cost flow: source → mentee → mentor → sink plus mentee → sink (unmatched), successive shortest
     * paths found by Bellman–Ford (queue-based) over the whole residual graph from the source, one unit at a time.
     */
    static AssignmentSolver.Solution bellmanFord(AssignmentSolver.Problem p) {
        int n = p.mentees();
        int m = p.mentors();
        int source = n + m;
        int sink = n + m + 1;
        int nodes = n + m + 2;
        int maxEdges = 2 * (n + p.col().length + m + n);
        int[] head = new int[nodes];
        Arrays.fill(head, -1);
        int[] to = new int[maxEdges];
        int[] next = new int[maxEdges];
        int[] cap = new int[maxEdges];
        long[] cost = new long[maxEdges];
        int[] count = {0};
        int maxScore = 0;
        for (int s : p.score()) {
            maxScore = Math.max(maxScore, s);
        }
        long big = (long) maxScore * Math.max(1, n) + 1;
        int[] pairEdge = new int[p.col().length];
        for (int i = 0; i < n; i++) {
            add(head, to, next, cap, cost, count, source, i, 1, 0);
            add(head, to, next, cap, cost, count, i, sink, 1, 0);
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                pairEdge[e] = count[0];
                add(head, to, next, cap, cost, count, i, n + p.col()[e], 1, -(big + p.score()[e]));
            }
        }
        for (int j = 0; j < m; j++) {
            add(head, to, next, cap, cost, count, n + j, sink, p.capacity()[j], 0);
        }
        long[] dist = new long[nodes];
        int[] via = new int[nodes];
        boolean[] queued = new boolean[nodes];
        for (int unit = 0; unit < n; unit++) {
            Arrays.fill(dist, Long.MAX_VALUE);
            dist[source] = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(source);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                queued[v] = false;
                for (int e = head[v]; e >= 0; e = next[e]) {
                    if (cap[e] > 0 && dist[v] + cost[e] < dist[to[e]]) {
                        dist[to[e]] = dist[v] + cost[e];
                        via[to[e]] = e;
                        if (!queued[to[e]]) {
                            queued[to[e]] = true;
                            queue.add(to[e]);
                        }
                    }
                }
            }
            for (int v = sink; v != source; v = to[via[v] ^ 1]) {
                cap[via[v]]--;
                cap[via[v] ^ 1]++;
            }
        }
        int[] mentorOf = new int[n];
        int[] edgeOf = new int[n];
        Arrays.fill(mentorOf, -1);
        Arrays.fill(edgeOf, -1);
        int matched = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                if (cap[pairEdge[e]] == 0) {
                    mentorOf[i] = p.col()[e];
                    edgeOf[i] = e;
                    matched++;
                    total += p.score()[e];
                }
            }
        }
        return new AssignmentSolver.Solution(mentorOf, edgeOf, matched, total, true);
    }

    private static void add(int[] head, int[] to, int[] next, int[] cap, long[] cost, int[] count, int from,
                            int target, int capacity, long c) {
        int e = count[0];
        to[e] = target;
        cap[e] = capacity;
        cost[e] = c;
        next[e] = head[from];
        head[from] = e;
        to[e + 1] = from;
        cap[e + 1] = 0;
        cost[e + 1] = -c;
        next[e + 1] = head[target];
        head[target] = e + 1;
        count[0] += 2;
    }
}
