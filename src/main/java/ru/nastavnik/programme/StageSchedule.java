package ru.nastavnik.programme;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.shared.ProcessVariable;

/**
 * The deadline of a stage task: from the earliest start to the latest due date of the roadmap items named by the
 * local variable {@code deadlineItems} (e.g. «2.1,2.2»), set as the variables its due date and its reminder and
 * escalation timers read.
 */
@Component
public class StageSchedule {

    /** The stage task's local variable naming its roadmap items, e.g. «2.1,2.2». */
    public static final ProcessVariable<String> DEADLINE_ITEMS = ProcessVariable.text("deadlineItems");

    private final RoadmapService roadmap;
    private final Deadlines deadlines;

    StageSchedule(RoadmapService roadmap, Deadlines deadlines) {
        this.roadmap = roadmap;
        this.deadlines = deadlines;
    }

    /** Sets the task's deadline variables; returns the moment it is due. */
    public Date apply(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<RoadmapItem> items = Arrays.stream(DEADLINE_ITEMS.get(execution).split(","))
                .map(code -> roadmap.get(programmeId, code.trim())).toList();
        LocalDate start = items.stream().map(RoadmapItem::startDate).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate due = items.stream().map(RoadmapItem::dueDate).max(Comparator.naturalOrder()).orElseThrow();
        execution.setVariables(deadlines.variables(start, due));
        return deadlines.dueAt(due);
    }
}
