package ru.nastavnik.feedback;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.AuditLog;

/**
 * {@code GET /api/programmes/{id}/feedback}: the participants' answers with their names, and the counts per
 * questionnaire. Personal data, so only the staff who read the bases see it, and every read is logged.
 */
@RestController
class FeedbackController {

    private final FeedbackService feedback;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    FeedbackController(FeedbackService feedback, CurrentUser currentUser, AuditLog audit) {
        this.feedback = feedback;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @GetMapping("/api/programmes/{id}/feedback")
    FeedbackService.Report report(@PathVariable long id) {
        currentUser.requireAnyGroup(Groups.SCHOOL_STAFF,
                "Ответы участников видят куратор, заместитель директора, директор и координатор");
        FeedbackService.Report report = feedback.report(id);
        audit.record(currentUser.id(), "feedback.viewed", id, null, "answers=" + report.answers().size());
        return report;
    }
}
