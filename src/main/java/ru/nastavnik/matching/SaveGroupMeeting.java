package ru.nastavnik.matching;

import static ru.nastavnik.programme.ProgrammeProcess.actor;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.ProcessVariables;

/** Task_SaveGroupMeeting: stores the meeting the form reported (date and lengths checked by its rules). */
@Component("saveGroupMeeting")
class SaveGroupMeeting implements JavaDelegate {
    private final PairsStage stage;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    SaveGroupMeeting(PairsStage stage, CurrentUser currentUser, AuditLog audit) {
        this.stage = stage;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<String> attendees = PairsStageSteps.GROUP_MEETING_ATTENDEES.get(execution);
        String actor = actor(currentUser, execution);
        long meetingId = stage.recordGroupMeeting(programmeId,
                ProcessVariables.date(execution.getVariable(PairsStageSteps.GROUP_MEETING_DATE.name())).orElseThrow(),
                attendees, PairsStageSteps.GROUP_MEETING_COMMENT.get(execution), actor);
        PairsStageSteps.GROUP_MEETING_ID.set(execution, meetingId);
        audit.record(actor, "pairs.group-meeting", programmeId, meetingId, "attendees=" + attendees.size());
    }
}
