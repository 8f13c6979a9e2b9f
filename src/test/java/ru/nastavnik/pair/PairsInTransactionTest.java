package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.pairorder.PairOrders;

/**
 * A pair and its meetings are read once per transaction, and read again after a write to them; a read gives the
 * pair's mentor and current mentees by name, whichever method reads it.
 */
class PairsInTransactionTest extends IntegrationTest {

    @Autowired
    Pairs pairs;
    @Autowired
    PairOrders orders;
    @Autowired
    PairMeetings meetings;
    @Autowired
    PlatformTransactionManager transactions;

    private PairTestSchool school;
    private Pair group;
    private final List<Pair> alsoFixed = new ArrayList<>();

    @BeforeEach
    void group() {
        clockAt(LocalDateTime.of(2026, 10, 1, 10, 0));
        school = new PairTestSchool(port, startProgrammeOverApi("Школа чтений " + UUID.randomUUID().toString()
                .substring(0, 8), "pupil-pupil"));
        group = school.fix(orders, pairs, Map.of(school.petr, List.of(school.anna, school.oleg))).get(0);
    }

    @AfterEach
    void endPairProcess() {
        TestPairs.end(engine.getRuntimeService(), List.of(group));
        TestPairs.end(engine.getRuntimeService(), alsoFixed);
    }

    @Test
    void aGroupIsReadWithItsMentorAndItsCurrentMenteesByName() {
        String boris = TestParticipants.unique("Борисов") + " Глеб";
        String daria = TestParticipants.unique("Морозова") + " Дарья";
        String vera = TestParticipants.unique("Яковлева") + " Вера";
        Map<String, Long> ids = TestParticipants.importRows(port, school.programme, List.of(
                TestPairs.pupil(vera, false, "vera-" + school.tag + "@mail.test", "rv-" + school.tag + "@mail.test"),
                TestPairs.pupil(boris, false, "boris-" + school.tag + "@mail.test", "rb-" + school.tag + "@mail.test"),
                TestPairs.pupil(daria, false, "", "rd-" + school.tag + "@mail.test")));
        // Imported and fixed in orders other than by name, so that the read sorts them.
        Pair fixed = TestPairs.fix(orders, pairs, school.programme, Map.of(school.id(school.olga),
                List.of(ids.get(daria), ids.get(vera), ids.get(boris)))).get(0);
        alsoFixed.add(fixed);
        Pair.Person mentor = new Pair.Person(school.id(school.olga), school.olga, school.email("olga"),
                "Родитель Анна Петровна", "rep-olga-" + school.tag + "@mail.test");
        Pair.Person borisRead = new Pair.Person(ids.get(boris), boris, "boris-" + school.tag + "@mail.test",
                "Законный Представитель", "rb-" + school.tag + "@mail.test");
        Pair.Person dariaRead = new Pair.Person(ids.get(daria), daria, null, "Законный Представитель",
                "rd-" + school.tag + "@mail.test");
        Pair.Person veraRead = new Pair.Person(ids.get(vera), vera, "vera-" + school.tag + "@mail.test",
                "Законный Представитель", "rv-" + school.tag + "@mail.test");
        assertThat(fixed.mentor()).isEqualTo(mentor);
        assertThat(fixed.mentees()).containsExactly(borisRead, dariaRead, veraRead);

        pairs.leave(fixed.id(), ids.get(daria), "Согласие отозвано", "curator");
        Pair expected = new Pair(fixed.id(), school.programme, fixed.orderId(), mentor, fixed.mentorUserId(),
                List.of(borisRead, veraRead), "pupil-pupil", fixed.roleVariant(), Pair.ACTIVE,
                fixed.processInstanceId(), fixed.startedAt(), null, null);
        assertThat(pairs.get(fixed.id())).isEqualTo(expected);
        assertThat(pairs.list(school.programme)).containsExactly(group, expected);
        assertThat(pairs.ofMentor(fixed.mentorUserId())).containsExactly(expected);
        assertThat(pairs.activeWith(school.programme, ids.get(vera))).containsExactly(expected);
        assertThat(pairs.activeWith(school.programme, ids.get(daria))).isEmpty();
        assertThatThrownBy(() -> pairs.get(fixed.id()).mentees().add(dariaRead))
                .isInstanceOf(UnsupportedOperationException.class);

        // A group whose mentees all left is read without them (in the app the last one's withdrawal closes it).
        pairs.leave(fixed.id(), ids.get(boris), "Согласие отозвано", "curator");
        pairs.leave(fixed.id(), ids.get(vera), "Согласие отозвано", "curator");
        assertThat(pairs.get(fixed.id()).mentees()).isEmpty();
        assertThat(pairs.list(school.programme)).extracting(Pair::mentees)
                .containsExactly(group.mentees(), List.of());
    }

