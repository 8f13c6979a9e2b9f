package ru.nastavnik.pair;

import static ru.nastavnik.pair.MentorReplacementSteps.VAR_REFUSAL;
import static ru.nastavnik.pair.MentorReplacementSteps.menteeId;
import static ru.nastavnik.pair.MentorReplacementSteps.pairId;
import static ru.nastavnik.pair.MentorReplacementSteps.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyReplacementRefused: the requester learns why (the director's no, or no suitable mentor is free). */
@Component("notifyReplacementRefused")
class NotifyReplacementRefused implements JavaDelegate {
    private final MentorReplacement replacement;

    NotifyReplacementRefused(MentorReplacement replacement) {
        this.replacement = replacement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean directorSaidNo = MentorReplacementSteps.REPLACEMENT_DECISION.get(execution) != ReplacementDecision.APPROVE;
        String why = string(execution, VAR_REFUSAL.name());
        replacement.notifyRefused(pairId(execution), string(execution, MentorReplacement.VAR_REQUESTED_BY.name()),
                menteeId(execution), (directorSaidNo ? "решение директора" : "подходящего свободного наставника "
                        + "сейчас нет") + (why == null ? "" : ": " + why));
    }
}
