package ru.nastavnik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import ch.qos.logback.classic.Level;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the fast branch tests: one process's gateways, timers and messages on an in-memory engine
 * ({@code branch-tests.cfg.xml}) whose delegates, listeners and expression beans are Mockito mocks registered with
 * Camunda's {@link Mocks} (no Spring, no product database). A test class deploys its BPMN with {@code @Deployment},
 * registers its beans in a {@code @BeforeEach} and starts where the branch begins ({@code startBeforeActivity}).
 * The story tests ({@link IntegrationTest}) run the same processes inside the whole app.
 */
public abstract class ProcessBranchTest {

    /** The user task of a stub deployed in place of a called process. */
    protected static final String STUB_TASK = "Task_CalledProcessStub";

    /** The school day the tests start on (the clock is moved by the timers). */
    protected static final Date NOW = at(2026, 10, 1, 9);

    static {
        // Run alone, without Spring Boot's logging setup, logback would log the engine at DEBUG (seconds per
        // class); INFO as in the app.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    }

    /** One engine for all branch test classes, built on first use. */
    private static final ProcessEngine ENGINE = TestHelper.getProcessEngine("branch-tests.cfg.xml");

    /** Deploys a test's {@code @Deployment} and deletes it (with its instances) afterwards. */
    @RegisterExtension
    final ProcessEngineExtension deployments = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    /** What each delegate mock saw per call: the execution is live and moves on once the call returns. */
    private static final Map<JavaDelegate, List<Call>> CALLS = new IdentityHashMap<>();

    /** One call of a delegate: the element it ran for and the variables it could read then. */
    protected record Call(String activityId, Map<String, Object> variables) {
    }

    @BeforeEach
    void initAssertionsAndClock() {
        BpmnAwareTests.init(ENGINE);
        ClockUtil.setCurrentTime(NOW);
    }

    @AfterEach
    void forgetMocksAndClock() {
        Mocks.reset();
        CALLS.clear();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    protected static ProcessEngine engine() {
        return ENGINE;
    }

    protected static RuntimeService runtime() {
        return ENGINE.getRuntimeService();
    }

    protected static TaskService tasks() {
        return ENGINE.getTaskService();
    }

    protected static ManagementService management() {
        return ENGINE.getManagementService();
    }

    /** 9:00 etc. of a school day in the school's time zone. */
    protected static Date at(int year, int month, int day, int hour) {
        return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(IntegrationTest.SCHOOL_ZONE).toInstant());
    }

    /** A delegate bean that does nothing but record its calls. */
    protected static JavaDelegate delegate(String bean) {
        return delegate(bean, execution -> { });
    }

    /** A delegate bean with an effect on the process, e.g. the variables the real one sets. */
    protected static JavaDelegate delegate(String bean, Consumer<DelegateExecution> effect) {
        JavaDelegate delegate = mock(JavaDelegate.class, bean);
        List<Call> calls = new ArrayList<>();
        CALLS.put(delegate, calls);
        try {
            doAnswer(invocation -> {
                DelegateExecution execution = invocation.getArgument(0);
                calls.add(new Call(execution.getCurrentActivityId(), new HashMap<>(execution.getVariables())));
                effect.accept(execution);
                return null;
            }).when(delegate).execute(any());
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
        Mocks.register(bean, delegate);
        return delegate;
    }

    /** A delegate bean that sets these variables, as the real one does. */
    protected static JavaDelegate delegateSetting(String bean, Map<String, ?> variables) {
        return delegate(bean, execution -> execution.setVariables(variables));
    }

    protected static TaskListener taskListener(String bean) {
        TaskListener listener = mock(TaskListener.class, bean);
        Mocks.register(bean, listener);
        return listener;
    }

    /** A bean read by expressions (conditions, collections), e.g. a Mockito mock with stubbed methods. */
    protected static <T> T expressionBean(String bean, T object) {
        Mocks.register(bean, object);
        return object;
    }

    protected static List<Call> calls(JavaDelegate delegate) {
        return CALLS.get(delegate);
    }

    /** The elements the delegate ran for, in order. */
    protected static List<String> activitiesOf(JavaDelegate delegate) {
        return calls(delegate).stream().map(Call::activityId).toList();
    }

    /**
     * The variables of a dated task (notification.Deadlines): due on {@code due}, reminded a day before, escalated
     * two days after.
     */
    protected static Map<String, Object> deadline(Date due) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("itemDueDate", due);
        variables.put("itemFollowUpDate", due);
        variables.put("reminderAt", new Date(due.getTime() - 24 * 3600_000L));
        variables.put("escalationAt", new Date(due.getTime() + 48 * 3600_000L));
        return variables;
    }

    /** Deploys a process of one user task ({@link #STUB_TASK}) under the key of a called process. */
    protected void stubCalledProcess(String processKey) {
        deployments.manageDeployment(engine().getRepositoryService().createDeployment()
                .addModelInstance(processKey + ".bpmn", Bpmn.createExecutableProcess(processKey)
                        .camundaHistoryTimeToLive(1)
                        .startEvent().userTask(STUB_TASK).endEvent().done())
                .deploy());
    }

    /** The instances of a called process started by this one. */
    protected static List<ProcessInstance> calledBy(ProcessInstance parent) {
        return runtime().createProcessInstanceQuery().superProcessInstanceId(parent.getId()).list();
    }

    /** Finishes every stub the process has called and waits on. */
    protected static void finishCalledStubs(ProcessInstance parent) {
        for (ProcessInstance called : calledBy(parent)) {
            for (Task stub : tasks().createTaskQuery().processInstanceId(called.getId())
                    .taskDefinitionKey(STUB_TASK).list()) {
                tasks().complete(stub.getId());
            }
        }
    }

    /** The one open task of the instance at the element. */
    protected static Task taskAt(ProcessInstance instance, String taskId) {
        return tasks().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId).singleResult();
    }

