package ru.nastavnik.pair;

import static ru.nastavnik.pair.MentorReplacementSteps.VAR_DECIDED_BY;
import static ru.nastavnik.pair.MentorReplacementSteps.pairId;
import static ru.nastavnik.pair.MentorReplacementSteps.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ValidationException;

/**
 * Task_ReplaceMentor, right after the curator's pick (same transaction): a refused pick rolls the completion
 * back and shows on the form.
 */
@Component("replaceMentor")
class ReplaceMentor implements JavaDelegate {
    private final MentorReplacement replacement;
    private final CurrentUser currentUser;

    ReplaceMentor(MentorReplacement replacement, CurrentUser currentUser) {
        this.replacement = replacement;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String picked = string(execution, MentorReplacementSteps.NEW_MENTOR_ID.name());
        long mentorId;
        try {
            mentorId = Long.parseLong(picked);
        } catch (NumberFormatException e) {
            throw new ValidationException("newMentorId", "Выберите нового наставника из списка");
        }
        String curator = currentUser.id() != null ? currentUser.id()
                : string(execution, TaskPeople.CURATOR_ID.name());
        try {
            replacement.replace(pairId(execution), mentorId, curator, string(execution, VAR_DECIDED_BY.name()));
        } catch (ApiException refused) {
            throw ValidationException.of("newMentorId", refused);
        }
    }
}
