package ru.nastavnik.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.pair.PairProcess;
import ru.nastavnik.programme.ProgrammeProcess;

/**
 * The feedback step of a {@code mentorship-pair} process: each mentee of the pair (a minor's representative too)
 * gets a personal link to the mentee's questionnaire. Sets {@code feedbackLinksSent} and
 * {@code feedbackWithoutAddress} (mentees nobody could be written to) for the process.
 */
@Component("sendMenteeFeedbackLinks")
class SendMenteeFeedbackLinks implements JavaDelegate {

    private final FeedbackService feedback;

    SendMenteeFeedbackLinks(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long pairId = ((Number) execution.getVariable(PairProcess.VAR_PAIR_ID.name())).longValue();
        FeedbackService.Sent sent = feedback.sendMenteeLinks(ProgrammeProcess.programmeId(execution), pairId);
        FeedbackVariables.FEEDBACK_LINKS_SENT.set(execution, (long) sent.mailed());
        FeedbackVariables.FEEDBACK_WITHOUT_ADDRESS.set(execution, (long) sent.withoutAddress());
    }
}
