package ru.nastavnik;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.matching.MatchingProposal;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.operations.VariablesKeptByTheProduct;
import ru.nastavnik.pair.MeetingKind;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairMeetings;
import ru.nastavnik.pair.PairProcess;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.PrepareStage;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapItemProcess;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.shared.ProcessVariables;

/**
 * Every Camunda Form of forms/ as the staff use it: reached through its process, opened in the Russian Tasklist
 * (real Chromium) by the role that gets it, every field filled with a realistic sample value (several values in
 * every checklist and taglist), submitted with «Завершить»; then the task must be completed and each value stored
 * as submitted. A form without sample values fails {@link #everyFormHasSampleValuesForEveryField()}.
 */
class FormWalkTest extends BrowserTest {

    /** School-local "now" for the engine and the browser; dates in «not after today» fields lie before it. */
    static final LocalDateTime SCHOOL_NOW = LocalDateTime.of(2026, 9, 15, 10, 0);
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The chosen options of a field whose options the process sets at run time (its {@code valuesKey} variable). */
    interface Choice {
        List<Map<String, String>> of(List<Map<String, String>> options, Reached reached, String key);
    }

    /** Options by their position, for forms whose options any choice of agrees with. */
    record Pick(List<Integer> indices) implements Choice {
        static Pick of(Integer... indices) {
            return new Pick(List.of(indices));
        }

        @Override
        public List<Map<String, String>> of(List<Map<String, String>> options, Reached reached, String key) {
            return indices.stream().map(options::get).toList();
        }
    }

    /** Options by the values the route chose for the field, from what the process made (e.g. a proposal). */
    static final Choice ROUTES_CHOICE = (options, reached, key) -> {
        assertThat(reached.choices()).as("values the route chose for %s", key).containsKey(key);
        return reached.choices().get(key).stream().map(value -> options.stream()
                .filter(o -> value.equals(o.get("value"))).findFirst()
                .orElseThrow(() -> new AssertionError("«" + value + "» of " + key + " is not among its options " + options)))
                .toList();
    };

    /** An id the route made (a programme, a pair, a person), typed as the staff type it. */
    record Ref(String name) {
    }

    /** How a form is reached: made for a fresh process (or programme, pair) of the test's own. */
    interface Route {
        Reached reach(FormWalkTest test);
    }

    /** What else the submission must have done, beyond storing its values: the domain tables, the next task. */
    interface Check {
        void verify(String processInstanceId, Map<String, Object> submitted);
    }

    /**
     * Where a route arrived: the form's open task, or the process whose start form it is (Tasklist's «Запустить
     * процесс»); the ids its sample refers to ({@link Ref}); the option values it chose ({@link #ROUTES_CHOICE});
     * who gets it, if not the sample's role; the check; the fields whose variables a later step sets anew (the
     * history keeps a variable's last value only), which the check must prove were used instead; and whether the
     * check reads the answers the product keeps itself ({@link VariablesKeptByTheProduct}) from its tables, since
     * the engine keeps no history of them.
     */
    record Reached(Task task, String startProcess, Map<String, String> ids, Map<String, List<String>> choices,
                   String user, Check check, Set<String> setAnew, boolean checksTheProductsTables) {
        static Reached task(Task task) {
            return new Reached(task, null, Map.of(), Map.of(), null, (pi, submitted) -> { }, Set.of(), false);
        }

        static Reached start(String processKey, Map<String, String> ids) {
            return new Reached(null, processKey, ids, Map.of(), null, (pi, submitted) -> { }, Set.of(), false);
        }

        Reached as(String otherUser) {
            return new Reached(task, startProcess, ids, choices, otherUser, check, setAnew, checksTheProductsTables);
        }

        Reached choosing(Map<String, List<String>> values) {
            return new Reached(task, startProcess, ids, values, user, check, setAnew, checksTheProductsTables);
        }

        Reached checking(Check more) {
            return new Reached(task, startProcess, ids, choices, user, more, setAnew, checksTheProductsTables);
        }

        /** A check that reads every answer the product keeps itself from the product's tables. */
        Reached checkingInTheProductsTables(Check more) {
            return new Reached(task, startProcess, ids, choices, user, more, setAnew, true);
        }

        Reached settingAnew(String... keys) {
            return new Reached(task, startProcess, ids, choices, user, check, Set.of(keys), checksTheProductsTables);
        }
    }

    /**
     * A form's sample: who gets it, how it is reached, the value of every field, and the fields the sample's
     * choices hide (form-js submits nothing for them).
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

    /** The role of the pair forms: the walker logs in as the pair's mentor (an account of their own). */
    private static final String PAIR_MENTOR = "mentor of the pair";

    // The processes and tasks the routes go through.
    static final String STAGE_2 = "programme-stage-2-mentee-base";
    static final String STAGE_3 = "programme-stage-3-mentor-base";
    static final String STAGE_4 = "programme-stage-4-mentor-training";
    static final String STAGE_5 = "programme-stage-5-pairs";
    static final String STAGE_6 = "programme-stage-6-pair-work";
    static final String UPLOAD = "Task_UploadQuestionnaires";
    static final String ANALYSE_MENTEES = "Task_AnalyseMenteeBase";
    static final String ANALYSE_MENTORS = "Task_AnalyseMentorBase";
    static final String INTERVIEW = "Task_InterviewMentorCandidate";
    static final String TRAINING = "Task_MentorTraining";
    static final String GROUP_MEETING = "Task_RecordGroupMeeting";
    static final String PREFERENCES = "Task_EnterPreferences";
    static final String REVIEW = "Task_ReviewPairProposal";
    static final String ORDER_APPROVAL = "Task_ApprovePairOrder";
    static final String FINAL_MEETING = "Task_GroupFinalMeeting";
    static final String SURVEY = "Task_SatisfactionSurvey";
    static final String DECIDE_REPLACEMENT = "Task_DecideMentorReplacement";
    static final String PICK_MENTOR = "Task_PickNewMentor";

