package ru.nastavnik.feedback;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.pair.PairWorkStage;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ProcessVariable;

/**
 * Each survey answer refreshes the counts on the programme's stage 6, while it runs: after the answer is
 * committed and in a transaction of its own, so that a clash on the process (two answers at once) costs at
 * most one refresh, never the answer.
 */
@Component
class SurveyCounts {

    /** The response counts Task_SatisfactionSurvey shows, kept current as answers come in. */
    static final ProcessVariable<String> VAR_SURVEY_SUMMARY = ProcessVariable.text("surveySummary");

    private static final Logger log = LoggerFactory.getLogger(SurveyCounts.class);

    private final RuntimeService runtime;
    private final FeedbackService feedback;
    private final SystemAuthentication system;
    private final TransactionTemplate newTransaction;

    SurveyCounts(RuntimeService runtime, FeedbackService feedback, SystemAuthentication system,
                 PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.feedback = feedback;
        this.system = system;
        this.newTransaction = new TransactionTemplate(transactions);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void submitted(FeedbackService.Submitted event) {
        if (event.kind() != FeedbackKind.SATISFACTION) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> {
                String summary = feedback.surveySummary(event.programmeId());
                system.run(() -> {
                    for (ProcessInstance stage : runtime.createProcessInstanceQuery().processDefinitionKey(PairWorkStage.PROCESS_ID)
                            .processInstanceBusinessKey(ProgrammeProcess.businessKey(event.programmeId())).list()) {
                        runtime.setVariable(stage.getId(), VAR_SURVEY_SUMMARY.name(), summary);
                    }
                });
            });
        } catch (RuntimeException e) {
            log.warn("Survey counts of programme {} not refreshed (the next answer will): {}",
                    event.programmeId(), e.toString());
        }
    }
}
