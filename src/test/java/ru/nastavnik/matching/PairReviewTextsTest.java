package ru.nastavnik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.nastavnik.shared.InputText;

/** What the curator reads between two rounds of the pair proposal, without the engine. */
class PairReviewTextsTest {

    private static final Map<String, String> NAMES = Map.of("t1", "Петров Пётр", "t2", "Сидоров Илья",
            "m1", "Иванова Анна", "m2", "Орлова Мария");

    @Test
    void aForbiddenPairExplainsTheDropInScore() {
        MatchingProposal before = proposal(group("t1", member("m1", 30)), group("t2", member("m2", 12)));
        MatchingProposal after = proposal(group("t2", member("m1", 6)), group("t1", member("m2", 9)));
        PairsStage.Review review = new PairsStage.Review(List.of(), List.of(PairsStage.key("t1", "m1")));

        String changes = PairsStage.changesText(before, after, review, NAMES);

        assertThat(changes).contains(md("Иванова Анна") + ": было " + md("Петров Пётр") + " (30 б.), стало "
                + md("Сидоров Илья") + " (6 б.) — пара с наставником " + md("Петров Пётр") + " запрещена");
        assertThat(changes).contains(md("Орлова Мария") + ": было " + md("Сидоров Илья") + " (12 б.), стало "
                + md("Петров Пётр") + " (9 б.) — из-за закреплений и запретов других пар");
        assertThat(PairsStage.constraintsText(review, NAMES))
                .contains("**Закреплены:** нет").contains("**Запрещены:** " + md("Петров Пётр") + " — " + md("Иванова Анна"));
    }

    @Test
    void theFirstRoundAndAnUnchangedRoundSaySo() {
        MatchingProposal same = proposal(group("t1", member("m1", 30)));
        PairsStage.Review none = new PairsStage.Review(List.of(), List.of());
        assertThat(PairsStage.changesText(null, same, none, NAMES)).isEmpty();
        assertThat(PairsStage.changesText(same, same, none, NAMES)).contains("ничего");
        assertThat(PairsStage.constraintsText(none, NAMES)).contains("нет");
    }

    @Test
    void reasonsStandBelowTheTableAsAList() {
        String table = PairsStage.proposalTable(proposal(group("t1", member("m1", 30))));
        assertThat(table).startsWith("| Наставник | Наставляемый | Форма | Баллы |")
                .contains("- " + md("Петров Пётр") + " — " + md("Иванова Анна") + ": " + md("общие интересы: шахматы"));
    }

    private static String md(String text) {
        return InputText.markdown(text);
    }

    private static MatchingProposal proposal(MatchingProposal.Group... groups) {
        return new MatchingProposal(List.of(groups), List.of(),
                new MatchingProposal.Totals(groups.length, groups.length, 0, groups.length, 0, 0, true, 0));
    }

    private static MatchingProposal.Group group(String mentor, MatchingProposal.Member member) {
        return new MatchingProposal.Group(mentor, NAMES.get(mentor), "pupil-pupil", "pair", 1, member.score(),
                List.of(member));
    }

    private static MatchingProposal.Member member(String mentee, int score) {
        return new MatchingProposal.Member(mentee, NAMES.get(mentee), score, false, List.of("общие интересы: шахматы"));
    }
}
