package ru.nastavnik.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Coverage} on a hand-computed school: 5А 10 pupils, 5Б 4, 10А 5, 10 teachers. Went through the cycle: 7 of
 * 5А, 3 of 5Б (one of them in «работодатель – ученик»), 4 of 10А, one pupil of 11А (not in the roster), 7 teachers
 * (one of them also in «учитель – ученик»).
 */
class CoverageTest {

    @Test
    void sharesAgainstSeventyPercentByClassAndForm() {
        List<Coverage.RosterLine> roster = List.of(new Coverage.RosterLine("pupil", "5А", 10),
                new Coverage.RosterLine("pupil", "10А", 5), new Coverage.RosterLine("pupil", "5Б", 4),
                new Coverage.RosterLine("teacher", "", 10));
        List<Coverage.Involved> involved = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < 7; i++) {
            involved.add(new Coverage.Involved(id++, "pupil", "5А", Set.of("pupil-pupil")));
        }
        involved.add(new Coverage.Involved(id++, "pupil", "5Б", Set.of("pupil-pupil")));
        involved.add(new Coverage.Involved(id++, "pupil", "5Б", Set.of("pupil-pupil")));
        involved.add(new Coverage.Involved(id++, "pupil", "5Б", Set.of("employer-pupil")));
        for (int i = 0; i < 4; i++) {
            involved.add(new Coverage.Involved(id++, "pupil", "10А", Set.of("pupil-pupil")));
        }
        involved.add(new Coverage.Involved(id++, "pupil", "11А", Set.of("pupil-pupil")));
        for (int i = 0; i < 6; i++) {
            involved.add(new Coverage.Involved(id++, "teacher", null, Set.of("teacher-teacher")));
        }
        involved.add(new Coverage.Involved(id, "teacher", null, Set.of("teacher-teacher", "teacher-pupil")));

        Coverage.Report r = Coverage.of(roster, involved, 3, 8);

        assertThat(r.pupils().total()).isEqualTo(19);
        assertThat(r.pupils().involved()).isEqualTo(15);
        assertThat(r.pupils().share()).isEqualByComparingTo("0.7895"); // 15/19
        assertThat(r.pupils().reached()).isTrue();
        assertThat(r.byClass()).extracting(Coverage.Share::key).as("by grade, then letter")
                .containsExactly("5А", "5Б", "10А", "11А");
        assertThat(r.byClass().get(0).share()).isEqualByComparingTo("0.7");
        assertThat(r.byClass().get(0).reached()).as("exactly 70% reaches the target").isTrue();
        assertThat(r.byClass().get(1).share()).isEqualByComparingTo("0.75"); // 3/4
        assertThat(r.byClass().get(2).share()).isEqualByComparingTo("0.8"); // 4/5
        assertThat(r.byClass().get(3).share()).as("11А is not in the roster").isNull();
        assertThat(r.byClass().get(3).reached()).isFalse();
        assertThat(r.outsideRoster()).isEqualTo(1);
        assertThat(r.teachers().share()).isEqualByComparingTo("0.7"); // 7/10
        assertThat(r.pupilsByForm()).extracting(Coverage.Share::key).containsExactly("pupil-pupil", "employer-pupil");
        assertThat(r.pupilsByForm().get(0).involved()).isEqualTo(14);
        assertThat(r.pupilsByForm().get(0).share()).isEqualByComparingTo("0.7368"); // 14/19
        assertThat(r.pupilsByForm().get(1).share()).isEqualByComparingTo("0.0526"); // 1/19
        assertThat(r.teachersByForm()).extracting(Coverage.Share::involved).containsExactly(7, 1);
        assertThat(r.teachersByForm().get(1).reached()).isFalse();
        assertThat(r.wantToMentor()).isEqualTo(3);
        assertThat(r.askedToMentor()).isEqualTo(8);
    }

    @Test
    void noRosterNoShares() {
        Coverage.Report r = Coverage.of(List.of(), List.of(new Coverage.Involved(1, "pupil", "7Б",
                Set.of("pupil-pupil"))), 0, 0);
        assertThat(r.pupils().share()).isNull();
        assertThat(r.pupils().reached()).isFalse();
        assertThat(r.outsideRoster()).isEqualTo(1);
    }
}
