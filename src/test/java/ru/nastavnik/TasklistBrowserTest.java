package ru.nastavnik;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.PrepareStage;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapItemProcess;
import ru.nastavnik.security.AccessSetup;
import ru.nastavnik.security.Groups;

/**
 * Stage 1 of a programme as the school does it, in a real browser (headless Chromium through Playwright): the
 * curator starts the programme from the Tasklist start form, works a roadmap item in the Russian Tasklist
 * (claim, fill the Camunda Form, complete), the deputy director finishes the other stage 1 items, and the
 * director approves the roadmap, after which the programme waits in stage 2.
 *
 * <p>Needs Debian's Chromium (see {@link Tasklist}).
 */
class TasklistBrowserTest extends BrowserTest {

    private static final String CURATOR = "curator.browser";

    static final Path SCREENSHOTS = Tasklist.SCREENSHOTS;
    /** School-local "now" for the engine and the browser: stage 1 (October) is not due yet. */
    static final LocalDateTime SCHOOL_NOW = LocalDateTime.of(2026, 9, 15, 10, 0);
    static final Pattern CE_BANNER = Pattern.compile("Camunda 8|migrate", Pattern.CASE_INSENSITIVE);

    @Autowired
    ProgrammeService programmes;

    @Autowired
    TaskService taskService;

    @Autowired
    PairOrders pairOrders;

    @AfterEach
    void closeContexts() {
        tasklist.closeSessions();
    }

    @Test
    void curatorWorksRoadmapItemAndDirectorApprovesRoadmap() throws IOException {
        try {
            schoolWorksStageOne();
        } catch (AssertionError | RuntimeException e) {
            screenshotOpenPages("failure");
            throw e;
        }
    }

    @Test
    void directorOpensTheOrderFromTasklistReturnsItOnceThenApprovesIt() throws IOException {
        try {
            directorDecidesOnThePairOrder();
        } catch (AssertionError | RuntimeException e) {
            screenshotOpenPages("failure-order");
            throw e;
        }
    }

