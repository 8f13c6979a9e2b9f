package ru.nastavnik;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.shared.ProcessVariables;

/**
 * Every Camunda Form of forms/ as the staff use it: reached through its process, opened in the Russian Tasklist
 * (real Chromium) by the role that gets it, every field filled with a realistic sample value (several values in
 * every checklist and taglist), submitted with «Завершить»; then the task must be completed and each value stored
 * as submitted. A form without sample values fails {@link #everyFormHasSampleValuesForEveryField()}.
 */
class FormWalkTest extends IntegrationTest {

    /** School-local "now" for the engine and the browser; dates in «not after today» fields lie before it. */
    static final LocalDateTime SCHOOL_NOW = LocalDateTime.of(2026, 9, 15, 10, 0);
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** Indices into a field's options variable ({@code valuesKey}), whose values the process sets at run time. */
    record Pick(List<Integer> indices) {
        static Pick of(Integer... indices) {
            return new Pick(List.of(indices));
        }
    }

    /** How a form is reached: the open task it belongs to, made for a fresh process of the test's own. */
    interface Route {
        Task reach(FormWalkTest test);
    }

    /**
     * A form's sample: who gets it, how it is reached ({@code null}: not walked yet), the value of every field, and
     * the fields the sample's choices hide (form-js submits nothing for them).
     */
    record Sample(String role, Route route, Map<String, Object> values, Set<String> hidden) {
    }

    private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

    private static void sample(String form, String role, Route route, Set<String> hidden, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        SAMPLES.put(form, new Sample(role, route, values, hidden));
    }

