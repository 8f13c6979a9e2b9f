package ru.nastavnik.pairorder;

import static ru.nastavnik.pairorder.PairOrderVariables.ORDER_ID;
import static ru.nastavnik.matching.PairsStageSteps.PROPOSAL;
import static ru.nastavnik.programme.ProgrammeProcess.actor;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.matching.MatchingProposal;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.StageSchedule;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.ProcessVariables;

/**
 * Task_DraftPairOrder: the draft order from the reviewed proposal, and what the director's form shows: the table
 * and links to the DOCX and PDF, relative to Tasklist's own server so that its session opens them wherever the
 * app is reached. Drafts the director returned stay as they
 * were, never approved: the trail of what was returned.
 */
@Component("draftPairOrder")
class DraftPairOrder implements JavaDelegate {
    private final StageSchedule schedule;
    private final PairOrders orders;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    DraftPairOrder(StageSchedule schedule, PairOrders orders, CurrentUser currentUser,
                   AuditLog audit) {
        this.schedule = schedule;
        this.orders = orders;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        String actor = actor(currentUser, execution);
        PairOrder order = orders.create(programmeId, (MatchingProposal) execution.getVariable(PROPOSAL.name()), null,
                actor);
        audit.record(actor, "order.created", programmeId, null, "order=" + order.id() + " pairs="
                + order.pairs().size());
        schedule.apply(execution);
        String base = "/api/programmes/" + programmeId + "/orders/" + order.id();
        ORDER_ID.set(execution, order.id());
        execution.setVariable(PairOrderVariables.PAIR_ORDER_TABLE.name(), ProcessVariables.longText(orderTable(order)));
        PairOrderVariables.PAIR_ORDER_DOCX_URL.set(execution, base + ".docx");
        PairOrderVariables.PAIR_ORDER_PDF_URL.set(execution, base + ".pdf");
        execution.removeVariables(List.of(PairOrderVariables.PAIR_ORDER_DECISION.name(),
                PairOrderVariables.ORDER_RETURN_COMMENT.name()));
    }

    /** The order's rows as the director's form shows them; names come from data, so each cell is escaped. */
    static String orderTable(PairOrder order) {
        StringBuilder md = new StringBuilder("| № | Наставник | Наставляемые | Форма | Вариант ролей |\n|---|---|---|---|---|\n");
        int n = 1;
        for (PairOrder.Pair p : order.pairs()) {
            md.append("| ").append(n++).append(" | ").append(InputText.markdown(p.mentorName())).append(" | ")
                    .append(InputText.markdown(p.mentees().stream().map(PairOrder.Person::name)
                            .collect(Collectors.joining(", "))))
                    .append(" | ").append(MentorshipForm.titleOf(p.form())).append(" | ")
                    .append(p.roleVariant() == null ? "—" : InputText.markdown(p.roleVariant())).append(" |\n");
        }
        return md.toString();
    }
}
