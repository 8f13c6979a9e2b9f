package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairWorkStage.PAIRS_END_ITEM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;

/**
 * Task_CheckOpenPairs: {@code openPairs}, the programme's pairs still working, and {@code pairsEndAt}, when the
 * stage stops waiting for them (read afresh on every check, so a moved roadmap date counts).
 */
@Component("checkOpenPairs")
class CheckOpenPairs implements JavaDelegate {
    private final Pairs pairs;
    private final RoadmapService roadmap;
    private final Deadlines deadlines;

    CheckOpenPairs(Pairs pairs, RoadmapService roadmap, Deadlines deadlines) {
        this.pairs = pairs;
        this.roadmap = roadmap;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        RoadmapItem finalMeetings = roadmap.get(programmeId, PAIRS_END_ITEM);
        PairWorkStage.OPEN_PAIRS.set(execution, pairs.openCount(programmeId));
        execution.setVariable(PairWorkStage.PAIRS_END_AT.name(), deadlines.variables(finalMeetings.startDate(),
                finalMeetings.dueDate())
                .get(Deadlines.VAR_ESCALATION_AT.name()));
    }
}
