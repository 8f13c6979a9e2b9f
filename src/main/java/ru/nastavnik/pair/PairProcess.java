package ru.nastavnik.pair;

/** Names shared by the {@code mentorship-pair} process, its delegates and the processes that wait for pairs. */
public final class PairProcess {

    public static final String PROCESS_ID = "mentorship-pair";
    public static final String VAR_PAIR_ID = "pairId";
    public static final String VAR_MENTOR_USER_ID = "mentorUserId";
    /** Correlated to the programme's processes (stage 6 waits for it) when a pair finishes or ends. */
    public static final String MESSAGE_PAIR_CLOSED = "PairClosed";

    private PairProcess() {
    }

    public static String businessKey(long programmeId, long pairId) {
        return "programme-" + programmeId + "-pair-" + pairId;
    }
}