    @Test
    void inATransactionAPairIsReadOnceAndAgainAfterAWrite() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Pair first = pairs.get(group.id());
            assertThat(pairs.get(group.id())).isSameAs(first);

            pairs.leave(group.id(), school.id(school.anna), "Согласие отозвано", "curator");
            Pair afterLeave = pairs.get(group.id());
            assertThat(afterLeave).isNotSameAs(first);
            assertThat(afterLeave.mentees()).extracting(Pair.Person::personId).containsExactly(school.id(school.oleg));
            assertThat(pairs.get(group.id())).isSameAs(afterLeave);

            pairs.close(group.id(), Pair.ENDED, "Пара распалась", "curator");
            assertThat(pairs.get(group.id()).status()).isEqualTo(Pair.ENDED);
        });
        assertThat(TransactionSynchronizationManager.getResourceMap().keySet())
                .as("nothing left bound to the thread").noneMatch(TransactionCache.class::isInstance);
    }

    @Test
    void inATransactionAPairsMeetingsAreReadOnceAndAReportPutsTheRowItWrote() {
        clockAt(LocalDateTime.of(2026, 12, 8, 17, 0, 0, 123_456_789));
        List<List<PairMeetings.Meeting>> afterReport = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            List<PairMeetings.Meeting> first = meetings.meetings(group.id());
            assertThat(meetings.meetings(group.id())).isSameAs(first);
            PairMeetings.Meeting acquaintance = first.get(0);

            meetings.report(group.id(), acquaintance.id(), new PairMeetings.Report(LocalDate.of(2026, 12, 8), 45,
                    "in_person", "Цели", "Встречаться по плану", List.of(school.id(school.anna))), null, "mentor");
            afterReport.add(meetings.meetings(group.id()));
            assertThat(afterReport.get(0)).singleElement().satisfies(m -> {
                assertThat(m.reported()).isTrue();
                assertThat(m.attendance()).hasSize(2);
            });
        });
        // What the report put in the transaction's list is what the database holds.
        assertThat(meetings.meetings(group.id())).isEqualTo(afterReport.get(0));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            List<PairMeetings.Meeting> read = meetings.meetings(group.id());
            meetings.markOverdue(read.get(0).id());
            assertThat(meetings.meetings(group.id())).isNotSameAs(read);
        });
        assertThat(meetings.meetings(group.id())).isNotSameAs(meetings.meetings(group.id()));
    }

    @Test
    void outsideATransactionEveryGetReads() {
        Pair first = pairs.get(group.id());
        assertThat(pairs.get(group.id())).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void aTransactionStartedInsideAnotherReadsForItself() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Pair before = outer.execute(status -> {
            Pair first = pairs.get(group.id());
            Pair inInner = inner.execute(s -> pairs.get(group.id()));
            assertThat(inInner).isNotSameAs(first).isEqualTo(first);
            assertThat(pairs.get(group.id())).isSameAs(first);
            return first;
        });
        Pair next = outer.execute(status -> pairs.get(group.id()));
        assertThat(next).as("the next transaction reads anew").isNotSameAs(before);
    }
}