    static {
        // The programme's start and its stage 1.
        sample("start-programme", "curator", t -> t.startedProgramme(), Set.of(),
                "schoolName", "МБОУ СОШ № 7", "schoolYear", "2026/2027", "startDate", "2026-09-15",
                "forms", List.of("pupil-pupil", "teacher-teacher"), "curatorId", "curator",
                "deputyDirectorId", "deputy", "directorId", "director", "previousProgrammeId", "");
        sample("complete-roadmap-item", "deputy", t -> t.roadmapItem(), Set.of(),
                "doneOn", "2026-09-14", "result", "Педагоги проинформированы на педсовете, протокол № 1.",
                "comment", "Презентация разослана по почте.", "attachments", "https://school7.example/protokol-1.pdf");
        sample("approve-roadmap", "director", t -> t.roadmapApproval(), Set.of(),
                "roadmapDecision", "return", "roadmapComment", "Сдвиньте групповую встречу на ноябрь.");
        sample("revise-roadmap", "curator", t -> t.roadmapRevision(), Set.of(),
                "revisionItemCode", Pick.of(0), "revisionStartDate", "2026-11-02", "revisionDueDate", "2026-11-20",
                "submitForApproval", true);
        // Stages 2–4: the bases and the mentors' selection.
        sample("participant-questionnaire", "curator", t -> t.questionnaire(), Set.of("requests"),
                "programmeId", new Ref("programmeId"), "personId", "", "fullName", "Смирнова Ольга Петровна",
                "birthDate", "1985-04-12", "category", "teacher", "schoolClass", "", "experienceYears", "15",
                "subjects", "Математика", "email", "o.smirnova@school7.example", "phone", "+7 900 123-45-67",
                "role", "mentor", "forms", List.of("teacher-teacher", "teacher-pupil"),
                "competencies", List.of("teaching-methods", "class-teacher", "olympiads"),
                "details", "", "interests", "Шахматы", "capacity", "2", "consent", true, "consentGivenOn", "2026-09-01",
                "representativeName", "", "representativeEmail", "", "engagement", "5", "activity", "4",
                "selfEsteem", "4", "anxiety", "2", "averageGrade", "");
        sample("upload-questionnaires", "curator", t -> t.stageTask(STAGE_2, UPLOAD), Set.of(),
                "collectionNote", "Анкеты собраны классными руководителями 5–9 классов.");
        sample("analyse-mentee-base", "curator", t -> t.stageTask(STAGE_2, ANALYSE_MENTEES), Set.of(),
                "baseConclusion", "Основные запросы — успеваемость и адаптация; двух согласий не хватает.");
        sample("analyse-mentor-base", "curator", t -> t.stageTask(STAGE_3, ANALYSE_MENTORS), Set.of(),
                "baseConclusion", "Наставников по физике не хватает; привлечь выпускников.");
        sample("interview-mentor-candidate", "deputy", t -> t.stageTask(STAGE_4, INTERVIEW), Set.of(),
                "interviewCriteria", List.of("leadership", "communication", "motivation"),
                "interviewDecision", "passed", "interviewComment", "Готова вести двух молодых специалистов.");
        sample("mentor-training", "deputy", t -> t.stageTask(STAGE_4, TRAINING), Set.of(),
                "trainingAttended", Pick.of(0, 1), "trainingNote", "Школа наставника, 3 занятия, эксперт — методист ИРО.");
        // Stage 5: the forms with options the process sets (checklists, taglists, selects).
        sample("record-group-meeting", "curator", t -> t.stageFiveTask(GROUP_MEETING), Set.of(),
                "groupMeetingDate", "2026-09-14",
                "groupMeetingAttendees", Pick.of(0, 1, 2, 4),
                "groupMeetingComment", "Знакомство пар: презентация программы, игра «Два факта о себе».");
        sample("enter-preferences", "curator", t -> t.stageFiveTask(PREFERENCES), Set.of("wishedMentees", "avoidMentees"),
                // Options list the mentees first: the first participant is a mentee, who names mentors.
                "preferencesPerson", Pick.of(0),
                "wishedMentors", Pick.of(2, 0),
                "avoidMentors", Pick.of(1),
                "preferencesDecision", "more");
        sample("review-pair-proposal", "curator", t -> t.pairsReview(), Set.of(),
                "pairReviewDecision", "rerun", "pinnedPairs", ROUTES_CHOICE, "forbiddenPairs", ROUTES_CHOICE,
                "swapMenteeA", ROUTES_CHOICE, "swapMenteeB", ROUTES_CHOICE, "assignMentee", ROUTES_CHOICE,
                "assignMentor", ROUTES_CHOICE);
        sample("approve-pair-order", "director", t -> t.stageFiveTask(ORDER_APPROVAL), Set.of(),
                "pairOrderDecision", "return", "orderReturnComment", "Уточните нагрузку наставника Опытновой.");
        // A pair's year, as its mentor.
        sample("report-pair-meeting", PAIR_MENTOR, t -> t.planningMeeting(), Set.of("newPlannedOn", "moveReason"),
                "meetingOutcome", "held", "heldOn", "2026-09-15", "durationMinutes", "45", "meetingFormat", "in_person",
                "meetingTopics", "Цели на четверть", "meetingAgreed", "Еженедельные консультации по математике",
                "attendedMentees", Pick.of(0, 1), "planRequests", Pick.of(0, 1), "planGoals", "Подтянуть алгебру до «4»",
                "planFrequency", "weekly", "planItems", "Разобрать темы 1–3 к 1 октября");
        sample("mentor-feedback", PAIR_MENTOR, t -> t.mentorFeedback(), Set.of(),
                "feedbackSatisfaction", "4", "feedbackProgress", "3", "feedbackWorked", "Регулярные встречи",
                "feedbackDifficulties", "Мало времени после уроков", "feedbackSuggestions", "Больше онлайн-встреч");
        // Stage 6.
        sample("group-final-meeting", "curator", t -> t.stageTask(STAGE_6, FINAL_MEETING), Set.of(),
                "finalMeetingDate", "2026-09-14", "finalMeetingAttendance", "18",
                "finalMeetingSummary", "Пары рассказали о результатах; лучшие получили грамоты.");
        sample("satisfaction-survey", "curator", t -> t.stageTask(STAGE_6, SURVEY), Set.of(),
                "surveyConclusion", "Большинство участников удовлетворены; просят больше встреч.");
        // A mentor's replacement.
        sample("request-mentor-replacement", "curator", t -> t.replacementRequestForm(), Set.of(),
                "pairId", new Ref("pairId"), "requestedBy", "representative", "menteeId", new Ref("menteeId"),
                "replacementReason", "Наставник переходит в другую школу.");
        sample("decide-mentor-replacement", "director", t -> t.replacementTask(DECIDE_REPLACEMENT), Set.of(),
                "replacementDecision", "reject", "refusalReason", "До конца четверти пара работает как есть.");
        sample("pick-new-mentor", "curator", t -> t.replacementTask(PICK_MENTOR), Set.of("refusalReason"),
                "pickDecision", "assign", "newMentorId", Pick.of(0));
        // Stage 7, the closing, on the pair of the year.
        sample("edit-nominations", "curator", t -> t.closingTask("Task_EditNominations"), Set.of(),
                "mentorOfYear", Pick.of(0), "mentorOfYearReason", "Наставляемые подтянули алгебру",
                "bestPair", Pick.of(0), "bestPairReason", "Все встречи по плану, оценка 5 из 5",
                "mentorPlus", Pick.of(0), "mentorPlusReason", "Вела группу из двух учеников");
        sample("confirm-nominations", "director", t -> t.closingTask("Task_ConfirmNominations"),
                Set.of("nominationsReturnComment"), "nominationsDecision", "approve", "ceremonyDate", "2026-09-25",
                "ceremonyPlace", "Актовый зал, 15:00");
        sample("hold-ceremony", "director", t -> t.closingTask("Task_HoldCeremony"), Set.of(),
                "ceremonyHeldOn", "2026-09-14", "ceremonyGuests", "40", "ceremonyNotes", "Выступил хор 5-х классов.");
        sample("write-cases", "curator", t -> t.closingTask("Task_WriteCases"),
                Set.of("case2Pair", "case2Situation", "case2Actions", "case2Outcome"),
                "case1Pair", Pick.of(0), "case1Situation", "Отставание по алгебре в 6 классе",
                "case1Actions", "Еженедельный разбор задач", "case1Outcome", "Четвёрка за четверть", "singleCase", true);
        sample("publish-results", "curator", t -> t.closingTask("Task_PublishResults"), Set.of(),
                "publicationUrl", "https://school7.example/news/nastavniki", "publishedOn", "2026-09-14");
        sample("form-long-term-base", "curator", t -> t.closingTask("Task_FormLongTermBase"), Set.of(),
                "continuingMentors", Pick.of(0), "newMentorCandidates", Pick.of(0, 1));
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<VariablesKeptByTheProduct> keptAnswers;

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
        // -DformWalk.only=id,id walks only these forms, e.g. while writing a route.
        Set<String> only = Set.of(System.getProperty("formWalk.only", "").split(","));
        return SAMPLES.entrySet().stream().filter(e -> only.equals(Set.of("")) || only.contains(e.getKey())).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            try {
                walk(e.getKey(), forms.get(e.getKey()), e.getValue());
            } catch (AssertionError | RuntimeException failure) {
                tasklist.screenshotOpenPages("failure-walk-" + e.getKey());
                throw failure;
            }
        }));
    }

    /** Tasklist as each user of the walk, logged in once: logging in costs seconds. */
    private final Map<String, Page> pages = new HashMap<>();

    private static final int FORM_JS_DEBOUNCE_MARGIN_MS = 1_500;
    private static final int FORM_JS_DEBOUNCE_MS = 500;
    /** The form-js fields a person types into. */
    private static final Set<String> TYPED_FIELDS = Set.of("textfield", "textarea", "number", "datetime");

    private Page pageOf(String user) {
        return pages.computeIfAbsent(user, u -> tasklist.login(engine, port, u, PASSWORD, SCHOOL_NOW, SCHOOL_ZONE));
    }

    private void walk(String formId, JsonNode schema, Sample sample) {
        assertThat(sample.route()).as("route to %s", formId).isNotNull();
        Reached reached = sample.route().reach(this);
        String user = reached.user() != null ? reached.user() : sample.role();
        Page page = pageOf(user);
        Set<String> before = Set.of();
        if (reached.task() != null) {
            tasklist.openTask(page, port, reached.task());
            assertThat(tasklist.completeButton(page)).isEnabled();
        } else {
            before = instances(reached.startProcess());
            tasklist.openStartForm(page, port, processName(reached.startProcess()));
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        Map<JsonNode, String> typed = new LinkedHashMap<>();
        fields(schema).forEach((key, field) -> {
            if (sample.hidden().contains(key)) {
                assertThat(fieldBox(page, field)).isHidden();
                return;
            }
            Object value = sample.values().get(key);
            if (value instanceof Choice choice) {
                List<Map<String, String>> picked = choice.of(options(reached.task(), field.path("valuesKey").asText()),
                        reached, key);
                value = "select".equals(field.path("type").asText()) ? picked.get(0).get("value")
                        : picked.stream().map(o -> o.get("value")).toList();
                fill(page, field, picked.stream().map(o -> o.get("label")).toList());
            } else {
                if (value instanceof Ref ref) {
                    value = reached.ids().get(ref.name());
                    assertThat(value).as("id %s made by the route to %s", ref.name(), formId).isNotNull();
                }
                fill(page, field, value);
                if (typedInto(field)) {
                    typed.put(field, typedText(field, value));
                }
            }
            expected.put(key, value);
        });
        retypeLost(page, typed);
        // form-js takes typed text into its data only after its input debounce (300 ms), blur or not; a person takes
        // longer than that to reach «Завершить», the walker too, with a margin for a busy machine.
        page.waitForTimeout(FORM_JS_DEBOUNCE_MARGIN_MS);
        Tasklist.screenshot(page, "form-" + formId);
        String processInstanceId;
        if (reached.task() != null) {
            tasklist.complete(page, reached.task(), engine);
            processInstanceId = reached.task().getProcessInstanceId();
        } else {
            tasklist.start(page);
            Set<String> started = new TreeSet<>(instances(reached.startProcess()));
            started.removeAll(before);
            assertThat(started).as("processes %s started by the form", reached.startProcess()).hasSize(1);
            processInstanceId = started.iterator().next();
        }

        Set<String> kept = keptByTheProduct(processInstanceId, expected.keySet());
        assertThat(kept.isEmpty() || reached.checksTheProductsTables())
                .as("the route to %s checks %s in the product's tables", formId, kept).isTrue();
        expected.forEach((key, value) -> {
            if (value instanceof String s && s.isEmpty() || reached.setAnew().contains(key) || kept.contains(key)) {
                return;
            }
            assertThat(normalised(stored(processInstanceId, key))).as("%s of %s as stored", key, formId)
                    .isEqualTo(normalised(value));
        });
        reached.check().verify(processInstanceId, expected);
    }

    /** The form's keys whose answers the product keeps itself: the engine keeps no history of them. */
    private Set<String> keptByTheProduct(String processInstanceId, Set<String> keys) {
        String process = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult().getProcessDefinitionKey();
        return keys.stream().filter(key -> keptAnswers.stream().anyMatch(answers -> answers.includes(process, key)))
                .collect(Collectors.toSet());
    }

    private Set<String> instances(String processKey) {
        Set<String> ids = new TreeSet<>();
        engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list()
                .forEach(pi -> ids.add(pi.getId()));
        return ids;
    }

    private String processName(String processKey) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult().getName();
    }

    /** Types the value the way a person does it, by the field's kind; choices are given by their labels. */
    private void fill(Page page, JsonNode field, Object value) {
        String type = field.path("type").asText();
        Locator box = fieldBox(page, field);
        if (typedInto(field)) {
            type(page, typedInput(box), typedText(field, value));
            return;
        }
        switch (type) {
            case "checkbox" -> box.locator("input[type=checkbox]").check();
            case "radio", "checklist" -> {
                for (String label : labels(field, value)) {
                    box.getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).check();
                }
            }
            case "select", "taglist" -> {
                // A select that cannot be searched shows its value in a div beside a hidden input.
                Locator input = box.locator("input:not(.fjs-select-hidden-input), .fjs-select-display").first();
                for (String label : labels(field, value)) {
                    Locator item = page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions()
                            .setHasText(Pattern.compile("^" + jsQuote(label) + "$")));
                    // Tasklist may render the form once more while the list is open, which closes it; a person
                    // opens it again, so does the walker.
                    for (int attempt = 1; ; attempt++) {
                        input.click();
                        try {
                            item.click(new Locator.ClickOptions().setTimeout(5_000));
                            break;
                        } catch (PlaywrightException closed) {
                            if (attempt == 3) {
                                throw closed;
                            }
                        }
                    }
                }
                // A select closes its dropdown on a choice; a taglist keeps it open over the fields below until it
                // loses focus, as when a person clicks elsewhere. Not Escape: in a start form it closes the dialog.
                if ("taglist".equals(type)) {
                    input.blur();
                }
                assertThat(box.locator(".fjs-dropdownlist")).isHidden();
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

    /**
     * Types the text into the input and leaves it. form-js commits typed text after its input debounce (300 ms) and
     * then re-renders the form, and Tasklist may render it once more with the task's variables: a render in that
     * time resets what was typed. A person sees the empty field and types it again, so does the walker.
     */
    private static void type(Page page, Locator input, String text) {
        for (int attempt = 1; ; attempt++) {
            input.fill(text);
            input.blur();
            page.waitForTimeout(FORM_JS_DEBOUNCE_MS);
            if (text.equals(input.inputValue()) || attempt == 3) {
                break;
            }
        }
        assertThat(input).hasValue(text);
    }

    /** The fields typed into, as a person checks them before «Завершить»: one reset by a later render is typed again. */
    private static void retypeLost(Page page, Map<JsonNode, String> typed) {
        typed.forEach((field, text) -> {
            Locator input = typedInput(fieldBox(page, field));
            // One a later answer hid stays as it is.
            if (input.isVisible() && !text.equals(input.inputValue())) {
                type(page, input, text);
            }
        });
    }

    private static Locator typedInput(Locator box) {
        return box.locator("input, textarea").first();
    }

    /** What a person types into a text, number or date field for the value (a date as Tasklist shows it). */
    private static String typedText(JsonNode field, Object value) {
        return "datetime".equals(field.path("type").asText())
                ? LocalDate.parse((String) value).format(RUSSIAN_DATE) : (String) value;
    }

    private static boolean typedInto(JsonNode field) {
        return TYPED_FIELDS.contains(field.path("type").asText());
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

    /**
     * The value the form's submission gave the variable, read as the product's code reads it: the variable's value in
     * the process history, kept there also when a step removed the variable after using it (stage 5 removes each
     * saved questionnaire). A variable removed and set again has a history row per setting; the one still set is
     * the submission's.
     */
    private Object stored(String processInstanceId, String key) {
        List<HistoricVariableInstance> values = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(key).includeDeleted().list();
        assertThat(values).as("a stored value of %s", key).isNotEmpty();
        HistoricVariableInstance value = values.stream()
                .filter(v -> HistoricVariableInstance.STATE_CREATED.equals(v.getState())).findFirst()
                .orElse(values.get(values.size() - 1));
        return ProcessVariables.plain(value.getValue());
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
    // Routes: each makes the cheapest realistic state in which the form's task is open, answering the tasks
    // before it over the engine as their owners would (the other tests walk those answers in detail).

    /** The answer each task gives on the way to a later one, and who gives it. */
    private static final Map<String, Map.Entry<String, Map<String, Object>>> ANSWERS = Map.of(
            UPLOAD, Map.entry("curator", Map.of()),
            INTERVIEW, Map.entry("deputy", Map.of("interviewDecision", "passed")),
            GROUP_MEETING, Map.entry("curator", Map.of("groupMeetingDate", "2026-09-14")),
            PREFERENCES, Map.entry("curator", Map.of("preferencesDecision", "done")),
            REVIEW, Map.entry("curator", Map.of("pairReviewDecision", "send")),
            FINAL_MEETING, Map.entry("curator", Map.of("finalMeetingDate", "2026-09-14", "finalMeetingAttendance", 12,
                    "finalMeetingSummary", "Проведена")),
            DECIDE_REPLACEMENT, Map.entry("director", Map.of("replacementDecision", "approve")));

    /** The tasks of a process before {@code key}, in their order. */
    private static final Map<String, List<String>> BEFORE = Map.of(
            ANALYSE_MENTEES, List.of(UPLOAD),
            ANALYSE_MENTORS, List.of(UPLOAD),
            TRAINING, List.of(INTERVIEW),
            PREFERENCES, List.of(GROUP_MEETING),
            REVIEW, List.of(GROUP_MEETING, PREFERENCES),
            ORDER_APPROVAL, List.of(GROUP_MEETING, PREFERENCES, REVIEW),
            SURVEY, List.of(FINAL_MEETING),
            PICK_MENTOR, List.of(DECIDE_REPLACEMENT));

    @Autowired
    RoadmapService roadmap;
    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;
    @Autowired
    PairMeetings meetings;

    /** The programmes the walk made; their processes (stages and pairs are not children of theirs) end with it. */
    private final List<Long> programmes = new ArrayList<>();
    /** The pupil group whose mentor reports the planning meeting and then gives feedback (one mentor login). */
    private PupilGroup pairOfTheYear;

    @AfterEach
    void endTheWalksProcesses() {
        for (long programme : programmes) {
            String key = ProgrammeProcess.businessKey(programme);
            Stream.concat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                                    .stream(),
                            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(key + "-%")
                                    .list().stream())
                    .filter(pi -> engine.getRuntimeService().createProcessInstanceQuery()
                            .processInstanceId(pi.getId()).count() > 0)
                    .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "form walk over"));
        }
    }

    /** A programme of the walk's own, for 2026/2027, at a school name no other test uses. */
    private long programme(String... forms) {
        long id = startProgrammeOverApi("Школа " + UUID.randomUUID().toString().substring(0, 8), forms);
        programmes.add(id);
        // Its staff joined the new school's groups: their Tasklist sessions, which keep the groups of their login,
        // log in again, as people named for a school find its tasks at their next login.
        for (String staff : List.of("curator", "deputy", "director")) {
            Page stale = pages.remove(staff);
            if (stale != null) {
                stale.context().close();
            }
        }
        return id;
    }

    private static String person(String fullName) {
        return TestParticipants.unique(fullName.split(" ")[0]) + fullName.substring(fullName.indexOf(' '));
    }

    /** «Запустить процесс» → «Программа наставничества»; the programme must be registered with its roadmap. */
    Reached startedProgramme() {
        return Reached.start(ProgrammeProcess.PROCESS_ID, Map.of()).checking((pi, submitted) -> {
            long id = jdbc.sql("select id from programme where process_instance_id = :pi").param("pi", pi)
                    .query(Long.class).single();
            programmes.add(id);
            assertThat(jdbc.sql("select school_name from programme where id = :id").param("id", id)
                    .query(String.class).single()).isEqualTo(submitted.get("schoolName"));
            assertThat(roadmap.roadmap(id)).isNotEmpty();
            assertThat(openTasks(ProgrammeProcess.businessKey(id),
                    RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM)).isNotEmpty();
        });
    }

    /** Item 1.1 of stage 1, the deputy director's; the report must be in the roadmap, the item done. */
    Reached roadmapItem() {
        long programme = programme("teacher-teacher");
        Task item = openTasks(ProgrammeProcess.businessKey(programme), RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM)
                .stream().filter(t -> t.getName().startsWith("1.1 ")).findFirst().orElseThrow();
        return Reached.task(item).checking((pi, submitted) -> {
            RoadmapItem done = roadmap.get(programme, "1.1");
            assertThat(done.status(roadmap.today())).isEqualTo(RoadmapItem.Status.done);
            assertThat(done.completedBy()).isEqualTo("deputy");
            assertThat(done.doneOn()).hasToString((String) submitted.get("doneOn"));
            assertThat(List.<Object>of(done.result(), done.comment(), done.attachments())).containsExactly(
                    submitted.get("result"), submitted.get("comment"), submitted.get("attachments"));
        });
    }

    /** The director's approval of the roadmap, once the deputy director has done the items of stage 1. */
    Reached roadmapApproval() {
        String businessKey = ProgrammeProcess.businessKey(programme("teacher-teacher"));
        for (Task item : openTasks(businessKey, RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM)) {
            complete(item, "deputy", Map.of("doneOn", "2026-09-15", "result", "Проведено"));
        }
        return Reached.task(openTask(businessKey, PrepareStage.TASK_APPROVE_ROADMAP)).checking((pi, submitted) ->
                openTask(businessKey, PrepareStage.TASK_REVISE_ROADMAP));
    }

    /** The curator's revision after the director returned the roadmap; the new dates must be in the roadmap. */
    Reached roadmapRevision() {
        Task approval = roadmapApproval().task();
        complete(approval, "director", Map.of("roadmapDecision", "return",
                "roadmapComment", "Анкетирование перенести на ноябрь"));
        String businessKey = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(approval.getProcessInstanceId()).singleResult().getBusinessKey();
        long programme = Long.parseLong(businessKey.substring(businessKey.lastIndexOf('-') + 1));
        return Reached.task(openTask(businessKey, PrepareStage.TASK_REVISE_ROADMAP)).checking((pi, submitted) -> {
            RoadmapItem moved = roadmap.get(programme, (String) submitted.get("revisionItemCode"));
            assertThat(moved.startDate()).hasToString((String) submitted.get("revisionStartDate"));
            assertThat(moved.dueDate()).hasToString((String) submitted.get("revisionDueDate"));
            // «Отправить директору»: the roadmap goes back for approval.
            openTask(businessKey, PrepareStage.TASK_APPROVE_ROADMAP);
        });
    }

    /**
     * A task of stage 2, 3, 4 or 6, its stage process started for a programme of its own: two mentees and two
     * mentor candidates (teachers), and no pairs (stage 6 goes straight to its final meeting).
     */
    Reached stageTask(String stage, String key) {
        long programme = programme("teacher-teacher");
        TestParticipants.importRows(port, programme, List.of(
                TestParticipants.mentee(person("Молодцова Дарья Ивановна")),
                TestParticipants.mentee(person("Новиков Артём Сергеевич")),
                TestParticipants.candidate(person("Кандидатова Ольга Петровна"), "c." + UUID.randomUUID() + "@school.test"),
                TestParticipants.candidate(person("Будущев Игорь Львович"), "c." + UUID.randomUUID() + "@school.test")));
        return Reached.task(stageProcessTask(stage, programme, key));
    }

    /**
     * A stage 5 process of a programme of its own with two mentees and three mentors (teachers); answers its open
     * tasks up to {@code key}. The group meeting and the preferences are checked in their tables, and the next
     * questionnaire's form must show whose wishes are in.
     */
    Reached stageFiveTask(String key) {
        long programme = stageFiveProgramme(List.of("Молодцова Дарья Ивановна", "Новиков Артём Сергеевич"),
                List.of("Опытнова Галина Петровна", "Старков Игорь Львович", "Мудрова Елена Олеговна"), 2);
        Reached reached = Reached.task(stageProcessTask(STAGE_5, programme, key));
        return switch (key) {
            case GROUP_MEETING -> reached.checking((pi, submitted) -> assertThat(jdbc.sql("""
                            select cast(a.person_id as varchar(20)) from group_meeting m
                            join group_meeting_attendee a on a.meeting_id = m.id
                            where m.programme_id = :programme and m.held_on = :heldOn""")
                    .param("programme", programme).param("heldOn", LocalDate.parse((String) submitted.get("groupMeetingDate")))
                    .query(String.class).list()).containsExactlyInAnyOrderElementsOf(
                    ProcessVariables.stringList(submitted.get("groupMeetingAttendees"))));
            case PREFERENCES -> reached.checking((pi, submitted) -> {
                String person = (String) submitted.get("preferencesPerson");
                assertThat(jdbc.sql("""
                                select kind || ':' || other_person_id from matching_preference
                                where programme_id = :programme and person_id = :person order by kind, wish_rank""")
                        .param("programme", programme).param("person", Long.parseLong(person)).query(String.class).list())
                        .containsExactlyElementsOf(Stream.concat(
                                ProcessVariables.stringList(submitted.get("avoidMentors")).stream().map(id -> "avoid:" + id),
                                ProcessVariables.stringList(submitted.get("wishedMentors")).stream().map(id -> "prefer:" + id))
                                .toList());
                reopenedPreferences(reached.task().getId(), programme, person);
            });
            default -> reached;
        };
    }

    /** A programme of its own whose mentees and mentors (teachers, mentors taking {@code capacity}) are imported. */
    private long stageFiveProgramme(List<String> mentees, List<String> mentors, int capacity) {
        long programme = programme("teacher-teacher");
        List<String> rows = new ArrayList<>();
        mentees.forEach(mentee -> rows.add(TestParticipants.mentee(person(mentee))));
        mentors.forEach(mentor -> rows.add(TestParticipants.mentor(person(mentor), "m." + UUID.randomUUID()
                + "@school.test", capacity)));
        TestParticipants.importRows(port, programme, rows);
        return programme;
    }

    /**
     * The review of the first proposal in a school whose six mentors take one mentee each, for five mentees: each
     * pair has a mentor of its own and one mentor is left free. From the proposal the curator pins two pairs,
     * forbids two others and swaps those two mentees' mentors, and assigns the fifth mentee to the free mentor —
     * changes that agree. The re-run must keep them in force, obey them, and come back to the curator. The re-run
     * offers the next round every pin in force as the pins, so the pins submitted are proved by those in force.
     */
    Reached pairsReview() {
        long programme = stageFiveProgramme(
                List.of("Молодцова Дарья Ивановна", "Новиков Артём Сергеевич", "Ершова Алина Викторовна",
                        "Зайцев Максим Олегович", "Лебедева Ксения Андреевна"),
                List.of("Опытнова Галина Петровна", "Старков Игорь Львович", "Мудрова Елена Олеговна",
                        "Громов Павел Николаевич", "Светлова Анна Борисовна", "Кравцов Юрий Петрович"), 1);
        Task review = stageProcessTask(STAGE_5, programme, REVIEW);
        List<String> proposed = optionValues(review, "pinChoiceOptions");
        assertThat(proposed).as("pairs proposed, each mentor with one mentee").hasSize(5)
                .extracting(FormWalkTest::mentorOf).doesNotHaveDuplicates();
        List<String> free = new ArrayList<>(optionValues(review, "reviewMentorOptions"));
        free.removeAll(proposed.stream().map(FormWalkTest::mentorOf).toList());
        assertThat(free).as("mentors left without a mentee").hasSize(1);
        List<String> pinned = proposed.subList(0, 2);
        List<String> forbidden = proposed.subList(2, 4);
        String swapA = menteeOf(forbidden.get(0));
        String swapB = menteeOf(forbidden.get(1));
        String assigned = menteeOf(proposed.get(4));
        List<String> inForce = List.of(pinned.get(0), pinned.get(1),
                mentorOf(forbidden.get(1)) + ":" + swapA, mentorOf(forbidden.get(0)) + ":" + swapB,
                free.get(0) + ":" + assigned);
        return Reached.task(review).choosing(Map.of("pinnedPairs", pinned, "forbiddenPairs", forbidden,
                "swapMenteeA", List.of(swapA), "swapMenteeB", List.of(swapB), "assignMentee", List.of(assigned),
                "assignMentor", free)).settingAnew("pinnedPairs").checking((pi, submitted) -> {
            Task next = openTask(ProgrammeProcess.businessKey(programme), REVIEW);
            assertThat(next.getId()).as("a new review round").isNotEqualTo(review.getId());
            assertThat(next.getAssignee()).as("the new round's reviewer").isEqualTo("curator");
            assertThat(ProcessVariables.stringList(engine.getRuntimeService().getVariable(pi, "pairPinsInForce")))
                    .as("pins in force").containsExactlyInAnyOrderElementsOf(inForce);
            assertThat(ProcessVariables.stringList(engine.getRuntimeService().getVariable(pi, "pairForbidsInForce")))
                    .as("forbidden pairs in force").containsExactlyInAnyOrderElementsOf(forbidden);
            MatchingProposal rerun = (MatchingProposal) engine.getRuntimeService().getVariable(pi, "pairProposal");
            assertThat(rerun.groups().stream().flatMap(g -> g.mentees().stream().map(m -> g.mentorId() + ":"
                    + m.menteeId()))).as("pairs of the new proposal").containsExactlyInAnyOrderElementsOf(inForce);
        });
    }

    /** The values of a task's options variable. */
    private List<String> optionValues(Task task, String valuesKey) {
        return options(task, valuesKey).stream().map(o -> o.get("value")).toList();
    }

    /** A pair's key is «mentor id:mentee id», as the review form's pair options have it. */
    private static String mentorOf(String pairKey) {
        return pairKey.substring(0, pairKey.indexOf(':'));
    }

    private static String menteeOf(String pairKey) {
        return pairKey.substring(pairKey.indexOf(':') + 1);
    }

    /** «Ещё анкета»: the next questionnaire's form lists the participant whose wishes were just entered. */
    private void reopenedPreferences(String previousTaskId, long programme, String personId) {
        Task next = openTask(ProgrammeProcess.businessKey(programme), PREFERENCES);
        assertThat(next.getId()).isNotEqualTo(previousTaskId);
        String name = jdbc.sql("select full_name from person where id = :id").param("id", Long.parseLong(personId))
                .query(String.class).single();
        Page page = tasklist.openTask(pageOf("curator"), port, next);
        assertThat(page.locator(".fjs-form")).containsText(name);
        Tasklist.screenshot(page, "form-enter-preferences-reopened");
    }

    /** A pupil mentor with two mentees, fixed by an approved order; the mentor can log into Tasklist. */
    record PupilGroup(long programme, Pair pair, long mentee, String mentorUser) {
    }

    private PupilGroup pupilGroup() {
        long programme = programme("pupil-pupil");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String petr = person("Петров Пётр"), olga = person("Кузнецова Ольга");
        String anna = person("Иванова Анна"), oleg = person("Сидоров Олег");
        Map<String, Long> ids = TestParticipants.importRows(port, programme, List.of(
                TestPairs.pupil(petr, true, "petr-" + tag + "@school.test", "rep-petr-" + tag + "@mail.test"),
                TestPairs.pupil(olga, true, "olga-" + tag + "@school.test", "rep-olga-" + tag + "@mail.test"),
                TestPairs.pupil(anna, false, "", "rep-anna-" + tag + "@mail.test"),
                TestPairs.pupil(oleg, false, "", "rep-oleg-" + tag + "@mail.test")));
        Pair pair = TestPairs.fix(orders, pairs, programme, Map.of(ids.get(petr), List.of(ids.get(anna), ids.get(oleg))))
                .get(0);
        // The mentor would set a password from the link in the mail; the walker sets it as an admin would.
        User mentor = engine.getIdentityService().createUserQuery().userId(pair.mentorUserId()).singleResult();
        mentor.setPassword(PASSWORD);
        engine.getIdentityService().saveUser(mentor);
        return new PupilGroup(programme, pair, ids.get(anna), pair.mentorUserId());
    }

    private PupilGroup pairOfTheYear() {
        if (pairOfTheYear == null) {
            pairOfTheYear = pupilGroup();
        }
        return pairOfTheYear;
    }

    /**
     * A task of stage 7 on the pair of the year (finished), the steps before it answered as the curator and the
     * director would; each step's roadmap item must be closed by the submission.
     */
    Reached closingTask(String key) {
        PupilGroup group = pairOfTheYear();
        pairs.close(group.pair().id(), Pair.FINISHED, null, "curator");
        String businessKey = ProgrammeProcess.businessKey(group.programme());
        String pair = String.valueOf(group.pair().id());
        String stage = engine.getRuntimeService().startProcessInstanceByKey("programme-stage-7-closing", businessKey,
                Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), group.programme(), TaskPeople.CURATOR_ID.name(),
                        "curator"))
                .getId();
        Function<String, Task> open = task -> engine.getTaskService().createTaskQuery().processInstanceId(stage)
                .taskDefinitionKey(task).singleResult();
        List<Map.Entry<String, Map.Entry<String, Map<String, Object>>>> steps = List.of(
                Map.entry("Task_EditNominations", Map.entry("curator", Map.of("bestPair", pair, "bestPairReason",
                        "По плану", "mentorOfYear", "", "mentorPlus", ""))),
                Map.entry("Task_ConfirmNominations", Map.entry("director", Map.of("nominationsDecision", "approve",
                        "ceremonyDate", "2026-09-25", "ceremonyPlace", "Актовый зал"))),
                Map.entry("Task_HoldCeremony", Map.entry("director", Map.of("ceremonyHeldOn", "2026-09-14",
                        "ceremonyGuests", 30L))),
                Map.entry("Task_WriteCases", Map.entry("curator", Map.of("case1Pair", pair, "case1Situation", "Запрос",
                        "case1Actions", "Встречи", "case1Outcome", "Результат"))),
                Map.entry("Task_PublishResults", Map.entry("curator", Map.of("publicationUrl",
                        "https://school7.example/news", "publishedOn", "2026-09-14"))));
        // The nominations' own items: the director's confirmation sends the invitations (7.1).
        Map<String, String> items = Map.of("Task_ConfirmNominations", "7.1",
                "Task_HoldCeremony", "7.2", "Task_WriteCases", "7.5", "Task_PublishResults", "7.6",
                "Task_FormLongTermBase", "7.8");
        for (Map.Entry<String, Map.Entry<String, Map<String, Object>>> step : steps) {
            if (step.getKey().equals(key)) {
                break;
            }
            complete(open.apply(step.getKey()), step.getValue().getKey(), step.getValue().getValue());
        }
        return Reached.task(open.apply(key)).checking((pi, submitted) -> {
            if (items.containsKey(key)) {
                assertThat(roadmap.get(group.programme(), items.get(key)).completedAt())
                        .as("item %s closed", items.get(key)).isNotNull();
            }
        });
    }

    /** The planning meeting (the one with the individual plan): every answer must be in the pair's tables. */
    Reached planningMeeting() {
        PupilGroup group = pairOfTheYear();
        // A meeting's kind follows from those reported: the mentor reports the meetings before the planning one.
        Task report = pairStep(group, PairProcess.SUB_PROCESS_PAIR_MEETING, Map.of(), PairProcess.TASK_REPORT_MEETING);
        while (!MeetingKind.PLANNING.code().equals(engine.getTaskService().getVariable(report.getId(),
                PairMeetings.VAR_MEETING_KIND.name()))) {
            complete(report, group.mentorUser(), TestPairs.meetingReport(SCHOOL_NOW.toLocalDate(),
                    List.of(group.mentee())));
            report = openTask(PairProcess.businessKey(group.programme(), group.pair().id()),
                    PairProcess.TASK_REPORT_MEETING);
        }
        return Reached.task(report).as(group.mentorUser()).checkingInTheProductsTables((pi, submitted) -> {
            long pairId = group.pair().id();
            // Held (meetingOutcome): reported with the day it was held on, not moved.
            assertThat(jdbc.sql("""
                            select held_on || ' ' || duration_minutes || ' ' || meeting_format || ' ' || topics
                                || ' ' || agreed || ' ' || moves
                            from pair_meeting where pair_id = :pair and kind = 'planning'""")
                    .param("pair", pairId).query(String.class).single()).isEqualTo(String.join(" ",
                    (String) submitted.get("heldOn"), (String) submitted.get("durationMinutes"),
                    (String) submitted.get("meetingFormat"), (String) submitted.get("meetingTopics"),
                    (String) submitted.get("meetingAgreed"), "0"));
            assertThat(jdbc.sql("""
                            select cast(a.person_id as varchar(20)) from pair_meeting m
                            join pair_meeting_attendance a on a.meeting_id = m.id
                            where m.pair_id = :pair and m.kind = 'planning' and a.attended""")
                    .param("pair", pairId).query(String.class).list())
                    .containsExactlyInAnyOrderElementsOf(ProcessVariables.stringList(submitted.get("attendedMentees")));
            assertThat(jdbc.sql("select frequency || ' ' || goals || ' ' || items from pair_plan where pair_id = :pair")
                    .param("pair", pairId).query(String.class).single()).isEqualTo(String.join(" ",
                    (String) submitted.get("planFrequency"), (String) submitted.get("planGoals"),
                    (String) submitted.get("planItems")));
            assertThat(jdbc.sql("select count(*) from pair_plan_request where pair_id = :pair").param("pair", pairId)
                    .query(Integer.class).single()).isEqualTo(ProcessVariables.stringList(submitted.get("planRequests")).size());
        });
    }

    /** The mentor's feedback at the end of the regular meetings: it must be in the pair's feedback table. */
    Reached mentorFeedback() {
        PupilGroup group = pairOfTheYear();
        Task feedback = pairStep(group, "Task_MentorFeedback", meetings.feedbackVariables(group.pair().id()),
                "Task_MentorFeedback");
        return Reached.task(feedback).as(group.mentorUser()).checking((pi, submitted) -> assertThat(jdbc.sql("""
                        select satisfaction || ' ' || mentee_progress || ' ' || worked from pair_mentor_feedback
                        where pair_id = :pair""").param("pair", group.pair().id()).query(String.class).single())
                .isEqualTo(submitted.get("feedbackSatisfaction") + " " + submitted.get("feedbackProgress") + " "
                        + submitted.get("feedbackWorked")));
    }

    /**
     * Moves the pair's process to {@code activity} (with the variables the steps before would have set) instead of
     * living through the year's timers; answers the mentor's open task {@code key} there.
     */
    private Task pairStep(PupilGroup group, String activity, Map<String, Object> variables, String key) {
        String pi = group.pair().processInstanceId();
        ActivityInstance now = engine.getRuntimeService().getActivityInstance(pi);
        ProcessInstanceModificationBuilder modification = engine.getRuntimeService()
                .createProcessInstanceModification(pi).startBeforeActivity(activity).setVariables(variables);
        // Started first, cancelled after: cancelling everything first would end the process.
        for (ActivityInstance child : now.getChildActivityInstances()) {
            modification = modification.cancelActivityInstance(child.getId());
        }
        modification.execute();
        return openTask(PairProcess.businessKey(group.programme(), group.pair().id()), key);
    }

    /** «Запустить процесс» → «Замена наставника» for a pupil group of its own; the director must get the request. */
    Reached replacementRequestForm() {
        PupilGroup group = pupilGroup();
        return Reached.start("mentor-replacement", Map.of("pairId", String.valueOf(group.pair().id()),
                "menteeId", String.valueOf(group.mentee()))).checking((pi, submitted) ->
                assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult()
                        .getTaskDefinitionKey()).isEqualTo(DECIDE_REPLACEMENT));
    }

    /** A task of the replacement of a pupil group's mentor, requested by the curator over the API. */
    Reached replacementTask(String key) {
        PupilGroup group = pupilGroup();
        HttpResponse<String> created = RestClient.as(port, "curator", PASSWORD).post("/api/pairs/"
                + group.pair().id() + "/replacement-requests", "{\"requestedBy\": \"mentee\", \"menteeId\": "
                + group.mentee() + ", \"reason\": \"Не сложился личный контакт\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String businessKey = PairProcess.businessKey(group.programme(), group.pair().id()) + "-replacement";
        answerUpTo(businessKey, key);
        return Reached.task(openTask(businessKey, key));
    }

    /**
     * «Анкета участника» from «Запустить процесс» for a programme of its own; the questionnaire must be in the
     * participant tables as typed (the phone in the import's +7 form, the consent given by the person).
     */
    Reached questionnaire() {
        long programme = programme("teacher-teacher", "teacher-pupil");
        return Reached.start("participant-questionnaire", Map.of("programmeId", String.valueOf(programme)))
                .checking((pi, submitted) -> {
                    long person = jdbc.sql("select person_id from programme_participant where programme_id = :programme")
                            .param("programme", programme).query(Long.class).single();
                    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
                            .variableName("savedPersonId").singleResult().getValue()).isEqualTo(person);
                    assertThat(jdbc.sql("""
                                    select full_name || ' ' || birth_date || ' ' || category || ' ' || experience_years
                                           || ' ' || subjects || ' ' || email || ' ' || phone
                                    from person where id = :person""").param("person", person).query(String.class).single())
                            .isEqualTo(Stream.of("fullName", "birthDate", "category", "experienceYears", "subjects",
                                    "email").map(k -> (String) submitted.get(k)).collect(Collectors.joining(" "))
                                    + " +79001234567");
                    assertThat(jdbc.sql("""
                                    select role || ' ' || interests || ' ' || capacity || ' ' || engagement || ' '
                                           || activity || ' ' || self_esteem || ' ' || anxiety
                                    from programme_participant where programme_id = :programme and person_id = :person""")
                            .param("programme", programme).param("person", person).query(String.class).single())
                            .isEqualTo(Stream.of("role", "interests", "capacity", "engagement", "activity",
                                    "selfEsteem", "anxiety").map(k -> String.valueOf(submitted.get(k)))
                                    .collect(Collectors.joining(" ")));
                    assertThat(jdbc.sql("""
                                    select form_code from participant_form
                                    where programme_id = :programme and person_id = :person""")
                            .param("programme", programme).param("person", person).query(String.class).list())
                            .containsExactlyInAnyOrderElementsOf(ProcessVariables.stringList(submitted.get("forms")));
                    assertThat(jdbc.sql("""
                                    select kind || ':' || topic_code from participant_topic
                                    where programme_id = :programme and person_id = :person""")
                            .param("programme", programme).param("person", person).query(String.class).list())
                            .containsExactlyInAnyOrderElementsOf(ProcessVariables.stringList(submitted.get("competencies"))
                                    .stream().map(code -> "competency:" + code).toList());
                    assertThat(jdbc.sql("""
                                    select given_by || ' ' || given_on from consent
                                    where programme_id = :programme and person_id = :person and withdrawn_at is null""")
                            .param("programme", programme).param("person", person).query(String.class).single())
                            .isEqualTo("self " + submitted.get("consentGivenOn"));
                });
    }

    /** Starts a stage's process for the programme, as the programme's process calls it, and answers up to key. */
    private Task stageProcessTask(String stage, long programme, String key) {
        String businessKey = ProgrammeProcess.businessKey(programme);
        engine.getRuntimeService().startProcessInstanceByKey(stage, businessKey,
                Map.of(ProgrammeProcess.VAR_PROGRAMME_ID.name(), programme, TaskPeople.CURATOR_ID.name(), "curator"));
        answerUpTo(businessKey, key);
        return openTasks(businessKey, key).get(0);
    }

    /** Answers the open tasks before {@code key} in their order, each as {@link #ANSWERS} says. */
    private void answerUpTo(String businessKey, String key) {
        for (String before : BEFORE.getOrDefault(key, List.of())) {
            Map.Entry<String, Map<String, Object>> answer = ANSWERS.get(before);
            for (Task task : openTasks(businessKey, before)) {
                complete(task, answer.getKey(), answer.getValue());
            }
        }
    }

    private List<Task> openTasks(String businessKey, String key) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(key).list();
        assertThat(tasks).as("open tasks %s of %s", key, businessKey).isNotEmpty();
        return tasks;
    }

    private Task openTask(String businessKey, String key) {
        List<Task> tasks = openTasks(businessKey, key);
        assertThat(tasks).as("open task %s of %s", key, businessKey).hasSize(1);
        return tasks.get(0);
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
