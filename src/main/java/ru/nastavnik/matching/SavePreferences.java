package ru.nastavnik.matching;

import static ru.nastavnik.matching.PairsStageSteps.QUESTIONNAIRE;
import static ru.nastavnik.programme.ProgrammeProcess.actor;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.ValidationException;

/**
 * Task_SavePreferences: stores the questionnaire of the participant chosen in the form, if any, through
 * MatchingPreferences: a mentee's lists name mentors, a mentor's lists name mentees.
 */
@Component("savePreferences")
class SavePreferences implements JavaDelegate {
    private final PairsStage stage;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    SavePreferences(PairsStage stage, CurrentUser currentUser, AuditLog audit) {
        this.stage = stage;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        String person = PairsStageSteps.PREFERENCES_PERSON.get(execution);
        if (person != null) {
            boolean mentee = stage.mentees(programmeId).stream().anyMatch(id -> person.equals(String.valueOf(id)));
            List<String> preferred = (mentee ? PairsStageSteps.WISHED_MENTORS : PairsStageSteps.WISHED_MENTEES).get(execution);
            List<String> avoid = (mentee ? PairsStageSteps.AVOID_MENTORS : PairsStageSteps.AVOID_MENTEES).get(execution);
            long personId;
            try {
                personId = Long.parseLong(person);
            } catch (NumberFormatException e) {
                throw new ValidationException("preferencesPerson", "Выберите участника из списка");
            }
            String name = stage.saveWishes(programmeId, personId, preferred, avoid);
            audit.record(actor(currentUser, execution), "matching.preferences-set", programmeId, personId,
                    "preferred=" + preferred.size() + " avoid=" + avoid.size());
            String entered = PairsStageSteps.PREFERENCES_ENTERED_LIST.get(execution);
            entered = (entered == null ? "" : entered + ", ") + name;
            PairsStageSteps.PREFERENCES_ENTERED_LIST.set(execution, entered);
            execution.setVariable(PairsStageSteps.PREFERENCES_ENTERED_TEXT.name(),
                    "**Внесены анкеты:** " + InputText.markdown(entered));
        } else if (PairsStageSteps.PREFERENCES_DECISION.get(execution) == PreferencesDecision.MORE) {
            throw new ValidationException("preferencesPerson", "Выберите участника, чью анкету вносите");
        }
        execution.removeVariables(QUESTIONNAIRE);
    }
}
