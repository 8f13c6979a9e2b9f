package ru.nastavnik.training;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;

/** Task_AppointMentors: candidates with consent, a passed interview and the training become mentors. */
@Component("appointMentors")
class AppointMentors implements JavaDelegate {
    private final MentorSelection selection;

    AppointMentors(MentorSelection selection) {
        this.selection = selection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Long> appointed = selection.appoint(ProgrammeProcess.programmeId(execution),
                MentorTrainingStage.TRAINING_ATTENDED.get(execution));
        MentorTrainingStage.APPOINTED_MENTORS.set(execution, (long) appointed.size());
    }
}
