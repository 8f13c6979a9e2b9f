package ru.nastavnik.feedback;

import static ru.nastavnik.feedback.SurveyCounts.VAR_SURVEY_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.StageSchedule;

/**
 * Task_SendSatisfactionSurvey: the deadline of item 6.8, the survey links to every participant of the pairs,
 * and the response counts the curator's task shows ({@code surveySummary}; kept current as answers
 * come in) with {@code feedbackUrl}, where staff read the answers.
 */
@Component("sendSatisfactionSurvey")
class SendSatisfactionSurvey implements JavaDelegate {
    private final StageSchedule schedule;
    private final FeedbackService feedback;

    SendSatisfactionSurvey(StageSchedule schedule, FeedbackService feedback) {
        this.schedule = schedule;
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        schedule.apply(execution);
        long programmeId = ProgrammeProcess.programmeId(execution);
        FeedbackService.Sent sent = feedback.sendSatisfactionSurvey(programmeId);
        FeedbackVariables.SURVEY_WITHOUT_ADDRESS.set(execution, (long) sent.withoutAddress());
        VAR_SURVEY_SUMMARY.set(execution, feedback.surveySummary(programmeId));
        FeedbackVariables.FEEDBACK_URL.set(execution, "/api/programmes/" + programmeId + "/feedback");
    }
}