    protected static void complete(ProcessInstance instance, String taskId, Map<String, Object> variables) {
        Task task = taskAt(instance, taskId);
        assertThat(task).as("open task %s", taskId).isNotNull();
        tasks().complete(task.getId(), variables);
    }

    /** The timer jobs of the element in the instance (one per instance of a multi-instance task). */
    protected static List<Job> timers(ProcessInstance instance, String timerId) {
        return management().createJobQuery().processInstanceId(instance.getId()).activityId(timerId).timers()
                .list();
    }

    /** The timer job of the element in the instance, asserted to be one. */
    protected static Job timer(ProcessInstance instance, String timerId) {
        List<Job> jobs = timers(instance, timerId);
        assertThat(jobs).as("timer %s", timerId).hasSize(1);
        return jobs.get(0);
    }

    /** Runs the element's one timer (see {@link #run}); returns the date it fired at. */
    protected static Date fire(ProcessInstance instance, String timerId) {
        return run(timer(instance, timerId));
    }

    /** Runs each timer of the element (of a multi-instance task); returns how many ran. */
    protected static int fireEach(ProcessInstance instance, String timerId) {
        List<Job> jobs = timers(instance, timerId);
        jobs.forEach(ProcessBranchTest::run);
        return jobs.size();
    }

    /**
     * Runs a timer as the job executor would: it is not due a minute before its date, and due at it. Returns the
     * date.
     */
    private static Date run(Job job) {
        Date due = job.getDuedate();
        ClockUtil.setCurrentTime(new Date(due.getTime() - 60_000));
        assertThat(management().createJobQuery().jobId(job.getId()).executable().count())
                .as("timer %s due before its date", job.getId()).isZero();
        ClockUtil.setCurrentTime(due);
        assertThat(management().createJobQuery().jobId(job.getId()).executable().count())
                .as("timer %s due at its date", job.getId()).isOne();
        management().executeJob(job.getId());
        return due;
    }
}