    /**
     * A date typed in another format or a date that does not exist is refused with a Russian message under the
     * field; the field never holds some other date that flatpickr made of the text.
     */
    @Test
    void aDateFieldRefusesTextThatIsNotADate() throws IOException {
        try {
            clockAt(SCHOOL_NOW);
            Files.createDirectories(SCREENSHOTS);
            long programme = startProgrammeOverApi("Школа " + UUID.randomUUID().toString().substring(0, 8),
                    "pupil-pupil");
            Page curator = openTask(login("curator"), roadmapTask(ProgrammeProcess.businessKey(programme), "1.1 "));
            Locator doneOn = curator.getByLabel("Выполнено (дата)");
            Locator error = formField(curator, "Выполнено (дата)").locator(".fjs-form-field-error",
                    new Locator.LocatorOptions().setHasText("ДД.ММ.ГГГГ"));
            assertThat(curator.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName(label("COMPLETE")).setExact(true))).isEnabled();
            for (String notADate : List.of("2026-11-28", "31.02.2026", "1.1.26")) {
                doneOn.fill(notADate);
                doneOn.blur();
                assertThat(error).hasText("Введите дату как ДД.ММ.ГГГГ, например 28.11.2026.");
                assertThat(doneOn).not().hasValue(Pattern.compile("\\d\\d\\.\\d\\d\\.\\d{4}"));
            }
            curator.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tasklist-date-refused.png"))
                    .setFullPage(true));
            doneOn.fill("14.09.2026");
            doneOn.blur();
            assertThat(doneOn).hasValue("14.09.2026");
            assertThat(error).hasCount(0);
        } catch (AssertionError | RuntimeException e) {
            screenshotOpenPages("failure-date");
            throw e;
        }
    }

    /** The product has no tenants: the task search offers no tenant criteria (rendered, but hidden). */
    @Test
    void theTaskSearchOffersNoTenantCriteria() {
        Page page = login("deputy");
        page.locator("[cam-widget-search] input.main-field").click();
        Locator criteria = page.locator("[cam-widget-search] .uib-typeahead-match");
        assertThat(criteria.first()).isVisible();
        for (String key : List.of("TENANT_ID", "WITHOUT_TENANT_ID")) {
            Locator tenant = criteria.filter(new Locator.FilterOptions().setHasText(label(key)));
            assertThat(tenant).hasCount(1);
            assertThat(tenant).isHidden();
        }
    }

    /** Stage 5 up to the director's task through the engine; the director's part in the real Tasklist. */
    private void directorDecidesOnThePairOrder() throws IOException {
        clockAt(SCHOOL_NOW);
        Files.createDirectories(SCREENSHOTS);
        // Not only when the stage 1 test has run before this one.
        ensureUser(CURATOR, Groups.CURATOR);
        long programme = startProgrammeOverApi("Школа " + UUID.randomUUID().toString().substring(0, 8),
                "teacher-teacher");
        joinSchool(programme, CURATOR, Groups.CURATOR);
        String mentor = TestParticipants.unique("Опытнова") + " Галина Петровна";
        String mentee = TestParticipants.unique("Молодцова") + " Дарья Ивановна";
        TestParticipants.importRows(port, programme, List.of(
                TestParticipants.mentor(mentor, "galina." + UUID.randomUUID() + "@school.test"),
                TestParticipants.mentee(mentee)));
        String businessKey = ProgrammeProcess.businessKey(programme);
        engine.getRuntimeService().startProcessInstanceByKey("programme-stage-5-pairs", businessKey,
                Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), programme, TaskPeople.CURATOR_ID.name(), "curator"));
        complete(stageTask(businessKey, "Task_RecordGroupMeeting"), "curator", Map.of("groupMeetingDate", "2026-09-14"));
        // The preference questionnaires as a file: the task's form links to the upload page, as in stage 2.
        Task preferences = stageTask(businessKey, "Task_EnterPreferences");
        Page curator = openTask(login(CURATOR), preferences);
        Locator uploadLink = curator.locator(".fjs-form a", new Page.LocatorOptions()
                .setHasText("откройте страницу загрузки анкет предпочтений"));
        assertThat(uploadLink).hasAttribute("href", "/preferences/import?programme=" + programme);
        Page uploadPage = openLink(curator, uploadLink, "**/preferences/import**");
        assertThat(uploadPage.locator("h1")).hasText("Загрузка анкет предпочтений");
        uploadPage.getByLabel("Файл с анкетами предпочтений").setInputFiles(
                new com.microsoft.playwright.options.FilePayload("предпочтения.csv", "text/csv",
                        ("ФИО;Хочу в пару с;Не хочу в пару с\r\n" + mentee + ";" + mentor + ";")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        uploadPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Загрузить анкеты предпочтений"))
                .click();
        assertThat(uploadPage.locator(".ok")).containsText("загружен");
        assertThat(uploadPage.locator("#participants")).hasText("1");
        assertThat(uploadPage.locator("#preferred")).hasText("1");
        complete(preferences, CURATOR, Map.of("preferencesDecision", "done"));
        complete(stageTask(businessKey, "Task_ReviewPairProposal"), "curator", Map.of("pairReviewDecision", "send"));

        // The director reads the draft order before taking the task: «открыть PDF» opens it beside the task
        // (Tasklist lays a click-catching overlay over an unclaimed task's form; the links are above it).
        Task approval = stageTask(businessKey, "Task_ApprovePairOrder");
        Page director = showTask(login("director"), approval);
        Locator table = director.locator(".fjs-form table");
        assertThat(table).containsText(mentor);
        assertThat(table).containsText(mentee);
        Locator pdfLink = director.locator(".fjs-form a", new Page.LocatorOptions().setHasText("открыть PDF"));
        String pdfUrl = pdfLink.getAttribute("href");
        assertThat(pdfUrl).endsWith(".pdf");
        List<com.microsoft.playwright.Response> pdfAnswers = new CopyOnWriteArrayList<>();
        director.context().onResponse(response -> {
            if (response.url().endsWith(pdfUrl)) {
                pdfAnswers.add(response);
            }
        });
        Page pdfPage = director.waitForPopup(pdfLink::click);
        pdfPage.waitForCondition(() -> !pdfAnswers.isEmpty());
        // The new page's own navigation fetched the PDF (headless Chromium reports no URL for its PDF viewer page).
        com.microsoft.playwright.Response opened = pdfAnswers.get(0);
        assertThat(opened.request().isNavigationRequest()).isTrue();
        org.assertj.core.api.Assertions.assertThat(opened.frame().page()).as("the page that fetched the PDF").isSameAs(pdfPage);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.headerValue("content-type")).isEqualTo("application/pdf");
        assertThat(director).hasURL(Pattern.compile("task=" + approval.getId()));
        director.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tasklist-director-order-unclaimed.png"))
                .setFullPage(true));
        pdfPage.close();
        claim(director);
        String server = "http://localhost:" + port;
        com.microsoft.playwright.APIResponse pdf = director.context().request().get(server + pdfUrl);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        com.microsoft.playwright.APIResponse docx = director.context().request()
                .get(server + director.locator(".fjs-form a", new Page.LocatorOptions().setHasText("скачать DOCX"))
                        .getAttribute("href"));
        assertThat(docx.status()).isEqualTo(200);

        // Returned once with a comment: the curator's review comes back with it.
        director.getByLabel("Вернуть куратору на доработку").check();
        director.getByLabel("Комментарий для куратора").fill("Проверьте нагрузку наставника");
        director.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tasklist-director-order.png"))
                .setFullPage(true));
        completeInTasklist(director, approval);
        Task review = stageTask(businessKey, "Task_ReviewPairProposal");
        assertThat(taskService.getVariable(review.getId(), "orderReturnComment")).isEqualTo("Проверьте нагрузку наставника");
        complete(review, "curator", Map.of("pairReviewDecision", "send"));

        // The second time the director first tries to return it without a comment, is refused, and approves:
        // the refusal must not keep «Завершить» disabled (form-js kept the hidden comment's error).
        Task second = stageTask(businessKey, "Task_ApprovePairOrder");
        Page again = openTask(director, second);
        Locator complete = again.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(label("COMPLETE")).setExact(true));
        assertThat(complete).isEnabled();
        again.getByLabel("Вернуть куратору на доработку").check();
        complete.click();
        Locator refusal = notification(again, label("COMPLETE_ERROR"));
        assertThat(refusal).isVisible();
        assertThat(formField(again, "Комментарий для куратора").locator(".fjs-form-field-error"))
                .hasText("Обязательное поле.");
        assertThat(complete).isDisabled();
        again.getByLabel("Утвердить распоряжение").check();
        assertThat(again.getByLabel("Комментарий для куратора")).isHidden();
        again.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tasklist-director-order-approve.png"))
                .setFullPage(true));
        assertThat(taskService.createTaskQuery().taskId(second.getId()).count()).isOne();
        // The notification lies over «Завершить».
        refusal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("×")).click();
        completeInTasklist(again, second);
        long orderId = ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(second.getProcessInstanceId()).variableName("pairOrderId").singleResult()
                .getValue()).longValue();
        assertThat(pairOrders.get(programme, orderId).number()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("mentorship-pair")
                .variableValueEquals(ProgrammeProcess.VAR_PROGRAMME_ID.name(), programme).count()).isOne();
    }

    private Task stageTask(String businessKey, String key) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        return task;
    }

    private Page openTask(Page page, Task task) {
        return tasklist.openTask(page, port, task);
    }

    /** Opens a task by its address without claiming it; waits for its form. */
    private Page showTask(Page page, Task task) {
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/#/?task=" + task.getId());
        assertThat(page.locator(".fjs-form")).isVisible();
        return page;
    }

    private Page claim(Page page) {
        Locator claim = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label("CLAIM_TASK")));
        claim.click();
        assertThat(claim).isHidden();
        return page;
    }

    private void completeInTasklist(Page page, Task task) {
        tasklist.complete(page, task, engine);
    }

    private void schoolWorksStageOne() throws IOException {
        clockAt(SCHOOL_NOW);
        Files.createDirectories(SCREENSHOTS);
        // A curator of its own: the shared "curator" is offered the tasks of every other test's programme, which
        // would push this programme's tasks off Tasklist's first page.
        ensureUser(CURATOR, Groups.CURATOR);

        // The curator logs in: the Tasklist speaks Russian, and there is no "migrate to Camunda 8" banner.
        Page curator = login(CURATOR);
        assertThat(curator.getByText(label("START_PROCESS"))).isVisible();
        assertThat(curator.locator(".ce-eol-banner")).isHidden();
        assertThat(curator.getByText(CE_BANNER)).isHidden();

        // ... and starts the programme from the start form.
        String school = "Школа № " + UUID.randomUUID().toString().substring(0, 8);
        curator.getByText(label("START_PROCESS")).click();
        curator.locator(".modal").getByText("Программа наставничества", new Locator.GetByTextOptions().setExact(true))
                .click();
        curator.getByLabel("Образовательная организация").fill(school);
        curator.getByLabel("Учебный год").fill("2026/2027");
        curator.getByLabel("Ученик – ученик").check();
        curator.getByLabel("Логин куратора программы").fill(CURATOR);
        curator.getByLabel("Логин заместителя директора (необязательно)").fill("deputy");
        curator.getByLabel("Логин директора (необязательно)").fill("director");
        curator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label("START")).setExact(true))
                .click();
        assertThat(notification(curator, label("PROCESS_START_OK"))).isVisible();

        Programme programme = programmes.list().stream().filter(p -> p.schoolName().equals(school)).findFirst()
                .orElseThrow(() -> new AssertionError("The start form did not register the programme " + school));
        String businessKey = ProgrammeProcess.businessKey(programme.id());
        Task item11 = roadmapTask(businessKey, "1.1 ");

        // Stage 1 items are offered to the programme's curator personally.
        filter(curator, AccessSetup.FILTER_OFFERED_TO_ME).click();
        Locator item11InList = taskInList(curator, item11);
        assertThat(item11InList).hasText(Pattern.compile("^\\s*1\\.1 "));
        curator.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tasklist-curator.png")));

        // The curator opens 1.1, takes it and finds it under "Мои задачи".
        item11InList.click();
        Locator claim = curator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label("CLAIM_TASK")));
        claim.click();
        assertThat(claim).isHidden();
        assertThat(taskService.createTaskQuery().taskId(item11.getId()).singleResult().getAssignee())
                .isEqualTo(CURATOR);
        filter(curator, AccessSetup.FILTER_MY_TASKS).click();
        taskInList(curator, item11).click();
        Locator taskHeading = curator.locator(".task-card h2.task");
        assertThat(taskHeading).hasText(Pattern.compile("^\\s*1\\.1 "));

        // The form refuses to complete without the required «Результат», in the browser: nothing is sent.
        List<String> submits = new CopyOnWriteArrayList<>();
        curator.onRequest(request -> {
            if (request.url().contains("/submit-form")) {
                submits.add(request.url());
            }
        });
        Locator doneOn = curator.getByLabel("Выполнено (дата)");
        Locator result = curator.getByLabel("Результат");
        Locator complete = curator.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(label("COMPLETE")).setExact(true));
        // Tasklist enables the button once the form and its variables are loaded; a value typed earlier is reset.
        assertThat(complete).isEnabled();
        doneOn.fill("15.09.2026");
        doneOn.blur();
        assertThat(doneOn).hasValue("15.09.2026");
        complete.click();
        Locator refusal = notification(curator, label("COMPLETE_ERROR"));
        assertThat(refusal).isVisible();
        assertThat(formField(curator, "Результат").locator(".fjs-form-field-error")).hasText("Обязательное поле.");
        assertThat(submits).as("form submissions sent to the server").isEmpty();
        assertThat(taskService.createTaskQuery().taskId(item11.getId()).count())
                .as("1.1 still open after the refused form").isEqualTo(1);
        refusal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("×")).click();
        assertThat(refusal).hasCount(0);

        // With the result written, it completes and leaves the curator's list.
        result.fill("Педагоги проинформированы на педсовете 15.09.2026, протокол № 1.");
        curator.getByLabel("Комментарий").fill("Презентация программы разослана по почте.");
        taskHeading.scrollIntoViewIfNeeded();
        curator.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tasklist-curator-task.png")));
        complete.click();
        // Tasklist closes a completed task (it has no "completed" notification).
        assertThat(curator).not().hasURL(Pattern.compile("task=" + item11.getId()));
        assertThat(submits).hasSize(1);
        assertThat(taskInList(curator, item11)).hasCount(0);
        assertThat(taskService.createTaskQuery().taskId(item11.getId()).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(item11.getProcessInstanceId()).variableName("doneOn").singleResult().getValue())
                .as("the date picked in the form").isEqualTo("2026-09-15");

        // The deputy director reports the other stage 1 items (through the engine, to keep the test short).
        loginAs("deputy");
        List<Task> rest = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM).list();
        assertThat(rest).extracting(Task::getName).allMatch(name -> name.startsWith("1.")).hasSize(3);
        for (Task task : rest) {
            taskService.claim(task.getId(), "deputy");
            taskService.complete(task.getId(), Map.of("doneOn", "2026-09-15",
                    "result", "Проведено, материалы в папке программы"));
        }
        engine.getIdentityService().clearAuthentication();

        // The director approves the roadmap in their own browser session.
        Task approval = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(PrepareStage.TASK_APPROVE_ROADMAP).singleResult();
        assertThat(approval).as("the director's approval task").isNotNull();
        Page director = login("director");
        filter(director, AccessSetup.FILTER_GROUP_TASKS).click();
        Locator approvalInList = taskInList(director, approval);
        assertThat(approvalInList).hasText(Pattern.compile("Утвердить дорожную карту"));
        approvalInList.click();
        Locator directorClaims = director.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(label("CLAIM_TASK")));
        directorClaims.click();
        assertThat(directorClaims).isHidden();
        Locator roadmapTable = director.locator(".fjs-form table");
        assertThat(roadmapTable).containsText("Информирование педагогов школы");
        assertThat(roadmapTable.locator("tr", new Locator.LocatorOptions().setHasText("1.1")).first())
                .containsText("выполнен");
        director.getByLabel("Утвердить дорожную карту").check();
        director.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tasklist-director.png")));
        director.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label("COMPLETE")).setExact(true))
                .click();
        assertThat(director).not().hasURL(Pattern.compile("task=" + approval.getId()));
        assertThat(taskInList(director, approval)).hasCount(0);

        // The programme has moved on to stage 2, whose roadmap tasks are open.
        ProcessInstance main = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(programme.processInstanceId()).singleResult();
        assertThat(main.getProcessDefinitionId()).startsWith(ProgrammeProcess.PROCESS_ID + ":");
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_Stage2MenteeBase");
        assertThat(programmes.get(programme.id()).roadmapApprovedAt()).isNotNull();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM).list())
                .extracting(Task::getName).isNotEmpty().allMatch(name -> name.startsWith("2."));

        // Stage 2: the curator opens «Загрузить анкеты наставляемых»; its form links to the upload page (Camunda
        // Forms have no file picker), where the curator uploads a CSV file and sees the result.
        Task upload = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey("Task_UploadQuestionnaires").singleResult();
        assertThat(upload).as("the stage 2 upload task").isNotNull();
        // Opened by its address: other tests' programmes may push it off the first page of the curator's list.
        curator.navigate("http://localhost:" + port + "/camunda/app/tasklist/#/?task=" + upload.getId());
        Locator claimUpload = curator.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(label("CLAIM_TASK")));
        claimUpload.click();
        assertThat(claimUpload).isHidden();
        Locator uploadLink = curator.locator(".fjs-form a", new Page.LocatorOptions()
                .setHasText("откройте страницу загрузки анкет"));
        assertThat(uploadLink).hasAttribute("href", "/participants/import?programme=" + programme.id());
        curator.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tasklist-upload-task.png")));
        Page uploadPage = openLink(curator, uploadLink, "**/participants/import**");
        assertThat(uploadPage.locator("h1")).hasText("Загрузка анкет участников");
        assertThat(uploadPage.getByText("Скачать шаблон анкет (XLSX)")).isVisible();
        String pupil = TestParticipants.unique("Семёнов") + " Пётр";
        byte[] csv = String.join("\r\n", TestParticipants.HEADER, pupil + ";05.03.2013;Ученик;7 б;;;;;Наставляемый;"
                + "Ученик – ученик;Успеваемость;;;;;;;;;;Да;;Семёнова Анна Петровна;anna.semenova@mail.ru")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        uploadPage.getByLabel("Файл с анкетами").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "анкеты.csv", "text/csv", csv));
        uploadPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Загрузить анкеты")).click();
        assertThat(uploadPage.locator(".ok")).containsText("загружен");
        assertThat(uploadPage.locator("#imported")).hasText("1");
        uploadPage.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("upload-page.png"))
                .setFullPage(true));
        assertThat(RestClient.as(port, CURATOR, PASSWORD).get("/api/programmes/" + programme.id() + "/participants")
                .body()).contains(pupil);
    }

    /** Follows a link from a Camunda Form: form-js renders Markdown links without a target, so the same tab. */
    private static Page openLink(Page page, Locator link, String url) {
        link.click();
        page.waitForURL(url);
        page.waitForLoadState();
        return page;
    }

    private void screenshotOpenPages(String prefix) {
        tasklist.screenshotOpenPages(prefix);
    }

    private Page login(String userId) {
        return tasklist.login(engine, port, userId, PASSWORD, SCHOOL_NOW, SCHOOL_ZONE);
    }

    private static Locator filter(Page page, String name) {
        return Tasklist.filter(page, name);
    }

    private static Locator notification(Page page, String status) {
        return Tasklist.notification(page, status);
    }

    /** A Camunda Form field (label, input, errors) by its label. */
    private static Locator formField(Page page, String label) {
        return page.locator(".fjs-form-field", new Page.LocatorOptions().setHas(page.getByText(label)));
    }

    /** The task's entry in the task list of the filter shown; a link that carries the task id. */
    private static Locator taskInList(Page page, Task task) {
        return page.locator(".tasks-list a[href='#/?task=" + task.getId() + "']");
    }

    private Task roadmapTask(String businessKey, String namePrefix) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM).list().stream()
                .filter(t -> t.getName().startsWith(namePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("No open roadmap task " + namePrefix + "for " + businessKey));
    }

    private static String label(String key) {
        return tasklist.label(key);
    }
}
