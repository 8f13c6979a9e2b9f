package ru.nastavnik.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.nastavnik.participant.EntryAssessment;

/**
 * {@link Dynamics} on a hand-computed example (figures worked out on paper, written next to each assertion).
 * Pair 1 (ученик – ученик): mentees М1, М2 and mentor Н; pair 2 (учитель – учитель): mentee М3; М4 has an exit
 * assessment but no entry one.
 */
class DynamicsTest {

    private static EntryAssessment a(Integer engagement, Integer activity, Integer selfEsteem, Integer anxiety,
                                     String grade) {
        return new EntryAssessment(engagement, activity, selfEsteem, anxiety, grade == null ? null : new BigDecimal(grade));
    }

    private static final List<Dynamics.Subject> SUBJECTS = List.of(
            // М1: +2, 0, +1, anxiety −2 (better), +0.40 → 4 better, 0 worse → improved
            new Dynamics.Subject(1, "М1", "mentee", 1L, "Пара: Н", "pupil-pupil", a(2, 3, 2, 4, "3.20"),
                    a(4, 3, 3, 2, "3.60")),
            // М2: −1, 0, (no entry self-esteem), anxiety +1 (worse), −0.10 → 0 better, 3 worse
            new Dynamics.Subject(2, "М2", "mentee", 1L, "Пара: Н", "pupil-pupil", a(3, 4, null, 2, "4.00"),
                    a(2, 4, 3, 3, "3.90")),
            // М3: +1, +2, 0, anxiety −2 → 3 better
            new Dynamics.Subject(3, "М3", "mentee", 2L, "Пара: У", "teacher-teacher", a(3, 2, 3, 5, null),
                    a(4, 4, 3, 3, null)),
            new Dynamics.Subject(4, "М4", "mentee", 2L, "Пара: У", "teacher-teacher", EntryAssessment.NONE,
                    a(4, 4, 4, 1, null)),
            new Dynamics.Subject(9, "Н", "mentor", 1L, "Пара: Н", "pupil-pupil", a(5, 5, 5, 1, null),
                    a(5, 5, 5, 1, null)));

    private final Dynamics.Report report = Dynamics.of(SUBJECTS);

    @Test
    void participantsImproveWhenMoreParametersGotBetterThanWorse() {
        assertThat(report.participants()).extracting(c -> c.subject().fullName())
                .as("М4 has nothing assessed twice").containsExactly("М1", "М2", "М3", "Н");
        Dynamics.ParticipantChange m1 = report.participants().get(0);
        assertThat(m1.improvedCount()).isEqualTo(4);
        assertThat(m1.declinedCount()).isZero();
        assertThat(m1.improved()).isTrue();
        assertThat(m1.changes()).filteredOn(c -> c.parameter() == Parameter.ANXIETY).singleElement()
                .satisfies(c -> {
                    assertThat(c.delta()).isEqualByComparingTo("-2");
                    assertThat(c.direction()).as("anxiety that drops is better").isEqualTo(1);
                });
        Dynamics.ParticipantChange m2 = report.participants().get(1);
        assertThat(m2.changes()).extracting(Dynamics.Change::parameter).doesNotContain(Parameter.SELF_ESTEEM);
        assertThat(m2.declinedCount()).isEqualTo(3);
        assertThat(m2.improved()).isFalse();
        assertThat(report.participants().get(3).improved()).as("the mentor changed nothing").isFalse();
    }

    @Test
    void pairSumsUpItsMentees() {
        assertThat(report.pairs()).extracting(Dynamics.Group::key).containsExactly("1", "2");
        Dynamics.Group pair = report.pairs().get(0);
        assertThat(pair.participants()).isEqualTo(2);
        assertThat(pair.improved()).isEqualTo(1);
        assertThat(pair.shareImproved()).isEqualByComparingTo("0.5");
        Dynamics.ParameterSummary engagement = pair.parameter(Parameter.ENGAGEMENT);
        assertThat(engagement.meanEntry()).isEqualByComparingTo("2.50"); // (2+3)/2
        assertThat(engagement.meanExit()).isEqualByComparingTo("3.00"); // (4+2)/2
        assertThat(engagement.meanChange()).isEqualByComparingTo("0.50"); // (2−1)/2
        Dynamics.ParameterSummary anxiety = pair.parameter(Parameter.ANXIETY);
        assertThat(anxiety.meanChange()).isEqualByComparingTo("-0.50"); // (−2+1)/2
        assertThat(anxiety.improved()).isEqualTo(1);
        assertThat(anxiety.declined()).isEqualTo(1);
        Dynamics.ParameterSummary grade = pair.parameter(Parameter.AVERAGE_GRADE);
        assertThat(grade.meanEntry()).isEqualByComparingTo("3.60"); // (3.20+4.00)/2
        assertThat(grade.meanExit()).isEqualByComparingTo("3.75"); // (3.60+3.90)/2
        assertThat(grade.meanChange()).isEqualByComparingTo("0.15");
        Dynamics.ParameterSummary selfEsteem = pair.parameter(Parameter.SELF_ESTEEM);
        assertThat(selfEsteem.count()).as("only М1 was assessed twice").isEqualTo(1);
        assertThat(selfEsteem.shareImproved()).isEqualByComparingTo("1");
    }

    @Test
    void programmeAndFormsAreTheMentees() {
        Dynamics.Group programme = report.programme();
        assertThat(programme.participants()).isEqualTo(3);
        assertThat(programme.improved()).isEqualTo(2);
        assertThat(programme.shareImproved()).isEqualByComparingTo("0.6667"); // 2/3
        assertThat(programme.parameter(Parameter.ENGAGEMENT).meanEntry()).isEqualByComparingTo("2.67"); // 8/3
        assertThat(programme.parameter(Parameter.ENGAGEMENT).meanExit()).isEqualByComparingTo("3.33"); // 10/3
        assertThat(programme.parameter(Parameter.ENGAGEMENT).meanChange()).isEqualByComparingTo("0.67"); // 2/3
        assertThat(programme.parameter(Parameter.ACTIVITY).shareImproved()).isEqualByComparingTo("0.3333"); // 1/3
        assertThat(programme.parameter(Parameter.ANXIETY).meanEntry()).isEqualByComparingTo("3.67"); // 11/3
        assertThat(programme.parameter(Parameter.ANXIETY).meanChange()).isEqualByComparingTo("-1.00"); // −3/3
        assertThat(programme.parameter(Parameter.ANXIETY).shareImproved()).isEqualByComparingTo("0.6667");
        assertThat(programme.parameter(Parameter.AVERAGE_GRADE).count()).isEqualTo(2);

        assertThat(report.forms()).extracting(Dynamics.Group::label)
                .containsExactly("Ученик – ученик", "Учитель – учитель");
        assertThat(report.forms().get(1).shareImproved()).isEqualByComparingTo("1");
        assertThat(report.mentors().participants()).isEqualTo(1);
        assertThat(report.mentors().improved()).isZero();
    }

    @Test
    void nothingAssessedGivesEmptyFiguresNotZeros() {
        Dynamics.Report empty = Dynamics.of(List.of());
        assertThat(empty.programme().participants()).isZero();
        assertThat(empty.programme().shareImproved()).isNull();
        assertThat(empty.programme().parameter(Parameter.ENGAGEMENT).meanEntry()).isNull();
    }
}
