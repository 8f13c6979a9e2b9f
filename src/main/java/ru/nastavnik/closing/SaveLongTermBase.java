package ru.nastavnik.closing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * Task_SaveLongTermBase (item 7.8): the long-term base as the curator ticked it: mentors who continue and mentees
 * who finished and want to mentor; next year's programme starts from it. Closes 7.8.
 */
@Component("saveLongTermBase")
class SaveLongTermBase implements JavaDelegate {

    private final ClosingRecords records;
    private final RoadmapService roadmap;
    private final CurrentUser currentUser;

    SaveLongTermBase(ClosingRecords records, RoadmapService roadmap, CurrentUser currentUser) {
        this.records = records;
        this.roadmap = roadmap;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<FieldError> errors = new ArrayList<>();
        List<Long> mentors = ticked(execution, ClosingForms.CONTINUING_MENTORS.name(), ClosingForms.BASE_MENTOR_OPTIONS.name(), errors);
        List<Long> candidates = ticked(execution, ClosingForms.NEW_MENTOR_CANDIDATES.name(),
                ClosingForms.BASE_CANDIDATE_OPTIONS.name(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        records.saveLongTermBase(programmeId, mentors, candidates, ProgrammeProcess.actor(currentUser, execution));
        roadmap.closeByWork(programmeId, ClosingProcess.LONG_TERM_BASE, "Долгосрочная база: наставников "
                + mentors.size() + ", наставляемых, готовых стать наставниками, " + candidates.size());
    }

    private static List<Long> ticked(DelegateExecution execution, String field, String optionsVariable,
                                     List<FieldError> errors) {
        List<String> offered = ClosingForms.values(execution.getVariable(optionsVariable));
        List<String> values = ProcessVariables.stringList(execution.getVariable(field));
        if (!offered.containsAll(values)) {
            errors.add(new FieldError(field, "Отмечен человек, которого нет в списке"));
            return List.of();
        }
        return values.stream().map(Long::parseLong).distinct().toList();
    }
}
