package ru.nastavnik;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import ru.nastavnik.security.AccessSetup;

/**
 * The Russian Tasklist in headless Chromium (Playwright), as the browser tests drive it: one browser per test class,
 * one browser context (own cookies) per logged-in user, and the Tasklist texts from locales/ru.json.
 *
 * <p>Needs Debian's Chromium at /usr/bin/chromium ({@code apt-get install -y chromium}); .ci/run installs it.
 */
final class Tasklist implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final String RU_LOCALE = "META-INF/resources/webjars/camunda/app/tasklist/locales/ru.json";
    static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    private final Playwright playwright;
    private final Browser browser;
    /** The Tasklist texts as locales/ru.json defines them: what the staff see, and what the tests look for. */
    private final JsonNode ru;
    private final List<BrowserContext> contexts = new ArrayList<>();

    private Tasklist(Playwright playwright, Browser browser, JsonNode ru) {
        this.playwright = playwright;
        this.browser = browser;
        this.ru = ru;
    }

    static Tasklist launch() {
        assertTrue(Files.isExecutable(CHROMIUM), "The browser test needs Debian's Chromium at " + CHROMIUM
                + ", but there is none. Install it with: sudo apt-get update && sudo apt-get install -y chromium");
        JsonNode ru;
        try (InputStream in = Tasklist.class.getClassLoader().getResourceAsStream(RU_LOCALE)) {
            assertThat(in).as("the Russian Tasklist locale on the classpath: %s", RU_LOCALE).isNotNull();
            ru = new ObjectMapper().readTree(in).path("labels");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        return new Tasklist(playwright, browser, ru);
    }

    /** A Tasklist text from locales/ru.json; it must be Russian, or the test is not testing the Russian UI. */
    String label(String key) {
        String text = ru.path(key).asText("");
        assertThat(text).as("ru.json label %s", key).isNotBlank().containsPattern(CYRILLIC);
        return text;
    }

    /**
     * A new browser session (own cookies), logged into Tasklist as the user, its clock at the school-local
     * {@code now} (as the engine's); waits for the filter list.
     */
    Page login(ProcessEngine engine, int port, String userId, String password, LocalDateTime now, ZoneId zone) {
        // Other tests try wrong passwords on purpose; with the engine clock frozen, Camunda's lock would last.
        engine.getIdentityService().unlockUser(userId);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("ru-RU")
                .setTimezoneId(zone.getId())
                .setViewportSize(1400, 900));
        contexts.add(context);
        // The browser's clock agrees with the engine's, so due dates read "через 1 месяц", not "2 months ago".
        context.clock().setFixedTime(Date.from(now.atZone(zone).toInstant()));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/");
        assertThat(page.locator("button[type=submit]")).hasText(label("PAGE_LOGIN_SIGN_IN_ACTION"));
        // The login page moves the focus to the user name while it settles (its autofocus directive), so text typed
        // into the password field can land in the user name; fill both again until each holds its own value.
        Locator username = page.locator("input[ng-model=username]");
        Locator passwordField = page.locator("input[ng-model=password]");
        assertThat(username).isFocused();
        for (int attempt = 0; attempt < 5; attempt++) {
            username.fill(userId);
            passwordField.fill(password);
            if (userId.equals(username.inputValue()) && password.equals(passwordField.inputValue())) {
                break;
            }
        }
        assertThat(username).hasValue(userId);
        assertThat(passwordField).hasValue(password);
        page.locator("button[type=submit]").click();
        try {
            assertThat(filter(page, AccessSetup.FILTER_GROUP_TASKS)).isVisible();
        } catch (AssertionError e) {
            throw new AssertionError("Tasklist login as " + userId + " did not show the task filters"
                    + " (see " + SCREENSHOTS.resolve("failure-*.png") + ")", e);
        }
        return page;
    }

    /** Opens a task by its address (shared users have other tests' tasks too) and claims it unless assigned. */
    private static final double SLOW_PAGE_MS = 45_000;

    Page openTask(Page page, int port, Task task) {
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/#/?task=" + task.getId());
        if (task.getAssignee() == null) {
            Locator claim = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label("CLAIM_TASK")));
            // Tasklist loads the task, its form and variables one after another: on a busy CI machine that has
            // taken longer than the usual 15 s.
            claim.click(new Locator.ClickOptions().setTimeout(SLOW_PAGE_MS));
            assertThat(claim).isHidden();
        }
        return page;
    }

    /** «Завершить», once Tasklist has loaded the form and its variables (it resets a value typed earlier). */
    Locator completeButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label("COMPLETE")).setExact(true));
    }

    /** Completes the open task with «Завершить»; Tasklist then closes it (it has no "completed" notification). */
    void complete(Page page, Task task, ProcessEngine engine) {
        Locator complete = completeButton(page);
        assertThat(complete).isEnabled();
        // What the server answered to the submit (and any refused call), for a refusal whose notification says no more.
        List<Response> answers = new ArrayList<>();
        Consumer<Response> submitted = response -> {
            if (response.status() >= 400 || response.url().contains("/task/" + task.getId() + "/")
                    && "POST".equals(response.request().method())) {
                answers.add(response);
            }
        };
        page.onResponse(submitted);
        complete.click();
        Locator refused = notification(page, label("COMPLETE_ERROR"));
        try {
            assertThat(page).not().hasURL(Pattern.compile("task=" + task.getId()));
        } catch (AssertionError e) {
            throw new AssertionError("Tasklist did not complete the task «" + task.getName() + "»"
                    + (refused.count() > 0 ? ": " + refused.first().innerText() : "") + "; engine answered "
                    + answers.stream().map(a -> a.status() + " " + a.url() + " " + bodyOf(a)).toList(), e);
        } finally {
            page.offResponse(submitted);
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    private static String bodyOf(Response response) {
        try {
            return response.text();
        } catch (PlaywrightException unreadable) {
            return "(no body: " + unreadable.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    /** «Запустить процесс» from Tasklist's start page, then the process by its name; waits for its start form. */
    Page openStartForm(Page page, int port, String processName) {
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/");
        page.getByText(label("START_PROCESS")).click();
        page.locator(".modal").getByText(processName, new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator(".modal .fjs-form")).isVisible();
        return page;
    }

    /** «Запустить» in the start form's dialog; Tasklist confirms with a notification. */
    void start(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label("START")).setExact(true)).click();
        Locator refused = notification(page, label("PROCESS_START_ERROR"));
        try {
            assertThat(notification(page, label("PROCESS_START_OK"))).isVisible();
        } catch (AssertionError e) {
            throw new AssertionError("Tasklist did not start the process"
                    + (refused.count() > 0 ? ": " + refused.first().innerText() : ""), e);
        }
    }

    /** A filter in Tasklist's left column, e.g. «Предложены мне». */
    static Locator filter(Page page, String name) {
        return page.locator(".task-filter .name a", new Page.LocatorOptions().setHasText(name));
    }

    /** A Tasklist notification (top right) with the given status text. */
    static Locator notification(Page page, String status) {
        return page.locator(".notifications .alert", new Page.LocatorOptions().setHasText(status));
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Keeps what each browser showed when a test failed, as target/screenshots/failure-*.png. */
    void screenshotOpenPages(String prefix) {
        int n = 0;
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                try {
                    screenshot(page, prefix + "-" + (++n));
                } catch (RuntimeException ignored) {
                    // the failure itself matters more than its picture
                }
            }
        }
    }

    /** Logs every user out: closes their browser sessions. */
    void closeSessions() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void close() {
        closeSessions();
        browser.close();
        playwright.close();
    }
}
