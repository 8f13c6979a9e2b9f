package ru.nastavnik.matching;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.StageSchedule;

/** Task_PrepareGroupMeeting: the meeting's deadline (deadlineItems) and the list of people to tick. */
@Component("prepareGroupMeeting")
class PrepareGroupMeeting implements JavaDelegate {
    private final StageSchedule schedule;
    private final PairsStage stage;

    PrepareGroupMeeting(StageSchedule schedule, PairsStage stage) {
        this.schedule = schedule;
        this.stage = stage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        schedule.apply(execution);
        List<Map<String, String>> options = stage.participantOptions(ProgrammeProcess.programmeId(execution));
        PairsStageSteps.GROUP_MEETING_OPTIONS.set(execution, options);
        PairsStageSteps.GROUP_MEETING_PEOPLE_TEXT.set(execution, options.isEmpty()
                ? "В программе пока нет наставников и наставляемых с согласием на обработку персональных данных."
                : "Отметьте пришедших на встречу.");
    }
}
