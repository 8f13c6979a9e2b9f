package ru.nastavnik.closing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapService;

/**
 * Task_OpenClosingItems: the stage's own steps do items 7.1, 7.2 and 7.5–7.8, so those items are opened by the
 * stage itself (no checklist task beside the real one) and each step closes its item. The remaining items (7.3 and
 * 7.4, the monitoring) open as checklist items after this.
 */
@Component("openClosingItems")
class OpenClosingItems implements JavaDelegate {

    private final RoadmapService roadmap;

    OpenClosingItems(RoadmapService roadmap) {
        this.roadmap = roadmap;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        // An item opened already on its own date keeps its task; the step closes it all the same.
        ClosingProcess.OWN_ITEMS.forEach(code -> roadmap.activate(programmeId, code, execution.getProcessInstanceId()));
    }
}
