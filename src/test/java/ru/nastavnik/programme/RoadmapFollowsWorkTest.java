package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.pair.MeetingKind;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairEnding;
import ru.nastavnik.pair.PairMeetings;
import ru.nastavnik.pair.PairProcess;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;

/** Roadmap items close by the work they describe, and an item dated before its stage opens on its own date. */
class RoadmapFollowsWorkTest extends IntegrationTest {

    @Autowired
    RoadmapService roadmap;
    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;
    @Autowired
    PairMeetings meetings;
    @Autowired
    PairEnding pairEnding;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anItemClosedByItsWorkEndsItsChecklistTaskAndIsNotOpenedAgain() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        long programme = startProgrammeOverApi("Школа дорожной карты " + TestParticipants.unique(""), "pupil-pupil");
        ProcessInstance item = startItem(programme, "5.2");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(item.getId()).singleResult();
        assertThat(task).isNotNull();

        assertThat(roadmap.closeByWork(programme, "5.2", "Анкеты предпочтений внесены")).isTrue();
        assertThat(item).isEnded().hasPassed("EndEvent_ItemDoneByWork");
        RoadmapItem done = roadmap.get(programme, "5.2");
        assertThat(done.result()).isEqualTo("Анкеты предпочтений внесены");
        assertThat(done.doneOn()).isEqualTo(LocalDate.of(2026, 9, 15));
        // Closed once: a second report of the work changes nothing.
        assertThat(roadmap.closeByWork(programme, "5.2", "ещё раз")).isFalse();
        assertThat(roadmap.get(programme, "5.2").result()).isEqualTo("Анкеты предпочтений внесены");

