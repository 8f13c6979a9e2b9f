package ru.nastavnik.programme;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.InputText;

/**
 * Task_ActivateRoadmapItem: opens one roadmap item as a task for its responsible group, with its due date and
 * the dates of its reminder and escalation, unless another process opened the item already or its work is done. The programme's curator runs the programme day to day, so the
 * curator may also take any item that is not the director's.
 */
@Component("activateRoadmapItem")
class ActivateRoadmapItem implements JavaDelegate {

    /** Camunda keeps task names up to 255 characters; the full title is shown in the form. */
    private static final int TASK_NAME_MAX = 250;

    private final RoadmapService roadmap;
    private final Deadlines deadlines;

    ActivateRoadmapItem(RoadmapService roadmap, Deadlines deadlines) {
        this.roadmap = roadmap;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        String code = (String) execution.getVariable(ProgrammeProcess.VAR_ITEM_CODE.name());
        Optional<RoadmapItem> opened = roadmap.activate(programmeId, code, execution.getProcessInstanceId());
        // Opened by its stage and on its own date at once, or its work was done before it opened: no task.
        boolean taskNeeded = opened.isPresent() && opened.get().completedAt() == null;
        RoadmapItemProcess.ITEM_TASK_NEEDED.set(execution, taskNeeded);
        if (!taskNeeded) {
            return;
        }
        RoadmapItem item = opened.get();
        String curator = (String) execution.getVariable(TaskPeople.CURATOR_ID.name());

        RoadmapItemProcess.ITEM_TITLE.set(execution, item.title());
        String taskName = RoadmapService.shorten(code + " " + item.title(), TASK_NAME_MAX);
        RoadmapItemProcess.ITEM_TASK_NAME.set(execution, taskName);
        // The form's heading is markdown, and the title is whatever the curator typed.
        RoadmapItemProcess.ITEM_HEADING.set(execution, InputText.markdown(taskName));
        RoadmapItemProcess.ITEM_GROUP.set(execution, item.responsibleGroup());
        execution.setVariable(RoadmapItemProcess.ITEM_CANDIDATE_USERS.name(),
                Groups.DIRECTOR.equals(item.responsibleGroup()) || curator == null ? List.of() : List.of(curator));
        execution.setVariables(deadlines.variables(item.startDate(), item.dueDate()));
    }
}
