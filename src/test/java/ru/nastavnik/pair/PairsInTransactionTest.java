package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
import ru.nastavnik.pairorder.PairOrders;

/** A pair and its meetings are read once per transaction, and read again after a write to them. */
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
    void inATransactionAPairsMeetingsAreReadOnceAndAgainAfterAReport() {
        clockAt(LocalDateTime.of(2026, 12, 8, 17, 0));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            List<PairMeetings.Meeting> first = meetings.meetings(group.id());
            assertThat(meetings.meetings(group.id())).isSameAs(first);
            PairMeetings.Meeting acquaintance = first.get(0);

            meetings.report(acquaintance.id(), new PairMeetings.Report(LocalDate.of(2026, 12, 8), 45, "in_person",
                    "Цели", "Встречаться по плану", List.of(school.id(school.anna))), null, "mentor");
            List<PairMeetings.Meeting> afterReport = meetings.meetings(group.id());
            assertThat(afterReport).singleElement().satisfies(m -> {
                assertThat(m.reported()).isTrue();
                assertThat(m.attendance()).hasSize(2);
            });
            meetings.markOverdue(acquaintance.id());
            assertThat(meetings.meetings(group.id())).isNotSameAs(afterReport);
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
