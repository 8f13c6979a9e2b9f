package ru.nastavnik.training;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.StageSchedule;
import ru.nastavnik.shared.InputText;

/** Task_PrepareTraining: the attendance list (candidates who passed) and the training's deadline. */
@Component("prepareTraining")
class PrepareTraining implements JavaDelegate {
    private final MentorSelection selection;
    private final StageSchedule schedule;

    PrepareTraining(MentorSelection selection, StageSchedule schedule) {
        this.selection = selection;
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        schedule.apply(execution);
        List<Map<String, String>> options = selection.attendanceOptions(ProgrammeProcess.programmeId(execution));
        MentorTrainingStage.TRAINING_OPTIONS.set(execution, options);
        MentorTrainingStage.TRAINING_CANDIDATES_TEXT.set(execution, options.isEmpty()
                ? "Никто из кандидатов не прошёл собеседование: отметить некого."
                : options.stream().map(o -> "- " + InputText.markdown(o.get("label"))).collect(Collectors.joining("\n")));
    }
}
