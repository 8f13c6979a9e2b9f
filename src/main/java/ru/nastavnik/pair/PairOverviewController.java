package ru.nastavnik.pair;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.AuditLog;

/**
 * {@code /api/programmes/{id}/pairs}: every pair or group with its current step and missed meetings, for the
 * staff who may see participants; one pair with its plan and meetings also for its own mentor; moving an open
 * meeting to another day by the curator, deputy director, director or the pair's mentor.
 */
@RestController
class PairOverviewController {

    record MoveRequest(LocalDate plannedOn) {
    }

    private final PairMeetings meetings;
    private final PairAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    PairOverviewController(PairMeetings meetings, PairAccess access, CurrentUser currentUser, AuditLog audit) {
        this.meetings = meetings;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @GetMapping("/api/programmes/{id}/pairs")
    List<PairMeetings.PairSummary> list(@PathVariable long id) {
        currentUser.requireAnyGroup(Groups.SCHOOL_STAFF,
                "Пары видят куратор, заместитель директора, директор и координатор");
        List<PairMeetings.PairSummary> list = meetings.summaries(id);
        audit.record(currentUser.id(), "pairs.viewed", id, null, "pairs=" + list.size());
        return list;
    }

    @GetMapping("/api/programmes/{id}/pairs/{pairId}")
    PairMeetings.PairDetails get(@PathVariable long id, @PathVariable long pairId) {
        access.requireStaffOrMentor(id, pairId, Groups.SCHOOL_STAFF,
                "Пару видят куратор, заместитель директора, директор, координатор и её наставник");
        audit.record(currentUser.id(), "pair.viewed", id, pairId, null);
        return meetings.details(id, pairId);
    }

    @PatchMapping("/api/programmes/{id}/pairs/{pairId}/meetings/{meetingId}")
    PairMeetings.Meeting move(@PathVariable long id, @PathVariable long pairId, @PathVariable long meetingId,
                              @RequestBody MoveRequest request) {
        access.requireStaffOrMentor(id, pairId, Groups.PROGRAMME_LEADERS,
                "Переносят встречу наставник пары, куратор, заместитель директора или директор");
        return meetings.move(id, pairId, meetingId, request.plannedOn(), currentUser.id());
    }
}
