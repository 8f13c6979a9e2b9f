package ru.nastavnik.programme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.shared.ProcessVariable;

/**
 * Task_OpenRoadmapItemOnItsDate: an item whose start date comes before its stage's process can start (2.1 in
 * September, before stage 1's October items) opens on that date as a roadmap-item process of its own. When its
 * stage has opened it already, that process ends at once (see {@link ActivateRoadmapItem}); the stage leaves an item
 * opened here out ({@link RoadmapService#itemCodes}).
 */
@Component("openRoadmapItemOnItsDate")
class OpenRoadmapItemOnItsDate implements JavaDelegate {

    private final RuntimeService runtime;

    OpenRoadmapItemOnItsDate(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> variables = new HashMap<>();
        for (ProcessVariable<?> v : List.of(ProgrammeProcess.VAR_PROGRAMME_ID, TaskPeople.CURATOR_ID,
                ProgrammeProcess.VAR_ITEM_CODE)) {
            variables.put(v.name(), execution.getVariable(v.name()));
        }
        runtime.startProcessInstanceByKey(RoadmapItemProcess.PROCESS_ID, execution.getProcessBusinessKey(), variables);
    }
}
