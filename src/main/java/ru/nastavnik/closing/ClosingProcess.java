package ru.nastavnik.closing;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;

/**
 * Stage 7 (programme-stage-7-closing): the roadmap items its own steps do, and the dates of each step's task,
 * which come from the item the step does, as the other stages take theirs.
 */
@Component
class ClosingProcess {

    static final String PROCESS_ID = "programme-stage-7-closing";
    static final String INVITATIONS = "7.1";
    static final String CEREMONY = "7.2";
    static final String CASES = "7.5";
    static final String PUBLICATION = "7.6";
    static final String RESULTS = "7.7";
    static final String LONG_TERM_BASE = "7.8";
    /** The items the stage's steps do; 7.3 and 7.4 (monitoring) stay checklist items closed by their work. */
    static final List<String> OWN_ITEMS = List.of(INVITATIONS, CEREMONY, CASES, PUBLICATION, RESULTS, LONG_TERM_BASE);

    private final RoadmapService roadmap;
    private final Deadlines deadlines;
    private final Nominations nominations;

    ClosingProcess(RoadmapService roadmap, Deadlines deadlines, Nominations nominations) {
        this.roadmap = roadmap;
        this.deadlines = deadlines;
        this.nominations = nominations;
    }

    List<Nominations.Award> awards(long programmeId) {
        return nominations.awards(programmeId);
    }

    /** Dates the next user task by the roadmap item it does: due date, follow-up, reminder and escalation. */
    void dateNextTask(DelegateExecution execution, String itemCode) {
        RoadmapItem item = roadmap.get(ProgrammeProcess.programmeId(execution), itemCode);
        Map<String, Object> vars = deadlines.variables(item.startDate(), item.dueDate());
        execution.setVariables(vars);
    }

    static String apiBase(long programmeId) {
        return "/api/programmes/" + programmeId + "/closing";
    }
}
