package ru.nastavnik.pair;

import static ru.nastavnik.pair.MentorReplacementSteps.VAR_PAIR_SUMMARY;
import static ru.nastavnik.pair.MentorReplacementSteps.menteeId;
import static ru.nastavnik.pair.MentorReplacementSteps.pairId;
import static ru.nastavnik.pair.MentorReplacementSteps.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ValidationException;

/**
 * Task_RegisterReplacementRequest: checks the request (also when the curator starts it from Tasklist, where the refusal
 * shows on the start form), and sets the programme, its curator, the pair's summary for the forms and the
 * director's deadline.
 */
@Component("registerReplacementRequest")
class RegisterReplacementRequest implements JavaDelegate {
    private final MentorReplacement replacement;
    private final ProgrammeService programmes;

    RegisterReplacementRequest(MentorReplacement replacement, ProgrammeService programmes) {
        this.replacement = replacement;
        this.programmes = programmes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long pairId = pairId(execution);
        String requestedBy = string(execution, MentorReplacement.VAR_REQUESTED_BY.name());
        Long menteeId = menteeId(execution);
        String reason = string(execution, MentorReplacement.VAR_REASON.name());
        Pair pair;
        try {
            pair = replacement.check(pairId, requestedBy, menteeId, reason, execution.getProcessInstanceId());
        } catch (ApiException refused) {
            throw ValidationException.of(PairProcess.VAR_PAIR_ID.name(), refused);
        }
        PairProcess.VAR_PAIR_ID.set(execution, pairId);
        MentorReplacement.VAR_MENTEE_ID.set(execution, menteeId);
        ProgrammeProcess.VAR_PROGRAMME_ID.set(execution, pair.programmeId());
        TaskPeople.CURATOR_ID.set(execution, programmes.get(pair.programmeId()).curatorId());
        VAR_PAIR_SUMMARY.set(execution, replacement.summary(pair, requestedBy, menteeId, reason));
        execution.setVariables(replacement.decisionDeadline());
        execution.setProcessBusinessKey(MentorReplacement.businessKey(pair));
    }
}
