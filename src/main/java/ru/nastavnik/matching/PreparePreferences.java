package ru.nastavnik.matching;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.StageSchedule;

/** Task_PreparePreferences: the questionnaires' deadline (deadlineItems) and the people the form offers. */
@Component("preparePreferences")
class PreparePreferences implements JavaDelegate {
    private final StageSchedule schedule;
    private final PairsStage stage;

    PreparePreferences(StageSchedule schedule, PairsStage stage) {
        this.schedule = schedule;
        this.stage = stage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        schedule.apply(execution);
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<Long> mentees = stage.mentees(programmeId);
        List<Long> mentors = stage.mentors(programmeId);
        execution.setVariable(PairsStageSteps.PREFERENCE_PARTICIPANT_OPTIONS.name(),
                stage.participantOptions(programmeId));
        PairsStageSteps.PREFERENCE_MENTOR_OPTIONS.set(execution, stage.options(programmeId, mentors,
                null));
        PairsStageSteps.PREFERENCE_MENTEE_OPTIONS.set(execution, stage.options(programmeId, mentees,
                null));
        execution.setVariable(PairsStageSteps.PREFERENCE_MENTEE_IDS.name(),
                mentees.stream().map(String::valueOf).toList());
        execution.setVariable(PairsStageSteps.PREFERENCE_MENTOR_IDS.name(),
                mentors.stream().map(String::valueOf).toList());
        PairsStageSteps.PREFERENCES_ENTERED_TEXT.set(execution, "Анкеты ещё не вносились.");
    }
}
