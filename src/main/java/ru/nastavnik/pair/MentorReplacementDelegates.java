package ru.nastavnik.pair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.InputText;

/** The steps of the {@value MentorReplacement#PROCESS_ID} process; the rules live in {@link MentorReplacement}. */
final class MentorReplacementDelegates {

    static final String VAR_PAIR_SUMMARY = "pairSummary";
    static final String VAR_DECIDED_BY = "replacementDecidedBy";
    static final String VAR_REFUSAL = "refusalReason";

    private MentorReplacementDelegates() {
    }

    private static long pairId(DelegateExecution execution) {
        Object value = ProcessVariables.plain(execution.getVariable(PairProcess.VAR_PAIR_ID));
        if (!(value instanceof Number n) || n.doubleValue() != n.longValue()) {
            throw new ValidationException(PairProcess.VAR_PAIR_ID, "Укажите номер пары (группы)");
        }
        return n.longValue();
    }

    private static Long menteeId(DelegateExecution execution) {
        Object value = ProcessVariables.plain(execution.getVariable(MentorReplacement.VAR_MENTEE_ID));
        return value instanceof Number n ? n.longValue() : null;
    }

    private static String string(DelegateExecution execution, String name) {
        return ProcessVariables.string(execution.getVariable(name));
    }

    /**
     * Task_RegisterRequest: checks the request (also when the curator starts it from Tasklist, where the refusal
     * shows on the start form), and sets the programme, its curator, the pair's summary for the forms and the
     * director's deadline.
     */
    @Component("registerReplacementRequest")
    static class Register implements JavaDelegate {
        private final MentorReplacement replacement;
        private final ProgrammeService programmes;

        Register(MentorReplacement replacement, ProgrammeService programmes) {
            this.replacement = replacement;
            this.programmes = programmes;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long pairId = pairId(execution);
            String requestedBy = string(execution, MentorReplacement.VAR_REQUESTED_BY);
            Long menteeId = menteeId(execution);
            String reason = string(execution, MentorReplacement.VAR_REASON);
            Pair pair;
            try {
                pair = replacement.check(pairId, requestedBy, menteeId, reason, execution.getProcessInstanceId());
            } catch (ApiException refused) {
                throw ValidationException.of(PairProcess.VAR_PAIR_ID, refused);
            }
            execution.setVariable(PairProcess.VAR_PAIR_ID, pairId);
            execution.setVariable(MentorReplacement.VAR_MENTEE_ID, menteeId);
            execution.setVariable(ProgrammeProcess.VAR_PROGRAMME_ID, pair.programmeId());
            execution.setVariable(ProgrammeProcess.VAR_CURATOR_ID, programmes.get(pair.programmeId()).curatorId());
            execution.setVariable(VAR_PAIR_SUMMARY, replacement.summary(pair, requestedBy, menteeId, reason));
            execution.setVariables(replacement.decisionDeadline());
            execution.setProcessBusinessKey(MentorReplacement.businessKey(pair));
        }
    }

    /** Task_DecideMentorReplacement, on completion: who decided (the new order is approved in their name). */
    @Component("recordReplacementDecision")
    static class RecordDecision implements TaskListener {
        private final CurrentUser currentUser;

        RecordDecision(CurrentUser currentUser) {
            this.currentUser = currentUser;
        }

        @Override
        public void notify(DelegateTask task) {
            String user = currentUser.id() != null ? currentUser.id() : task.getAssignee();
            task.getExecution().setVariable(VAR_DECIDED_BY, user);
        }
    }

    /**
     * Task_SuggestMentors: the engine's candidates as the curator's select and a table with the reasons, and the
     * curator's deadline (the same deadline variables as the director's task had: one task at a time).
     */
    @Component("suggestNewMentors")
    static class Suggest implements JavaDelegate {
        private final MentorReplacement replacement;
        private final Pairs pairs;

        Suggest(MentorReplacement replacement, Pairs pairs) {
            this.replacement = replacement;
            this.pairs = pairs;
        }

        @Override
        public void execute(DelegateExecution execution) {
            List<MentorReplacement.Candidate> candidates = replacement.candidates(pairs.get(pairId(execution)));
            List<Map<String, String>> options = new ArrayList<>();
            StringBuilder table = new StringBuilder("| Наставник | Балл | Свободных мест | Почему подходит |\n"
                    + "|---|---|---|---|\n");
            for (MentorReplacement.Candidate c : candidates) {
                options.add(Map.of("label", c.name() + " — " + c.score() + " б.", "value",
                        String.valueOf(c.personId())));
                table.append("| ").append(InputText.markdown(c.name())).append(" | ").append(c.score()).append(" | ")
                        .append(c.freeSeats()).append(" | ")
                        .append(c.reasons().isEmpty() ? "подходит по обязательным правилам"
                                : InputText.markdown(String.join("; ", c.reasons())))
                        .append(" |\n");
            }
            if (candidates.isEmpty()) {
                table.append("| Свободных подходящих наставников нет | — | — | выберите «Подходящего наставника нет» |\n");
            }
            execution.setVariables(replacement.pickDeadline());
            execution.setVariable("mentorOptions", options);
            execution.setVariable("mentorCandidatesText", table.toString());
        }
    }

    /**
     * Task_ReplaceMentor, right after the curator's pick (same transaction): a refused pick rolls the completion
     * back and shows on the form.
     */
    @Component("replaceMentor")
    static class Replace implements JavaDelegate {
        private final MentorReplacement replacement;
        private final CurrentUser currentUser;

        Replace(MentorReplacement replacement, CurrentUser currentUser) {
            this.replacement = replacement;
            this.currentUser = currentUser;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String picked = string(execution, "newMentorId");
            long mentorId;
            try {
                mentorId = Long.parseLong(picked);
            } catch (NumberFormatException e) {
                throw new ValidationException("newMentorId", "Выберите нового наставника из списка");
            }
            String curator = currentUser.id() != null ? currentUser.id()
                    : string(execution, ProgrammeProcess.VAR_CURATOR_ID);
            try {
                replacement.replace(pairId(execution), mentorId, curator, string(execution, VAR_DECIDED_BY));
            } catch (ApiException refused) {
                throw ValidationException.of("newMentorId", refused);
            }
        }
    }

    /** Task_NotifyRefusal: the requester learns why (the director's no, or no suitable mentor is free). */
    @Component("notifyReplacementRefused")
    static class NotifyRefused implements JavaDelegate {
        private final MentorReplacement replacement;

        NotifyRefused(MentorReplacement replacement) {
            this.replacement = replacement;
        }

        @Override
        public void execute(DelegateExecution execution) {
            boolean directorSaidNo = !"approve".equals(string(execution, "replacementDecision"));
            String why = string(execution, VAR_REFUSAL);
            replacement.notifyRefused(pairId(execution), string(execution, MentorReplacement.VAR_REQUESTED_BY),
                    menteeId(execution), (directorSaidNo ? "решение директора" : "подходящего свободного наставника "
                            + "сейчас нет") + (why == null ? "" : ": " + why));
        }
    }
}