        // The same item started again (its stage and its own date both try) ends without a task.
        ProcessInstance twice = startItem(programme, "5.2");
        assertThat(twice).isEnded().hasPassed("EndEvent_NoTaskNeeded");
        assertThat(roadmap.itemCodes(programme, 5)).doesNotContain("5.2").contains("5.1", "5.3");
    }

    @Test
    void stepSixOneClosesWhenEveryPairHasReportedItsAcquaintance() throws Exception {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        long programme = startProgrammeOverApi("Школа пар " + TestParticipants.unique(""), "pupil-pupil");
        Map<String, String> names = new LinkedHashMap<>();
        for (String who : List.of("m1", "p1", "m2", "p2", "m3", "p3")) {
            names.put(TestParticipants.unique(who.startsWith("m") ? "Наставникова" : "Ученикова") + " Ира", who);
        }
        Map<String, Long> ids = TestParticipants.importRows(port, programme, names.entrySet().stream()
                .map(e -> TestPairs.pupil(e.getKey(), e.getValue().startsWith("m"), e.getValue() + "@pupil.test",
                        e.getValue() + "-parent@mail.test")).toList());
        List<String> n = List.copyOf(names.keySet());
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        groups.put(ids.get(n.get(0)), List.of(ids.get(n.get(1))));
        groups.put(ids.get(n.get(2)), List.of(ids.get(n.get(3))));
        groups.put(ids.get(n.get(4)), List.of(ids.get(n.get(5))));
        List<Pair> fixed = TestPairs.fix(orders, pairs, programme, groups);
        assertThat(pending(programme)).containsEntry("6.1", 3).containsEntry("6.4", 3).hasSize(5);

        report(fixed.get(0));
        assertThat(roadmap.get(programme, "6.1").completedAt()).isNull();
        // A pair ended early is not waited for.
        pairEnding.end(fixed.get(2).id(), "Переезд семьи", "curator");
        assertThat(pending(programme)).containsEntry("6.1", 1).containsEntry("6.2", 2);
        assertThat(roadmap.get(programme, "6.1").completedAt()).isNull();
        report(fixed.get(1));
        assertThat(pending(programme)).containsEntry("6.1", 0).containsEntry("6.2", 2);
        RoadmapItem done = roadmap.get(programme, "6.1");
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.result()).isEqualTo("Все пары и группы (2) отметили: встреча-знакомство");
        assertThat(roadmap.get(programme, "6.2").completedAt()).isNull();

        // Migration V26 fills the table from the meetings as they stand: the same counts as kept by the reports and
        // the early end (tried in a transaction rolled back, so that the other programmes keep their rows).
        Map<String, Integer> kept = pending(programme);
        String backfill = backfillOfV26();
        Map<String, Integer> filled = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("delete from pair_step_pending").update();
            jdbc.sql(backfill).update();
            return pending(programme);
        });
        assertThat(filled).isEqualTo(kept).containsEntry("6.1", 0).containsEntry("6.4", 2);
    }

    /** The insert of migration V26, as Flyway ran it. */
    private static String backfillOfV26() throws java.io.IOException {
        Resource migration = new PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/V26__*.sql")[0];
        String script = migration.getContentAsString(StandardCharsets.UTF_8);
        return script.substring(script.indexOf("insert into pair_step_pending"), script.lastIndexOf(';'));
    }

    /** How many pairs each meeting item of the programme still waits for (pair.ReportsPending). */
    private Map<String, Integer> pending(long programme) {
        Map<String, Integer> pending = new LinkedHashMap<>();
        jdbc.sql("select item_code, pairs from pair_step_pending where programme_id = :p").param("p", programme)
                .query((java.sql.ResultSet rs) -> {
                    pending.put(rs.getString(1), rs.getInt(2));
                });
        return pending;
    }

    @Test
    void itemTwoOneOpensInSeptemberBeforeStageOnesOctoberItems() {
        clockAt(LocalDateTime.of(2026, 8, 20, 10, 0));
        long programme = startProgrammeOverApi("Школа сентября " + TestParticipants.unique(""), "pupil-pupil");
        assertThat(roadmap.calendarItemCodes(programme)).containsExactly("2.1");
        String main = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("programme-" + programme).processDefinitionKey("mentorship-programme")
                .singleResult().getId();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(main)
                .activityId("Timer_ItemStartDate").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(java.util.Date.from(LocalDate.of(2026, 9, 1)
                .atStartOfDay(SCHOOL_ZONE).toInstant()));
        assertThat(roadmap.get(programme, "2.1").activatedAt()).isNull();

        clockAt(LocalDateTime.of(2026, 9, 1, 0, 1));
        engine.getManagementService().executeJob(timer.getId());
        RoadmapItem opened = roadmap.get(programme, "2.1");
        assertThat(opened.activatedAt()).isNotNull();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(opened.processInstanceId())
                .singleResult();
        assertThat(task.getName()).startsWith("2.1 ");
        // Stage 1 is still running; stage 2 will not open 2.1 again.
        assertThat(roadmap.itemCodes(programme, 2)).containsExactly("2.2", "2.3");
        engine.getRuntimeService().deleteProcessInstance(opened.processInstanceId(), "test over");
    }

    /** The mentor reports the pair's open acquaintance meeting in its task, as Tasklist would. */
    private void report(Pair pair) {
        PairMeetings.Meeting meeting = meetings.meetings(pair.id()).stream()
                .filter(m -> MeetingKind.ACQUAINTANCE.code().equals(m.kind())).findFirst().orElseThrow();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(meeting.processInstanceId())
                .taskDefinitionKey(PairProcess.TASK_REPORT_MEETING).singleResult();
        complete(task, pair.mentorUserId(), TestPairs.meetingReport(LocalDate.of(2026, 9, 15),
                pair.mentees().stream().map(Pair.Person::personId).toList()));
    }

    private ProcessInstance startItem(long programme, String code) {
        return engine.getRuntimeService().startProcessInstanceByKey(RoadmapItemProcess.PROCESS_ID,
                ProgrammeProcess.businessKey(programme), Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), programme,
                        TaskPeople.CURATOR_ID.name(), "curator", ProgrammeProcess.VAR_ITEM_CODE.name(), code));
    }
}
