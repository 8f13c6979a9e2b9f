package ru.nastavnik.pair;

import ru.nastavnik.shared.ProcessModel;

/** What Java relies on in bpmn/mentorship-pair.bpmn, and the names its delegates share. */
@ProcessModel
public final class PairProcess {

    public static final String PROCESS_ID = "mentorship-pair";
    public static final String VAR_PAIR_ID = "pairId";
    public static final String VAR_MENTOR_USER_ID = "mentorUserId";

    private PairProcess() {
    }

    public static String businessKey(long programmeId, long pairId) {
        return "programme-" + programmeId + "-pair-" + pairId;
    }
}
