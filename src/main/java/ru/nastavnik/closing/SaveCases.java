package ru.nastavnik.closing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * Task_SaveCases (item 7.5): the curator's cases, one structured story (situation, what was done, result) per chosen
 * pair; the first is required, the second, when a pair is chosen for it (and «Один кейс» is not ticked), complete as well. All or nothing; closes 7.5.
 */
@Component("saveCases")
class SaveCases implements JavaDelegate {

    private final ClosingRecords records;
    private final RoadmapService roadmap;
    private final ClosingProcess process;
    private final CurrentUser currentUser;

    SaveCases(ClosingRecords records, RoadmapService roadmap, ClosingProcess process, CurrentUser currentUser) {
        this.records = records;
        this.roadmap = roadmap;
        this.process = process;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<FieldError> errors = new ArrayList<>();
        List<ClosingRecords.Case> cases = new ArrayList<>();
        Object options = execution.getVariable(ClosingForms.PAIR_OPTIONS.name());
        // A programme without pairs (none formed, or all ended early) has no case to tell.
        boolean anyPair = !ClosingForms.values(options).isEmpty();
        int count = Boolean.TRUE.equals(execution.getVariable(ClosingForms.SINGLE_CASE.name())) ? 1 : ClosingForms.CASES;
        for (int i = 1; i <= count; i++) {
            String prefix = "case" + i;
            Optional<Long> pair = ClosingForms.chosen(execution, prefix + "Pair", options, "Пара кейса " + i, errors);
            if (pair.isEmpty()) {
                if (i == 1 && anyPair && errors.isEmpty()) {
                    errors.add(new FieldError("case1Pair", "Выберите пару для первого кейса"));
                }
                continue;
            }
            if (cases.stream().anyMatch(c -> c.pairId() == pair.get())) {
                errors.add(new FieldError(prefix + "Pair", "Кейс этой пары уже описан выше"));
                continue;
            }
            cases.add(new ClosingRecords.Case(pair.get(), null,
                    ClosingForms.text(execution, prefix + "Situation", "Ситуация (кейс " + i + ")", 2000, errors),
                    ClosingForms.text(execution, prefix + "Actions", "Что делали (кейс " + i + ")", 2000, errors),
                    ClosingForms.text(execution, prefix + "Outcome", "Результат (кейс " + i + ")", 2000, errors)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String actor = ProgrammeProcess.actor(currentUser, execution);
        cases.forEach(c -> records.saveCase(programmeId, c, actor));
        roadmap.closeByWork(programmeId, ClosingProcess.CASES, "Оформлено кейсов: " + cases.size());
        execution.setVariable(ClosingForms.PUBLICATION_DOCX_URL.name(),
                ClosingProcess.apiBase(programmeId) + "/publication.docx");
        process.dateNextTask(execution, ClosingProcess.PUBLICATION);
    }
}