    static {
        // Stage 5: the forms with options the process sets (checklists, taglists, selects).
        sample("pairs-group-meeting", "curator", t -> t.stageFiveTask("Task_RecordGroupMeeting", false), Set.of(),
                "groupMeetingDate", "2026-09-14",
                "groupMeetingAttendees", Pick.of(0, 1, 2, 4),
                "groupMeetingComment", "Знакомство пар: презентация программы, игра «Два факта о себе».");
        sample("pairs-preferences", "curator", t -> t.stageFiveTask("Task_EnterPreferences", true),
                Set.of("wishedMentees", "avoidMentees"),
                // Options list the mentees first: the first participant is a mentee, who names mentors.
                "preferencesPerson", Pick.of(0),
                "wishedMentors", Pick.of(2, 0),
                "avoidMentors", Pick.of(1),
                "preferencesDecision", "more");
        sample("pairs-review", "curator", null, Set.of(),
                "pairReviewDecision", "rerun", "pinnedPairs", Pick.of(0), "forbiddenPairs", Pick.of(1),
                "swapMenteeA", Pick.of(0), "swapMenteeB", Pick.of(1), "assignMentee", Pick.of(0), "assignMentor", Pick.of(2));
        sample("pairs-order-approval", "director", null, Set.of(),
                "pairOrderDecision", "return", "orderReturnComment", "Уточните нагрузку наставника Опытновой.");
        // Stage 4.
        sample("interview-mentor-candidate", "deputy", null, Set.of(),
                "interviewCriteria", List.of("leadership", "communication", "motivation"),
                "interviewDecision", "passed", "interviewComment", "Готова вести двух молодых специалистов.");
        sample("mentor-training", "deputy", null, Set.of(),
                "trainingAttended", Pick.of(0, 1), "trainingNote", "Школа наставника, 3 занятия, эксперт — методист ИРО.");
        // The programme and its stages 1–3, 6 and 7.
        sample("start-programme", "curator", null, Set.of(),
                "schoolName", "МБОУ СОШ № 7", "schoolYear", "2026/2027", "startDate", "2026-09-15",
                "forms", List.of("pupil-pupil", "teacher-teacher"), "curatorId", "curator");
        sample("roadmap-item", "curator", null, Set.of(),
                "doneOn", "2026-09-14", "result", "Педагоги проинформированы на педсовете, протокол № 1.",
                "comment", "Презентация разослана по почте.", "attachments", "https://school7.example/protokol-1.pdf");
        sample("approve-roadmap", "director", null, Set.of(),
                "roadmapDecision", "return", "roadmapComment", "Сдвиньте групповую встречу на ноябрь.");
        sample("revise-roadmap", "curator", null, Set.of(),
                "revisionItemCode", Pick.of(0), "revisionStartDate", "2026-11-02", "revisionDueDate", "2026-11-20",
                "submitForApproval", true);
        sample("upload-questionnaires", "curator", null, Set.of(),
                "collectionNote", "Анкеты собраны классными руководителями 5–9 классов.");
        sample("analyse-mentee-base", "curator", null, Set.of(),
                "baseConclusion", "Основные запросы — успеваемость и адаптация; двух согласий не хватает.");
        sample("analyse-mentor-base", "curator", null, Set.of(),
                "baseConclusion", "Наставников по физике не хватает; привлечь выпускников.");
        sample("group-final-meeting", "curator", null, Set.of(),
                "finalMeetingDate", "2026-09-14", "finalMeetingAttendance", "18",
                "finalMeetingSummary", "Пары рассказали о результатах; лучшие получили грамоты.");
        sample("satisfaction-survey", "curator", null, Set.of(),
                "surveyConclusion", "Большинство участников удовлетворены; просят больше встреч.");
        // A pair's year.
        sample("report-pair-meeting", "mentor1", null, Set.of("newPlannedOn", "moveReason"),
                "meetingOutcome", "held", "heldOn", "2026-09-14", "durationMinutes", "45", "meetingFormat", "in_person",
                "meetingTopics", "Цели на четверть", "meetingAgreed", "Еженедельные консультации по математике",
                "attendedMentees", Pick.of(0, 1), "planRequests", Pick.of(0, 1), "planGoals", "Подтянуть алгебру до «4»",
                "planFrequency", "weekly", "planItems", "Разобрать темы 1–3 к 1 октября");
        sample("mentor-pair-feedback", "mentor1", null, Set.of(),
                "feedbackSatisfaction", "4", "feedbackProgress", "3", "feedbackWorked", "Регулярные встречи",
                "feedbackDifficulties", "Мало времени после уроков", "feedbackSuggestions", "Больше онлайн-встреч");
        sample("request-mentor-replacement", "curator", null, Set.of(),
                "pairId", "1", "requestedBy", "representative", "menteeId", "2",
                "replacementReason", "Наставник переходит в другую школу.");
        sample("decide-mentor-replacement", "director", null, Set.of(),
                "replacementDecision", "reject", "refusalReason", "До конца четверти пара работает как есть.");
        sample("pick-new-mentor", "curator", null, Set.of("refusalReason"),
                "pickDecision", "assign", "newMentorId", Pick.of(0));
        sample("participant-questionnaire", "curator", null, Set.of("requests"),
                "programmeId", "1", "personId", "", "fullName", "Смирнова Ольга Петровна", "birthDate", "1985-04-12",
                "category", "teacher", "schoolClass", "", "experienceYears", "15", "subjects", "Математика",
                "email", "o.smirnova@school7.example", "phone", "+7 900 123-45-67", "role", "mentor",
                "forms", List.of("teacher-teacher", "teacher-pupil"),
                "competencies", List.of("teaching-methods", "class-teacher", "olympiads"),
                "details", "", "interests", "Шахматы", "capacity", "2", "consent", true, "consentGivenOn", "2026-09-01",
                "representativeName", "", "representativeEmail", "", "engagement", "5", "activity", "4",
                "selfEsteem", "4", "anxiety", "2", "averageGrade", "");
    }

    static Tasklist tasklist;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void launchChromium() {
        tasklist = Tasklist.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (tasklist != null) {
            tasklist.close();
        }
    }

    @Test
    void everyFormHasSampleValuesForEveryField() throws IOException {
        Map<String, JsonNode> forms = forms();
        assertThat(SAMPLES.keySet()).as("forms with sample values").containsExactlyInAnyOrderElementsOf(forms.keySet());
        forms.forEach((id, schema) -> {
            Sample sample = SAMPLES.get(id);
            Set<String> named = new TreeSet<>(sample.values().keySet());
            named.addAll(sample.hidden());
            assertThat(named).as("fields of %s with a sample value or hidden by the sample", id)
                    .containsExactlyInAnyOrderElementsOf(fields(schema).keySet());
        });
    }

