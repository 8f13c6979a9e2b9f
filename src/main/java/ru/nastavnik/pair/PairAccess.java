package ru.nastavnik.pair;

import java.util.List;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ApiException;

/**
 * Who may open one pair: the staff of the given groups, and the pair's own mentor (their Tasklist login) for that
 * pair only. One rule for the pair API and the pair's page, so that both refuse the same people.
 */
@Component
public class PairAccess {

    private final PairMeetings meetings;
    private final CurrentUser currentUser;

    PairAccess(PairMeetings meetings, CurrentUser currentUser) {
        this.meetings = meetings;
        this.currentUser = currentUser;
    }

    /** The pair, when the current user is staff or its mentor; else refused with the Russian reason. */
    public Pair requireStaffOrMentor(long programmeId, long pairId, List<String> staff, String refusal) {
        Pair pair = meetings.pairOf(programmeId, pairId);
        if (currentUser.inAnyGroup(staff) || isMentorOf(pair)) {
            return pair;
        }
        throw ApiException.forbidden(refusal);
    }

    public boolean isMentorOf(Pair pair) {
        return currentUser.id() != null && currentUser.id().equals(pair.mentorUserId());
    }
}
