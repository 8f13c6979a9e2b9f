package ru.nastavnik.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import ru.nastavnik.RestClient;
import ru.nastavnik.cluster.AppNode;

/**
 * One and two app nodes (separate JVMs, {@link AppNode}) on one PostgreSQL database (issue 14): how many user-task
 * steps per second client threads complete over the REST API spread over the nodes, and how fast the nodes' job
 * executors fire a burst of due timers (each a bare reminder: a timer that ends its instance). A fresh database
 * {@value #DB} each run. Not part of the build; see docs/operations.md:
 * {@code mvn -o test -Dtest=NodesBenchmark -Dbenchmark=true} (options {@code -Dbench.nodeSteps},
 * {@code -Dbench.nodeTimers}, {@code -Dbench.clients}).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class NodesBenchmark {

    private static final String SERVER = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DB = "bench_nodes";
    private static final int STEPS = Integer.getInteger("bench.nodeSteps", 600);
    private static final int TIMERS = Integer.getInteger("bench.nodeTimers", 2000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final String STEP_PROCESS = "bench-node-step";
    private static final String TIMER_PROCESS = "bench-node-timer";
    private static final String ADMIN_PASSWORD = "bench";

    private final ObjectMapper json = new ObjectMapper();
    private final StringBuilder report = new StringBuilder();

    @Test
    void printsTheThroughputOfOneAndTwoNodes() throws Exception {
        recreateDatabase();
        Path dir = Files.createDirectories(Path.of("target", "bench-nodes"));
        line("Nodes benchmark (%d CPUs, PostgreSQL %s%s, %d client threads)",
                Runtime.getRuntime().availableProcessors(), SERVER, DB, CLIENTS);
        AppNode first = AppNode.start(dir, "node1", nodeArguments()).awaitReady();
        try {
            deploy(first);
            measure("1 node ", List.of(first));
            AppNode second = AppNode.start(dir, "node2", nodeArguments()).awaitReady();
            try {
                measure("2 nodes", List.of(first, second));
            } finally {
                second.stop();
            }
        } finally {
            first.stop();
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "nodes-benchmark.txt"), report.toString());
    }

    private void measure(String label, List<AppNode> nodes) throws Exception {
        String phase = label.trim().replace(' ', '-');
        // Steps: STEPS open tasks, completed by CLIENTS threads, each call to the next node in turn.
        parallel(STEPS, i -> assertThat(client(nodes, i).post("/engine-rest/process-definition/key/" + STEP_PROCESS
                + "/start", "{}").statusCode()).isEqualTo(200));
        ConcurrentLinkedQueue<String> open = new ConcurrentLinkedQueue<>(taskIds(nodes.get(0)));
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        parallel(CLIENTS, client -> {
            for (String task = open.poll(); task != null; task = open.poll()) {
                long callStart = System.nanoTime();
                HttpResponse<String> done = client(nodes, calls.getAndIncrement())
                        .post("/engine-rest/task/" + task + "/complete", "{}");
                latencies.add(System.nanoTime() - callStart);
                assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        line("  %s steps: %d completed in %.1f s = %.0f steps/s (call p50 %.1f ms p95 %.1f ms)", label,
                latencies.size(), seconds, latencies.size() / seconds, p(latencies, 50), p(latencies, 95));

        // Timers: TIMERS instances wait on a timer far ahead, then all become due at once.
        String far = "{\"businessKey\":\"%s-%d\",\"variables\":{\"due\":{\"value\":\"2099-01-01T00:00:00\"}}}";
        parallel(TIMERS, i -> assertThat(client(nodes, i).post("/engine-rest/process-definition/key/"
                + TIMER_PROCESS + "/start", far.formatted(phase, i)).statusCode()).isEqualTo(200));
        Instant due = Instant.now().plusSeconds(3);
        try (Connection db = database(DB)) {
            update(db, "update act_ru_job set duedate_ = ? where process_def_key_ = ?", Timestamp.from(due),
                    TIMER_PROCESS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline && count(db, "select count(*) from act_ru_job where "
                    + "process_def_key_ = ?", TIMER_PROCESS) > 0) {
                Thread.sleep(100);
            }
            List<Long> lateness = new ArrayList<>();
            try (PreparedStatement ends = db.prepareStatement("select end_time_ from act_hi_procinst "
                    + "where business_key_ like ? and end_time_ is not null")) {
                ends.setString(1, phase + "-%");
                try (ResultSet rs = ends.executeQuery()) {
                    while (rs.next()) {
                        lateness.add(Duration.between(due, rs.getTimestamp(1).toInstant()).toNanos());
                    }
                }
            }
            double spread = lateness.stream().mapToLong(x -> x).max().orElse(0) / 1e9;
            line("  %s timers: %d of %d fired; lateness p50 %.1f s p95 %.1f s max %.1f s = %.0f timers/s", label,
                    lateness.size(), TIMERS, p(lateness, 50) / 1000, p(lateness, 95) / 1000, spread,
                    lateness.size() / spread);
        }
    }

    private List<String> taskIds(AppNode node) throws Exception {
        HttpResponse<String> tasks = RestClient.as(node.port(), "admin", ADMIN_PASSWORD)
                .get("/engine-rest/task?processDefinitionKey=" + STEP_PROCESS + "&maxResults=" + (STEPS * 2));
        List<String> ids = new ArrayList<>();
        for (JsonNode task : json.readTree(tasks.body())) {
            ids.add(task.get("id").asText());
        }
        return ids;
    }

    private static RestClient client(List<AppNode> nodes, int call) {
        return RestClient.as(nodes.get(call % nodes.size()).port(), "admin", ADMIN_PASSWORD);
    }

    /** A user task with one boundary timer, and a timer that fires at the instance's variable {@code due}. */
    private void deploy(AppNode node) {
        BpmnModelInstance step = Bpmn.createExecutableProcess(STEP_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Start_Step").userTask("Task_Step").name("Шаг").camundaAssignee("admin")
                .boundaryEvent("Timer_Step").timerWithDuration("P30D").endEvent("End_Timer")
                .moveToActivity("Task_Step").endEvent("End_Step").done();
        BpmnModelInstance timer = Bpmn.createExecutableProcess(TIMER_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Start_Timer").intermediateCatchEvent("Timer_Due").timerWithDate("${due}")
                .endEvent("End_Due").done();
        RestClient admin = RestClient.as(node.port(), "admin", ADMIN_PASSWORD);
        for (BpmnModelInstance model : List.of(step, timer)) {
            String id = model.getModelElementsByType(Process.class).iterator()
                    .next().getId();
            HttpResponse<String> deployed = admin.postMultipart("/engine-rest/deployment/create", id + ".bpmn",
                    Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        }
    }

    private static String[] nodeArguments() {
        return new String[] {"--spring.profiles.active=postgres", "--spring.datasource.url=" + SERVER + DB,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD, "--camunda.bpm.job-execution.enabled=true",
                "--nastavnik.mail.mode=log"};
    }

    private static void recreateDatabase() throws SQLException {
        try (Connection server = database("postgres")) {
            update(server, "drop database if exists " + DB);
            update(server, "create database " + DB);
        }
    }

    private static Connection database(String name) throws SQLException {
        return DriverManager.getConnection(SERVER + name, "postgres", "");
    }

    private static void update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private static long count(Connection db, String sql, String param) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, param);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private interface Work {
        void run(int index) throws Exception;
    }

    /** Runs {@code work(0..count-1)} on CLIENTS threads and waits for all; the first failure fails the run. */
    private static void parallel(int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    work.run(index);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The percentile in milliseconds of durations in nanoseconds. */
    private static double p(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }
}