    @TestFactory
    Stream<DynamicTest> walksEveryFormInTasklist() throws IOException {
        clockAt(SCHOOL_NOW);
        Map<String, JsonNode> forms = forms();
        Map<String, Page> pages = new HashMap<>();
        return SAMPLES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Sample sample = e.getValue();
            Assumptions.assumeTrue(sample.route() != null, "no route to " + e.getKey() + " yet");
            try {
                walk(e.getKey(), forms.get(e.getKey()), sample,
                        pages.computeIfAbsent(sample.role(), role -> tasklist.login(engine, port, role, PASSWORD,
                                SCHOOL_NOW, SCHOOL_ZONE)));
            } catch (AssertionError | RuntimeException failure) {
                tasklist.screenshotOpenPages("failure-walk-" + e.getKey());
                throw failure;
            }
        }));
    }

    private void walk(String formId, JsonNode schema, Sample sample, Page page) {
        Task task = sample.route().reach(this);
        tasklist.openTask(page, port, task);
        assertThat(tasklist.completeButton(page)).isEnabled();
        Map<String, Object> expected = new LinkedHashMap<>();
        fields(schema).forEach((key, field) -> {
            if (sample.hidden().contains(key)) {
                assertThat(fieldBox(page, field)).isHidden();
                return;
            }
            Object value = sample.values().get(key);
            if (value instanceof Pick pick) {
                List<Map<String, String>> options = options(task, field.path("valuesKey").asText());
                List<Map<String, String>> picked = pick.indices().stream().map(options::get).toList();
                value = "select".equals(field.path("type").asText()) ? picked.get(0).get("value")
                        : picked.stream().map(o -> o.get("value")).toList();
                fill(page, field, picked.stream().map(o -> o.get("label")).toList());
            } else {
                fill(page, field, value);
            }
            expected.put(key, value);
        });
        Tasklist.screenshot(page, "form-" + formId);
        tasklist.complete(page, task, engine);

        expected.forEach((key, value) -> {
            if (value instanceof String s && s.isEmpty()) {
                return;
            }
            assertThat(normalised(stored(task.getProcessInstanceId(), key))).as("%s of %s as stored", key, formId)
                    .isEqualTo(normalised(value));
        });
    }

    /** Types the value the way a person does it, by the field's kind; choices are given by their labels. */
    private void fill(Page page, JsonNode field, Object value) {
        String type = field.path("type").asText();
        Locator box = fieldBox(page, field);
        switch (type) {
            case "textfield", "textarea", "number" -> box.locator("input, textarea").first().fill((String) value);
            case "datetime" -> {
                Locator input = box.locator("input").first();
                String typed = LocalDate.parse((String) value).format(RUSSIAN_DATE);
                input.fill(typed);
                input.blur();
                assertThat(input).hasValue(typed);
            }
            case "checkbox" -> box.locator("input[type=checkbox]").check();
            case "radio", "checklist" -> {
                for (String label : labels(field, value)) {
                    box.getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).check();
                }
            }
            case "select", "taglist" -> {
                for (String label : labels(field, value)) {
                    box.locator("input").first().click();
                    page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions()
                            .setHasText(Pattern.compile("^" + jsQuote(label) + "$"))).click();
                }
                // A taglist keeps its dropdown open over the fields below it.
                page.keyboard().press("Escape");
                if ("taglist".equals(type)) {
                    labels(field, value).forEach(label -> assertThat(box.locator(".fjs-taglist-tag")
                            .filter(new Locator.FilterOptions().setHasText(label))).hasCount(1));
                }
            }
            default -> throw new AssertionError("The walker cannot fill a form-js field of type " + type);
        }
    }

    /** The labels of the chosen values: static options by their value, or labels the caller already looked up. */
    private static List<String> labels(JsonNode field, Object value) {
        List<String> chosen = value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(value));
        if (!field.has("values")) {
            return chosen;
        }
        Map<String, String> byValue = new HashMap<>();
        field.get("values").forEach(o -> byValue.put(o.path("value").asText(), o.path("label").asText()));
        return chosen.stream().map(v -> {
            assertThat(byValue).as("options of %s", field.path("key").asText()).containsKey(v);
            return byValue.get(v);
        }).toList();
    }

    /** A form-js field (label, input, errors) by its label. */
    private static Locator fieldBox(Page page, JsonNode field) {
        String label = field.path("label").asText(field.path("dateLabel").asText());
        return page.locator(".fjs-form-field").filter(new Locator.FilterOptions().setHas(
                page.locator(".fjs-form-field-label").getByText(Pattern.compile("^\\s*" + jsQuote(label) + "\\s*\\*?\\s*$"))));
    }

    /** Playwright runs patterns as JavaScript regular expressions, which know no \\Q…\\E quoting. */
    private static String jsQuote(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> options(Task task, String valuesKey) {
        Object options = ProcessVariables.plain(engine.getTaskService().getVariable(task.getId(), valuesKey));
        assertThat(options).as("options %s of the task", valuesKey).isInstanceOf(List.class);
        return (List<Map<String, String>>) options;
    }

    /** The value the form's submission gave the variable, read as the product's code reads it. */
    private Object stored(String processInstanceId, String key) {
        List<HistoricDetail> updates = engine.getHistoryService().createHistoricDetailQuery().variableUpdates()
                .processInstanceId(processInstanceId).orderPartiallyByOccurrence().asc().list();
        Object value = null;
        boolean found = false;
        for (HistoricDetail detail : updates) {
            // A removal (stage 5 clears each questionnaire once saved) is recorded as an update without a value.
            if (detail instanceof HistoricVariableUpdate update && key.equals(update.getVariableName())
                    && update.getValue() != null) {
                value = update.getValue();
                found = true;
            }
        }
        assertThat(found).as("a stored value of %s", key).isTrue();
        return ProcessVariables.plain(value);
    }

    /** Lists as lists of strings, numbers as their decimal value, everything else as its text. */
    private static Object normalised(Object value) {
        if (value instanceof List<?>) {
            return ProcessVariables.stringList(value);
        }
        if (value instanceof Number n) {
            return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        String s = String.valueOf(value);
        return s.matches("-?\\d+(\\.\\d+)?") ? new java.math.BigDecimal(s).stripTrailingZeros().toPlainString() : s;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Routes.

    /**
     * A stage 5 process of a programme of its own with two mentees and three mentors (teachers); answers its open
     * task {@code key}, after the group meeting if {@code afterMeeting}.
     */
    Task stageFiveTask(String key, boolean afterMeeting) {
        long programme = startProgrammeOverApi("Школа " + UUID.randomUUID().toString().substring(0, 8),
                "teacher-teacher");
        List<String> rows = new ArrayList<>();
        for (String mentee : List.of("Молодцова Дарья Ивановна", "Новиков Артём Сергеевич")) {
            rows.add(TestParticipants.mentee(TestParticipants.unique(mentee.split(" ")[0]) + mentee.substring(mentee.indexOf(' '))));
        }
        for (String mentor : List.of("Опытнова Галина Петровна", "Старков Игорь Львович", "Мудрова Елена Олеговна")) {
            rows.add(TestParticipants.mentor(TestParticipants.unique(mentor.split(" ")[0]) + mentor.substring(mentor.indexOf(' ')),
                    "m." + UUID.randomUUID() + "@school.test"));
        }
        TestParticipants.importRows(port, programme, rows);
        String businessKey = ProgrammeProcess.businessKey(programme);
        engine.getRuntimeService().startProcessInstanceByKey("programme-stage-5-pairs", businessKey,
                Map.of(ProgrammeProcess.VAR_PROGRAMME_ID, programme, ProgrammeProcess.VAR_CURATOR_ID, "curator"));
        if (afterMeeting) {
            complete(openTask(businessKey, "Task_RecordGroupMeeting"), "curator", Map.of("groupMeetingDate", "2026-09-14"));
        }
        return openTask(businessKey, key);
    }

    private Task openTask(String businessKey, String key) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        return task;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The forms.

    private static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                JsonNode schema = json.readTree(in);
                forms.put(schema.path("id").asText(), schema);
            }
        }
        assertThat(forms).as("forms on the classpath").isNotEmpty();
        return forms;
    }

    /** The form's fields with a key, in the order of the form, by key. */
    private static Map<String, JsonNode> fields(JsonNode schema) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        collect(schema.path("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, Map<String, JsonNode> fields) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                fields.put(c.get("key").asText(), c);
            }
            collect(c.path("components"), fields);
        }
    }
}
