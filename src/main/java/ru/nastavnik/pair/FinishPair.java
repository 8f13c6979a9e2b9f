package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairMeetingSteps.actor;
import static ru.nastavnik.pair.PairMeetingSteps.pairId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.CurrentUser;

/** Task_FinishPair: the final meeting is held, the pair is finished and the programme's stage 6 is told. */
@Component("finishPair")
class FinishPair implements JavaDelegate {
    private final Pairs pairs;
    private final CurrentUser currentUser;

    FinishPair(Pairs pairs, CurrentUser currentUser) {
        this.pairs = pairs;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        pairs.close(pairId(execution), Pair.FINISHED, "Итоговая встреча проведена", actor(currentUser));
    }
}
