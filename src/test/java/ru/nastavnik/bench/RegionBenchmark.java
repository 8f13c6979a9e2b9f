package ru.nastavnik.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.notification.OutboxSender;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairProcess;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.AccessSetup;
import ru.nastavnik.security.Groups;

/**
 * A region on one PostgreSQL database, in one run (issue 14): the cost of a real pair-meeting step and of a
 * roadmap-item completion beside a bare-engine step (a user task with one boundary timer) in the same JVM, with the
 * meeting's diagram run without the product's code beside them (what the model costs, what the product adds); the
 * heap of a school of {@value #DEFAULT_PAIRS} pairs; a curator's Tasklist filters (list page and count, as Tasklist
 * asks for both) over a region of open tasks; and how late reminders reach SMTP among that many pending timers.
 * The region's tasks are generated once per database (see {@link RegionData}) and reused by later runs.
 * <p>
 * Not part of the build; see README, «Производительность»:
 * {@code DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/bench mvn -o test -Dtest=RegionBenchmark -Dbenchmark=true
 * -Dtest.db.profile=postgres} (options {@code -Dbench.tasks=1000000}, {@code -Dbench.pairs},
 * {@code -Dbench.only=steps,filters,reminders}: a part or several).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RegionBenchmark extends IntegrationTest {

    private static final int DEFAULT_PAIRS = 500;
    private static final int PAIRS = Integer.getInteger("bench.pairs", DEFAULT_PAIRS);
    private static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
    private static final int PROGRAMMES = Integer.getInteger("bench.programmes", 15);
    private static final int REMINDERS = Integer.getInteger("bench.reminders", 300);
    private static final int BATCH = 25;
    /** Steps per meeting round (and bare steps) whose written rows are counted, untimed. */
    private static final int ROW_SAMPLE = 5;
    private static final int QUERY_RUNS = Integer.getInteger("bench.queryRuns", 50);
    /** Untimed runs of each filter first: a node serving Tasklist all day has its query path compiled and planned. */
    private static final int QUERY_WARM_UP = 10;
    private static final String BARE_PROCESS = "bench-bare-step";
    private static final String DIAGRAM_PROCESS = "bench-meeting-diagram";
    /** Prints the SQL statements of the counted steps (PostgreSQL, extension pg_stat_statements). */
    private static final boolean TRACE = Boolean.getBoolean("bench.trace");
    private static final String BARE_USER = "bench-bare";
    /** The groups a mentor is authenticated with: one. */
    private static final List<String> MENTOR_GROUPS = List.of(Groups.MENTOR);
    /** The parts to run, e.g. {@code -Dbench.only=filters} (with {@code -Dbench.pairs=20}) to measure the filters only. */
    private static final Set<String> PARTS = Set.of(System.getProperty("bench.only", "steps,filters,reminders")
            .split(","));

    @Autowired
    private Pairs pairs;
    @Autowired
    private PairOrders orders;
    @Autowired
    private ProgrammeService programmes;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private OutboxSender sender;
    @Autowired
    private TransactionTemplate transactions;

    private final StringBuilder report = new StringBuilder();
    private final Map<String, List<String>> userGroups = new HashMap<>();

    @Test
    void printsTheRegionsFigures() throws Exception {
        String db = System.getProperty("spring.profiles.active", "");
        line("Region benchmark (%s, %d CPUs, max heap %d MB, history %s)", db.isBlank() ? "h2" : db,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                config().getHistory());
        long heapBefore = usedHeapAfterGc();
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        long programme = startProgrammeOverApi("Школа " + TestParticipants.unique("Бенч"), "pupil-pupil");
        List<Pair> school = fixPairs(programme, PAIRS);
        long heapWithSchool = usedHeapAfterGc();
        long listStart = System.nanoTime();
        HttpResponse<String> list = RestClient.as(port, "curator", PASSWORD).get("/api/programmes/" + programme
                + "/pairs");
        double listMillis = millisSince(listStart);
        assertThat(list.statusCode()).isEqualTo(200);
        long heapPeak = usedHeapNow();
        line("Heap, used after GC: %d MB before the school, %d MB with a school of %d pairs (+%d MB); "
                        + "the curator's pair list of it: %.0f ms", heapBefore >> 20, heapWithSchool >> 20, school.size(),
                (heapWithSchool - heapBefore) >> 20, listMillis);
        line("  (used heap right after the list, before GC: %d MB)", heapPeak >> 20);

        Task staffTemplate;
        if (PARTS.contains("steps")) {
            List<String> bare = startLoops(bareLoop(), 2 * PAIRS);
            steps(school, bare, startLoops(meetingDiagramLoop(), PAIRS));
            regularMeetings(school, bare);
            staffTemplate = roadmapItems(bare);
        } else {
            staffTemplate = roadmapItemTemplate();
        }
        if (PARTS.contains("filters")) {
            regionFilters(programme, school, staffTemplate);
        }
        if (PARTS.contains("reminders")) {
            reminders(school);
        }

        System.out.println(report);
        Path out = Path.of("target", "region-benchmark.txt");
        Files.writeString(out, report.toString());
    }

    // --- (a) a pair-meeting step and a roadmap-item completion beside a bare step --------------------------------

    private void steps(List<Pair> school, List<String> bare, List<String> diagram) {
        List<Long> product = new ArrayList<>();
        List<Long> engineOnly = new ArrayList<>();
        List<Long> diagramOnly = new ArrayList<>();
        List<Long> engineGrouped = new ArrayList<>();
        List<Long> closing = new ArrayList<>();
        RowCounts productRows = new RowCounts();
        RowCounts bareRows = new RowCounts();
        RowCounts diagramRows = new RowCounts();
        // Planner statistics as autovacuum keeps them in a running installation, where a school's pairs are fixed
        // days before their meetings: here the tables were filled seconds ago, and a plan made for empty tables
        // scans every meeting once per pair.
        if (postgres()) {
            jdbc.sql("analyze").update();
        }
        // The acquaintance meeting, then the trial meeting: each report ends one turn of the pair's meeting
        // sub-process and starts the next, as in MentorshipPairProcessTest.
        Iterator<String> bareNext = cycle(bare);
        Iterator<String> diagramNext = cycle(diagram);
        rounds(school, List.of(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 15)), (i, pair, step) -> {
            // Steps in the middle of each round count the rows they write, untimed: the count's own queries would
            // weigh on the times. Not the first ones: PostgreSQL plans a foreign key's check once per connection,
            // so the pool's first steps show statements that cost more than they do. Nor the last, which closes
            // the round's roadmap item over every pair, once per programme.
            if (i >= school.size() / 2 && i < school.size() / 2 + ROW_SAMPLE) {
                asUser(pair.mentorUserId(), () -> productRows.add(step));
            } else if (i == school.size() - 1) {
                // The round's last report closes its roadmap item (6.1, 6.2) over every pair, once.
                closing.add(timed(pair.mentorUserId(), step));
            } else {
                product.add(timed(pair.mentorUserId(), step));
            }
        }, from -> {
            for (int i = 0; i < BATCH; i++) {
                engineOnly.add(bareStep(bareNext.next()));
                diagramOnly.add(bareStep(diagramNext.next()));
                engineGrouped.add(bareStep(bareNext.next(), MENTOR_GROUPS));
            }
            if (from <= school.size() / 2 && school.size() / 2 < from + BATCH) {
                for (int i = 0; i < ROW_SAMPLE; i++) {
                    String instance = bareNext.next();
                    asUser(BARE_USER, () -> bareRows.add(() -> completeBare(instance)));
                    String meeting = diagramNext.next();
                    asUser(BARE_USER, () -> diagramRows.add(() -> completeBare(meeting)));
                }
            }
        });
        line("Pair-meeting step (mentor's report, %d steps) vs bare engine step (%d), single thread, among %d open "
                        + "tasks:", product.size(), engineOnly.size(), engine.getTaskService().createTaskQuery().count());
        line("  pair meeting p50 %.1f ms p95 %.1f ms %.0f steps/s | bare p50 %.1f ms p95 %.1f ms %.0f steps/s"
                        + " | ratio p50 %.2f×, mean %.2f×",
                p(product, 50), p(product, 95), 1000 / mean(product), p(engineOnly, 50), p(engineOnly, 95),
                1000 / mean(engineOnly), p(product, 50) / p(engineOnly, 50), mean(product) / mean(engineOnly));
        line("  the meeting's diagram alone, no product code (%d steps): p50 %.1f ms p95 %.1f ms | ratio p50 %.2f×, "
                        + "mean %.2f× to the bare step", diagramOnly.size(), p(diagramOnly, 50), p(diagramOnly, 95),
                p(diagramOnly, 50) / p(engineOnly, 50), mean(diagramOnly) / mean(engineOnly));
        line("  bare step by a user in the mentor group, as the mentor is (%d steps): p50 %.1f ms p95 %.1f ms | pair "
                        + "meeting to it: ratio p50 %.2f×, mean %.2f× (the engine checks the task's authorization for "
                        + "the user's groups too)", engineGrouped.size(), p(engineGrouped, 50), p(engineGrouped, 95),
                p(product, 50) / p(engineGrouped, 50), mean(product) / mean(engineGrouped));
        line("  the report that closes the round's roadmap item after checking all %d pairs (once per item and "
                + "programme, not among the steps above): %s ms", school.size(),
                closing.stream().map(t -> String.format("%.0f", t / 1e6)).collect(Collectors.joining(", ")));
        line("  rows written per step (inserted + updated + deleted, %d, %d and %d untimed steps): pair meeting %s | "
                        + "bare %s | diagram alone %s", productRows.steps(), bareRows.steps(), diagramRows.steps(),
                productRows, bareRows, diagramRows);
        productRows.printStatements("pair meeting");
        bareRows.printStatements("bare");
        diagramRows.printStatements("diagram alone");
    }

    /**
     * The report a mentor makes most often: a regular meeting (three to four a pair at a monthly plan, more at a
     * weekly one, against one of each other kind). The planning meeting is reported first, untimed, with a monthly
     * plan; then two rounds of regular meetings are timed beside bare steps. From the second round on, every regular
     * report asks whether item 6.4 closes (each pair has reported a regular meeting by then).
     */
    private void regularMeetings(List<Pair> school, List<String> bare) {
        TaskService tasks = engine.getTaskService();
        LocalDate planningDay = LocalDate.of(2026, 12, 22);
        clockAt(planningDay.atTime(17, 0));
        for (Pair pair : school) {
            Task task = reportTask(pair);
            @SuppressWarnings("unchecked")
            List<Map<String, String>> options = (List<Map<String, String>>) tasks.getVariable(task.getId(),
                    "requestOptions");
            Map<String, Object> vars = TestPairs.meetingReport(planningDay, menteeIds(pair));
            vars.put("planFrequency", "monthly");
            vars.put("planGoals", "Подтянуть математику");
            vars.put("planItems", "Разбор задач раз в месяц");
            vars.put("planRequests", SpinValues.jsonValue(options.stream().limit(1)
                    .map(o -> "\"" + o.get("value") + "\"").collect(Collectors.joining(",", "[", "]"))).create());
            asUser(pair.mentorUserId(), () -> tasks.complete(task.getId(), vars));
        }
        List<Long> regular = new ArrayList<>();
        List<Long> engineOnly = new ArrayList<>();
        Iterator<String> bareNext = cycle(bare);
        rounds(school, List.of(LocalDate.of(2027, 1, 22), LocalDate.of(2027, 2, 22)),
                (i, pair, step) -> regular.add(timed(pair.mentorUserId(), step)), from -> {
                    for (int i = 0; i < BATCH; i++) {
                        engineOnly.add(bareStep(bareNext.next()));
                    }
                });
        line("Regular meetings, the report a mentor makes most (%d steps, two rounds) vs bare step (%d):",
                regular.size(), engineOnly.size());
        line("  regular meeting p50 %.1f ms p95 %.1f ms | bare p50 %.1f ms p95 %.1f ms | ratio p50 %.2f×, mean %.2f×",
                p(regular, 50), p(regular, 95), p(engineOnly, 50), p(engineOnly, 95),
                p(regular, 50) / p(engineOnly, 50), mean(regular) / mean(engineOnly));
    }

    /** What a round does with each pair's report: its index in the school, the pair, the report to run. */
    private interface RoundStep {
        void report(int index, Pair pair, Runnable report);
    }

    /**
     * Each pair reports the meeting open on each day, as the Tasklist form submits it, a batch of pairs at a time;
     * after each batch {@code afterBatch} gets the batch's first index (the bare steps timed between the batches).
     */
    private void rounds(List<Pair> school, List<LocalDate> days, RoundStep each, IntConsumer afterBatch) {
        TaskService tasks = engine.getTaskService();
        for (LocalDate day : days) {
            clockAt(day.atTime(17, 0));
            for (int from = 0; from < school.size(); from += BATCH) {
                for (int i = from; i < Math.min(from + BATCH, school.size()); i++) {
                    Pair pair = school.get(i);
                    Task task = reportTask(pair);
                    Map<String, Object> vars = TestPairs.meetingReport(day, menteeIds(pair));
                    each.report(i, pair, () -> tasks.complete(task.getId(), vars));
                }
                afterBatch.accept(from);
            }
        }
    }

    /** The process instances one after another, round and round. */
    private static Iterator<String> cycle(List<String> instances) {
        return Stream.generate(() -> instances).flatMap(List::stream).iterator();
    }

    private Task reportTask(Pair pair) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(PairProcess.businessKey(pair.programmeId(), pair.id()))
                .taskDefinitionKey(PairProcess.TASK_REPORT_MEETING).singleResult();
    }

    private static List<Long> menteeIds(Pair pair) {
        return pair.mentees().stream().map(Pair.Person::personId).toList();
    }

    /** Answers one item left open: the staff task the region's tasks are cloned from. */
    private Task roadmapItems(List<String> bare) {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        List<Long> started = new ArrayList<>();
        for (int i = 0; i < PROGRAMMES; i++) {
            started.add(startProgrammeOverApi("Школа " + TestParticipants.unique("Дорожная"), "pupil-pupil"));
        }
        Task template = roadmapItemTemplate();
        TaskService tasks = engine.getTaskService();
        List<Long> product = new ArrayList<>();
        List<Long> engineOnly = new ArrayList<>();
        int refused = 0;
        int bareNext = 0;
        for (long id : started) {
            String title = programmes.get(id).title();
            for (Task task : tasks.createTaskQuery().taskDefinitionKey("Task_CompleteRoadmapItem")
                    .taskVariableValueEquals("programmeTitle", title).list()) {
                if (task.getId().equals(template.getId())) {
                    continue;
                }
                String user = completer(task);
                Map<String, Object> vars = Map.of("doneOn", "2026-10-28", "result", "Проведено совещание");
                try {
                    product.add(timed(user, () -> tasks.complete(task.getId(), vars)));
                } catch (RuntimeException notNow) {
                    refused++;
                }
                engineOnly.add(bareStep(bare.get(bareNext++ % bare.size())));
            }
        }
        line("Roadmap-item completion (%d, %d refused by the form's rules) vs bare step (%d):", product.size(),
                refused, engineOnly.size());
        line("  roadmap item p50 %.1f ms p95 %.1f ms | bare p50 %.1f ms p95 %.1f ms | ratio p50 %.2f×, mean %.2f×",
                p(product, 50), p(product, 95), p(engineOnly, 50), p(engineOnly, 95),
                p(product, 50) / p(engineOnly, 50), mean(product) / mean(engineOnly));
        return template;
    }

    /** A task offered to a staff group and to the programme's curator, as most roadmap items are. */
    private Task roadmapItemTemplate() {
        clockAt(LocalDateTime.of(2026, 10, 28, 12, 0));
        // One whose reminder is still pending: a run with the job executor on fires those of earlier runs.
        return engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_CompleteRoadmapItem")
                .taskCandidateUser("curator").list().stream()
                .filter(task -> engine.getManagementService().createJobQuery()
                        .processInstanceId(task.getProcessInstanceId()).activityId(Deadlines.TIMER_REMIND).count() > 0)
                .findFirst().orElseThrow();
    }

    private String completer(Task task) {
        List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
        if (links.stream().anyMatch(l -> "curator".equals(l.getUserId())
                || l.getGroupId() != null && Groups.CURATOR.equals(Groups.roleOf(l.getGroupId())))) {
            return "curator";
        }
        return links.stream().anyMatch(l -> l.getGroupId() != null
                && Groups.DIRECTOR.equals(Groups.roleOf(l.getGroupId()))) ? "director" : "deputy";
    }

    /** A user task assigned to one user, with one boundary timer, in a loop: each step ends one and opens the next. */
    private static BpmnModelInstance bareLoop() {
        return Bpmn.createExecutableProcess(BARE_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Start_Bare")
                .userTask("Task_Bare").name("Шаг").camundaAssignee(BARE_USER)
                .boundaryEvent("Timer_Bare").timerWithDuration("P30D").endEvent("End_Timer")
                .moveToActivity("Task_Bare").exclusiveGateway("Gateway_More")
                .condition("more", "${more}").connectTo("Task_Bare")
                .moveToNode("Gateway_More").condition("done", "${!more}").endEvent("End_Bare")
                .done();
    }

    /**
     * The shape of a pair's meeting in mentorship-pair without the product's code: an embedded sub-process per
     * meeting, a service task before and after the report task (expressions that do nothing), the report task with
     * its three non-interrupting timers, the «held?» and «what next?» gateways. What the diagram alone costs.
     */
    private static BpmnModelInstance meetingDiagramLoop() {
        return Bpmn.createExecutableProcess(DIAGRAM_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Start_Pair")
                .subProcess("SubProcess_Meeting").embeddedSubProcess().startEvent("Start_Meeting")
                .serviceTask("Task_Plan").camundaExpression("${true}")
                .userTask("Task_Report").name("Шаг").camundaAssignee(BARE_USER)
                .boundaryEvent("Timer_Remind").cancelActivity(false).timerWithDuration("P30D").endEvent("End_Remind")
                .moveToActivity("Task_Report").boundaryEvent("Timer_Escalate").cancelActivity(false)
                .timerWithDuration("P31D").endEvent("End_Escalate")
                .moveToActivity("Task_Report").boundaryEvent("Timer_Curator").cancelActivity(false)
                .timerWithDuration("P37D").endEvent("End_Curator")
                .moveToActivity("Task_Report").exclusiveGateway("Gateway_Held")
                .condition("moved", "${!more}").connectTo("Task_Report")
                .moveToNode("Gateway_Held").condition("held", "${more}")
                .serviceTask("Task_Record").camundaExpression("${true}").endEvent("End_Meeting")
                .subProcessDone()
                .exclusiveGateway("Gateway_Next").condition("next", "${more}").connectTo("SubProcess_Meeting")
                .moveToNode("Gateway_Next").condition("done", "${!more}").endEvent("End_Pair")
                .done();
    }

    private List<String> startLoops(BpmnModelInstance model, int count) {
        String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next()
                .getId();
        engine.getRepositoryService().createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(engine.getRuntimeService().startProcessInstanceByKey(key).getId());
        }
        return ids;
    }

    private long bareStep(String processInstanceId) {
        return bareStep(processInstanceId, List.of());
    }

    /** A bare step by its assignee, authenticated with these groups. */
    private long bareStep(String processInstanceId, List<String> groups) {
        TaskService tasks = engine.getTaskService();
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        return timed(BARE_USER, groups, () -> tasks.complete(task.getId(), Map.of("more", true)));
    }

    private void completeBare(String processInstanceId) {
        TaskService tasks = engine.getTaskService();
        tasks.complete(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(),
                Map.of("more", true));
    }

    private long timed(String user, Runnable step) {
        return timed(user, groupsOf(user), step);
    }

    private long timed(String user, List<String> groups, Runnable step) {
        long[] took = new long[1];
        as(user, groups, () -> {
            long start = System.nanoTime();
            step.run();
            took[0] = System.nanoTime() - start;
        });
        return took[0];
    }

    /** Runs a step as the user, with their groups as the REST filters would set them (the school's among them). */
    private void asUser(String user, Runnable step) {
        as(user, groupsOf(user), step);
    }

    private List<String> groupsOf(String user) {
        return userGroups.computeIfAbsent(user, id -> engine.getIdentityService().createGroupQuery().groupMember(id)
                .list().stream().map(Group::getId).toList());
    }

    private void as(String user, List<String> groups, Runnable step) {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(user, groups);
        try {
            step.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Rows that steps wrote (inserted, updated, deleted), summed by kind of table: each step runs in one transaction
     * (the engine and the product join it) between two reads of PostgreSQL's {@code pg_stat_xact_user_tables},
     * which counts the transaction's own rows. Not counted on H2.
     */
    private final class RowCounts {
        private final Map<String, Long> byKind = new LinkedHashMap<>();
        /** Per statement text: its calls and PostgreSQL's time executing them (ms). */
        private final Map<String, double[]> statements = new TreeMap<>();
        private int steps;

        void add(Runnable step) {
            if (!postgres()) {
                step.run();
                return;
            }
            if (TRACE) {
                jdbc.sql("select pg_stat_statements_reset()").query().singleValue();
            }
            transactions.executeWithoutResult(status -> {
                Map<String, Long> before = rowsByTable();
                step.run();
                rowsByTable().forEach((table, rows) -> byKind.merge(kind(table),
                        rows - before.getOrDefault(table, 0L), Long::sum));
            });
            if (TRACE) {
                jdbc.sql("select calls, total_exec_time, query from pg_stat_statements where query not like '%pg_stat%'")
                        .query((java.sql.ResultSet rs) -> {
                            double[] seen = statements.computeIfAbsent(rs.getString(3).replaceAll("\\s+", " "),
                                    q -> new double[2]);
                            seen[0] += rs.getLong(1);
                            seen[1] += rs.getDouble(2);
                        });
            }
            steps++;
        }

        int steps() {
            return steps;
        }

        /** With -Dbench.trace (PostgreSQL with pg_stat_statements): the statements per step, as the database saw them. */
        void printStatements(String what) {
            if (statements.isEmpty()) {
                return;
            }
            line("  statements per %s step: %.1f, executed by PostgreSQL in %.2f ms (calls and ms per step):", what,
                    statements.values().stream().mapToDouble(n -> n[0]).sum() / steps,
                    statements.values().stream().mapToDouble(n -> n[1]).sum() / steps);
            statements.forEach((query, seen) -> line("    %5.1f %6.3f %s", seen[0] / steps, seen[1] / steps,
                    query.substring(0, Math.min(query.length(), 150))));
        }

        private Map<String, Long> rowsByTable() {
            Map<String, Long> rows = new LinkedHashMap<>();
            jdbc.sql("select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_xact_user_tables")
                    .query((java.sql.ResultSet rs) -> {
                        rows.put(rs.getString(1), rs.getLong(2));
                    });
            return rows;
        }

        private static String kind(String table) {
            if (table.startsWith("act_hi_")) {
                return "history";
            }
            if (table.equals("act_ge_bytearray")) {
                return "byte arrays";
            }
            return table.startsWith("act_") ? "runtime" : "product";
        }

        @Override
        public String toString() {
            if (steps == 0) {
                return "not counted (PostgreSQL only)";
            }
            long total = byKind.values().stream().mapToLong(x -> x).sum();
            StringBuilder text = new StringBuilder(String.format("%.1f (", (double) total / steps));
            byKind.forEach((kind, rows) -> text.append(String.format("%s %.1f, ", kind, (double) rows / steps)));
            return text.substring(0, text.length() - 2) + ")";
        }
    }

    private boolean postgres() {
        return System.getProperty("spring.profiles.active", "").contains("postgres");
    }

    // --- (b) a curator's Tasklist filters over the region -------------------------------------------------------

    /** The curator also works at the first generated school, so that their group's list is a school's, not empty. */
    private void joinGeneratedSchool(String user, String group) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identity.createMembership(user, group);
        }
        userGroups.remove(user);
    }

    private void regionFilters(long programme, List<Pair> school, Task staffTask) throws Exception {
        TaskService tasks = engine.getTaskService();
        Task mentorTask = reportTask(school.get(0));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(staffTask.getProcessInstanceId())
                .activityId(Deadlines.TIMER_REMIND).singleResult();
        RegionData region = new RegionData(jdbc);
        Duration took = region.grow(TASKS, mentorTask.getId(), school.get(0).mentorUserId(), staffTask.getId(),
                "curator", timer.getId(), Instant.now());
        line("Region: %d generated open tasks (%d schools), %d authorizations, %d task variables, %d pending timers "
                        + "(generated in %d s this run)", region.tasks(), region.tasks() / RegionData.TASKS_PER_SCHOOL,
                count("act_ru_authorization"), count("act_ru_variable where task_id_ is not null"),
                count("act_ru_job"), took.toSeconds());
        joinGeneratedSchool("curator", "curator.sb1");
        FilterService filters = engine.getFilterService();
        Map<String, String> measured = new LinkedHashMap<>();
        measured.put(AccessSetup.FILTER_GROUP_TASKS, AccessSetup.FILTER_GROUP_TASKS);
        measured.put(AccessSetup.FILTER_OFFERED_TO_ME, AccessSetup.FILTER_OFFERED_TO_ME);
        measured.put(AccessSetup.FILTER_OVERDUE, AccessSetup.FILTER_OVERDUE);
        measured.put("programme", programmes.get(programme).title());
        measured.put(AccessSetup.FILTER_MY_TASKS, AccessSetup.FILTER_MY_TASKS);
        ClockUtil.reset();
        line("Curator's Tasklist filters at %d open tasks (page of 15 by creation time, and the count), %d runs each "
                        + "after %d untimed:", tasks.createTaskQuery().count(), QUERY_RUNS, QUERY_WARM_UP);
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("curator:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> entry : measured.entrySet()) {
            Filter filter = filters.createFilterQuery().filterName(entry.getValue()).singleResult();
            List<Long> listTimes = new ArrayList<>();
            List<Long> countTimes = new ArrayList<>();
            long[] found = new long[1];
            for (int run = -QUERY_WARM_UP; run < QUERY_RUNS; run++) {
                long list = timed("curator", () -> filters.listPage(filter.getId(),
                        tasks.createTaskQuery().orderByTaskCreateTime().desc(), 0, 15));
                long count = timed("curator", () -> found[0] = filters.count(filter.getId()));
                if (run >= 0) {
                    listTimes.add(list);
                    countTimes.add(count);
                }
            }
            List<Long> both = new ArrayList<>();
            for (int i = 0; i < listTimes.size(); i++) {
                both.add(listTimes.get(i) + countTimes.get(i));
            }
            // As Tasklist asks: one HAL list that carries the count and the page's variables.
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/filter/"
                            + filter.getId() + "/list?firstResult=0&maxResults=15"))
                    .header("Authorization", basic).header("Accept", "application/hal+json")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\":[{\"sortBy\":\"created\","
                            + "\"sortOrder\":\"desc\"}]}")).build();
            List<Long> halTimes = new ArrayList<>();
            for (int run = 0; run < QUERY_RUNS / 4; run++) {
                long start = System.nanoTime();
                HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
                halTimes.add(System.nanoTime() - start);
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            }
            line("  %-20s %6d tasks | list p50 %6.1f p95 %6.1f | count p50 %6.1f p95 %6.1f | list+count p95 %6.1f ms"
                            + " | REST HAL list p50 %6.1f ms", entry.getKey(), found[0], p(listTimes, 50), p(listTimes, 95),
                    p(countTimes, 50), p(countTimes, 95), p(both, 95), p(halTimes, 50));
        }
    }

    // --- (c) reminders among the region's pending timers ---------------------------------------------------------

    /**
     * Moves the reminder timers of this run's school to a few seconds ahead, starts the job executor and the
     * outbox sender as a node runs them, and reads when each reminder was handed to SMTP (GreenMail).
     */
    private void reminders(List<Pair> school) throws Exception {
        ClockUtil.reset();
        ManagementService management = engine.getManagementService();
        Date now = new Date();
        // Timers of earlier runs' schools that are due by the real clock would fire with these; they wait a year.
        jdbc.sql("update act_ru_job set duedate_ = duedate_ + interval '1 year' where duedate_ <= :now")
                .param("now", new Timestamp(now.getTime() + 60_000)).update();
        List<Job> timers = new ArrayList<>();
        for (Pair pair : school) {
            Task task = reportTask(pair);
            management.createJobQuery().processInstanceId(task.getProcessInstanceId())
                    .activityId(Deadlines.TIMER_REMIND).list().forEach(timers::add);
            if (timers.size() >= REMINDERS) {
                break;
            }
        }
        Instant due = Instant.now().plusSeconds(5);
        for (Job job : timers) {
            management.setJobDuedate(job.getId(), Date.from(due));
        }
        jdbc.sql("delete from mail_outbox").update();
        mail.reset();
        JobExecutor executor = config().getJobExecutor();
        long pending = count("act_ru_job");
        executor.start();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    sender.deliverDue();
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // keep polling, as the product's poll does
                }
            }
        }, "bench-outbox");
        poller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        int expected = timers.size();
        while (System.nanoTime() < deadline && sent() < expected) {
            Thread.sleep(500);
        }
        executor.shutdown();
        poller.interrupt();
        poller.join();
        List<Long> lateness = jdbc.sql("select sent_at from mail_outbox where status = 'sent' and kind like '%remind%'")
                .query((rs, n) -> Duration.between(due, rs.getTimestamp(1).toInstant()).toNanos()).list();
        line("Reminders: %d timers due at once among %d pending timers; %d mails handed to SMTP (%d received), "
                        + "lateness p50 %.1f s p95 %.1f s max %.1f s (outbox polled every 1 s here; the product polls every "
                        + "nastavnik.mail.poll)", expected, pending, lateness.size(), mail.getReceivedMessages().length,
                p(lateness, 50) / 1000, p(lateness, 95) / 1000, lateness.stream().mapToLong(x -> x).max().orElse(0) / 1e9);
    }

    private int sent() {
        return jdbc.sql("select count(*) from mail_outbox where status in ('sent', 'unaddressed')").query(Integer.class)
                .single();
    }

    // --- the school ----------------------------------------------------------------------------------------------

    /** Imports {@code count} pupil mentors and mentees and fixes them as pairs on 1 December, as stage 5 does. */
    private List<Pair> fixPairs(long programme, int count) {
        List<String> rows = new ArrayList<>();
        String tag = TestParticipants.unique("");
        for (int i = 0; i < count; i++) {
            rows.add(TestPairs.pupil(TestParticipants.unique("Наставников") + " Пётр", true,
                    "m" + i + tag + "@school.test", "pm" + i + tag + "@mail.test"));
            rows.add(TestPairs.pupil(TestParticipants.unique("Ученикова") + " Анна", false,
                    "", "pa" + i + tag + "@mail.test"));
        }
        TestParticipants.importRows(port, programme, rows);
        List<Long> mentors = people(programme, "mentor");
        List<Long> mentees = people(programme, "mentee");
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            groups.put(mentors.get(i), List.of(mentees.get(i)));
        }
        clockAt(LocalDateTime.of(2026, 12, 1, 10, 0));
        return TestPairs.fix(orders, pairs, programme, groups);
    }

    private List<Long> people(long programme, String role) {
        return jdbc.sql("select person_id from programme_participant where programme_id = :p and role = :r "
                + "order by person_id").param("p", programme).param("r", role).query(Long.class).list();
    }

    // --- figures -------------------------------------------------------------------------------------------------

    private ProcessEngineConfigurationImpl config() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private long count(String tableAndWhere) {
        return jdbc.sql("select count(*) from " + tableAndWhere).query(Long.class).single();
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long usedHeapNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The percentile in milliseconds of durations in nanoseconds. */
    private static double p(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static double mean(List<Long> nanos) {
        return nanos.stream().mapToLong(x -> x).average().orElse(Double.NaN) / 1e6;
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }
}
