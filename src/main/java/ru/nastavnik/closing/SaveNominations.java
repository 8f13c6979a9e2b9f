package ru.nastavnik.closing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * Task_SaveNominations: the curator's choice of each nomination (or none) with its reason, checked against the
 * pairs offered; all or nothing. Prepares the table the director confirms.
 */
@Component("saveNominations")
class SaveNominations implements JavaDelegate {

    private final Nominations nominations;

    SaveNominations(Nominations nominations) {
        this.nominations = nominations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<FieldError> errors = new ArrayList<>();
        List<Runnable> saves = new ArrayList<>();
        for (Nomination n : Nomination.values()) {
            Object options = execution.getVariable(n.ofPair() ? ClosingForms.PAIR_OPTIONS.name() : ClosingForms.MENTOR_OPTIONS.name());
            Optional<Long> pair = ClosingForms.chosen(execution, n.field(), options, n.title(), errors);
            String reason = pair.isEmpty() ? null
                    : ClosingForms.text(execution, n.reasonField(), "За что: " + n.title(), 1000, errors);
            saves.add(() -> nominations.choose(programmeId, n, pair.orElse(null), reason));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        saves.forEach(Runnable::run);
        StringBuilder md = new StringBuilder("| Номинация | Кому | За что |\n|---|---|---|\n");
        List<Nominations.Award> awards = nominations.awards(programmeId);
        awards.forEach(a -> md.append("| ").append(a.nomination().title()).append(" | ")
                .append(InputText.markdown(a.name())).append(" | ").append(InputText.markdown(a.reason())).append(" |\n"));
        execution.setVariable(ClosingForms.NOMINATIONS_TABLE.name(), ProcessVariables.longText(awards.isEmpty()
                ? "Куратор не выбрал ни одной номинации." : md.toString()));
        execution.removeVariables(List.of(ClosingForms.NOMINATIONS_DECISION.name(), ClosingForms.NOMINATIONS_RETURN_COMMENT.name()));
    }
}
