package ru.nastavnik.pair;

import static ru.nastavnik.pair.MentorReplacementSteps.pairId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.InputText;

/**
 * Task_SuggestNewMentors: the engine's candidates as the curator's select and a table with the reasons, and the
 * curator's deadline (the same deadline variables as the director's task had: one task at a time).
 */
@Component("suggestNewMentors")
class SuggestNewMentors implements JavaDelegate {
    private final MentorReplacement replacement;
    private final Pairs pairs;

    SuggestNewMentors(MentorReplacement replacement, Pairs pairs) {
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
        MentorReplacementSteps.MENTOR_OPTIONS.set(execution, options);
        MentorReplacementSteps.MENTOR_CANDIDATES_TEXT.set(execution, table.toString());
    }
}
