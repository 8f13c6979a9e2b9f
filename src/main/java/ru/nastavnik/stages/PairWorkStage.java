package ru.nastavnik.stages;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.feedback.FeedbackKind;
import ru.nastavnik.feedback.FeedbackService;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.security.SystemAuthentication;

/**
 * What the process steps of stage 6 share. The steps beside the roadmap items, each a bean of its own: wait for the
 * pairs to close or the date of their final meetings (item 6.6, {@link CheckOpenPairs}), escalate the pairs still
 * open then ({@link EscalateOpenPairs}), the group final meeting (6.7) and the satisfaction survey (6.8).
 */
final class PairWorkStage {

    static final String PROCESS_ID = "programme-stage-6-pair-work";
    /** Item 6.6, the pairs' final meetings: the stage waits for the pairs until the morning after its due date. */
    static final String PAIRS_END_ITEM = "6.6";
    static final String VAR_SURVEY_SUMMARY = "surveySummary";

    private PairWorkStage() {
    }

    /**
     * Each survey answer refreshes the counts on the programme's stage 6, while it runs: after the answer is
     * committed and in a transaction of its own, so that a clash on the process (two answers at once) costs at
     * most one refresh, never the answer.
     */
    @Component
    static class SurveyCounts {
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
                        for (ProcessInstance stage : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                                .processInstanceBusinessKey(ProgrammeProcess.businessKey(event.programmeId())).list()) {
                            runtime.setVariable(stage.getId(), VAR_SURVEY_SUMMARY, summary);
                        }
                    });
                });
            } catch (RuntimeException e) {
                log.warn("Survey counts of programme {} not refreshed (the next answer will): {}",
                        event.programmeId(), e.toString());
            }
        }
    }
}
