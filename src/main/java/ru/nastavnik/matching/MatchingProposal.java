package ru.nastavnik.matching;

import java.util.List;

/**
 * The engine's answer: one entry per mentor who got mentees (a pair, or a group of several), the mentees nobody
 * fits with the reason, and totals. Every score comes with the Russian reasons behind it.
 */
public record MatchingProposal(List<Group> groups, List<Unmatched> unmatched, Totals totals) {

    public record Group(String mentorId, String mentorName, String form, String kind, int capacity, int score,
                        List<Member> mentees) {
    }

    public record Member(String menteeId, String menteeName, int score, boolean pinned, List<String> reasons) {
    }

    public record Unmatched(String menteeId, String menteeName, String form, String reason) {
    }

    /**
     * @param optimal true when the solution was checked against its dual certificate (reduced costs of every
     *                residual edge non-negative), i.e. proven optimal
     */
    public record Totals(int mentees, int matched, int unmatched, int pairs, int groups, long score, boolean optimal,
                         long millis) {
    }
}
