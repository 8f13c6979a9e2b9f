package ru.nastavnik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.matching.PairReviewDecision;
import ru.nastavnik.matching.PairsStageSteps;
import ru.nastavnik.matching.PreferencesDecision;
import ru.nastavnik.programme.RoadmapWorkDone;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairProcess;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrderDecision;
import ru.nastavnik.pairorder.PairOrderVariables;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.PrepareStage;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapDecision;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapItemProcess;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.Groups;
import ru.nastavnik.training.InterviewDecision;
import ru.nastavnik.training.MentorTrainingStage;

/**
 * One programme through the whole school year 2026/2027, every process together, with the engine clock moved
 * forward and every due job of the programme executed in order of its due date: stages 1–5 by their tasks, the
 * pairs' meetings reported on their planned days, a mentor who falls silent in January and is replaced in
 * February, the mentees' feedback links, the group final meeting and survey, stage 7, the programme's end.
 */
class WholeYearTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https?://\\S+(/feedback/[A-Za-z0-9_-]+)");
    private static final String REPORT_MEETING = "Task_ReportPairMeeting";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    RoadmapService roadmap;
    @Autowired
    Pairs pairs;
    @Autowired
    PairOrders orders;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    /** Every mail of the test once (GreenMail keeps a copy per recipient), with the school time it went out. */
    private final List<Sent> sent = new ArrayList<>();
    private final Set<String> seenMessageIds = new HashSet<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private long programme;

    // The people, pairs and events one step hands to the next.
    private Map<String, Long> ids;
    private String pairMentee;
    private List<String> groupMentees;
    private String teacherMentee;
    private String pairMentor;
    private String groupMentor;
    private String physicist;
    private String spareTeacher;
    private PairOrder first;
    private Pair pupilPair;
    private Pair group;
    private Pair teacherPair;
    private String silentMentorMail;
    private Task silentTask;

    record Sent(LocalDateTime at, String subject, List<String> to, List<String> cc, String body) {
        boolean reaches(String address) {
            return to.contains(address) || cc.contains(address);
        }
    }

    /** Pair processes are not children of the programme's: a failed run must not leave their timers behind. */
    @AfterEach
    void endPairProcesses() {
        programmeInstances().stream()
                .filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0)
                .forEach(id -> runtime.deleteProcessInstance(id, "test over"));
    }

    @Test
    void aProgrammeRunsThroughTheWholeSchoolYear() throws Exception {
        prepareTheProgramme();
        buildTheMenteeBase();
        buildTheMentorBase();
        selectAndTrainTheMentors();
        formThePairs();
        workInPairsFromDecemberToApril();
        checkTheMeetingsAndTheReminders();
        finishThePairWork();
        closeTheYear();
    }

    /** Stage 1 (September): the programme started, the roadmap approved. */
    private void prepareTheProgramme() throws Exception {
        // ---- September: the programme, stage 1, the roadmap approved.
        clockAt(LocalDateTime.of(2026, 9, 1, 9, 0));
        programme = startProgrammeOverApi("Гимназия года " + tag, "pupil-pupil", "teacher-teacher");
        advanceTo(LocalDateTime.of(2026, 9, 7, 16, 0));
        // Stage 1's October items, and 2.1, whose September date comes before stage 2's process.
        assertThat(stageTasks()).extracting(t -> t.getName().substring(0, 4))
                .containsExactlyInAnyOrder("1.1 ", "1.2 ", "1.3 ", "1.4 ", "2.1 ");
        completeRoadmapItems(LocalDate.of(2026, 9, 7), true);
        advanceTo(LocalDateTime.of(2026, 9, 8, 10, 0));
        complete(stageTask("Task_ApproveRoadmap"), "director", Map.of(PrepareStage.ROADMAP_DECISION.name(),
                RoadmapDecision.APPROVE.value()));
        assertThat(stage()).isEqualTo(2);
    }

    /** Stage 2: the mentees' questionnaires and the base analysed. */
    private void buildTheMenteeBase() throws Exception {
        // ---- Stage 2: the mentees' questionnaires. Pupils are minors with a representative.
        pairMentee = TestParticipants.unique("Соколова") + " Ирина";
        groupMentees = List.of(TestParticipants.unique("Волков") + " Артём",
                TestParticipants.unique("Зайцева") + " Полина", TestParticipants.unique("Лебедев") + " Марк");
        teacherMentee = TestParticipants.unique("Молодцова") + " Дарья";
        advanceTo(LocalDateTime.of(2026, 9, 14, 11, 0));
        ids = new HashMap<>(TestParticipants.importRows(port, programme, List.of(
                pupilMentee(pairMentee, "01.05.2011", "9В", true, "irina"),
                pupilMentee(groupMentees.get(0), "10.03.2014", "6А", false, "artem"),
                pupilMentee(groupMentees.get(1), "12.04.2014", "6Б", true, "polina"),
                pupilMentee(groupMentees.get(2), "15.01.2013", "7А", false, "mark"),
                teacherMentee + ";14.02.2000;Педагог;;1;Физика;" + email("darya") + ";;Наставляемый;Учитель – учитель;"
                        + "Адаптация молодого специалиста;;;;;4;4;3;2;;Да;01.09.2026;;")));
        complete(stageTask("Task_UploadQuestionnaires"), "curator", Map.of());
        advanceTo(LocalDateTime.of(2026, 9, 21, 11, 0));
        complete(stageTask("Task_AnalyseMenteeBase"), "curator", Map.of("baseConclusion", "Пять наставляемых"));
        completeRoadmapItems(LocalDate.of(2026, 9, 21), true);
        assertThat(stage()).isEqualTo(3);
    }

    /** Stage 3 (October): the mentor candidates' questionnaires and the base analysed. */
    private void buildTheMentorBase() throws Exception {
        // ---- Stage 3 (October): the mentor candidates; a second teacher stays free for a later replacement.
        pairMentor = TestParticipants.unique("Орлов") + " Никита";
        groupMentor = TestParticipants.unique("Белова") + " Алиса";
        physicist = TestParticipants.unique("Фёдоров") + " Олег";
        spareTeacher = TestParticipants.unique("Громова") + " Вера";
        advanceTo(LocalDateTime.of(2026, 10, 5, 11, 0));
        ids.putAll(TestParticipants.importRows(port, programme, List.of(
                pupilCandidate(pairMentor, "01.02.2009", "11А", 1, "nikita"),
                pupilCandidate(groupMentor, "20.05.2012", "8Б", 3, "alisa"),
                teacherCandidate(physicist, "Физика", "Адаптация молодого специалиста, Методика преподавания", "oleg"),
                teacherCandidate(spareTeacher, "Русский язык", "Методика преподавания, Классное руководство", "vera"))));
        assertThat(ids).hasSize(9);
        complete(stageTask("Task_UploadQuestionnaires"), "curator", Map.of());
        advanceTo(LocalDateTime.of(2026, 10, 12, 11, 0));
        complete(stageTask("Task_AnalyseMentorBase"), "curator", Map.of("baseConclusion", "Четыре кандидата"));
        completeRoadmapItems(LocalDate.of(2026, 10, 12), true);
        assertThat(stage()).isEqualTo(4);
    }

    /** Stage 4 (November): interviews and training. */
    private void selectAndTrainTheMentors() throws Exception {
        // ---- Stage 4 (November): interviews, training, the candidates become mentors with accounts.
        advanceTo(LocalDateTime.of(2026, 11, 2, 14, 0));
        List<Task> interviews = stageTasks("Task_InterviewMentorCandidate");
        assertThat(interviews).hasSize(4);
        for (Task interview : interviews) {
            complete(interview, "deputy", Map.of(MentorTrainingStage.INTERVIEW_DECISION.name(),
                    InterviewDecision.PASSED.value(),
                    "interviewCriteria", List.of("communication", "motivation")));
        }
        advanceTo(LocalDateTime.of(2026, 11, 9, 14, 0));
        complete(stageTask("Task_MentorTraining"), "deputy", Map.of("trainingAttended", List.of(id(ids, pairMentor),
                id(ids, groupMentor), id(ids, physicist), id(ids, spareTeacher))));
        assertThat(sentTo(email("vera"))).hasSize(1);
        completeRoadmapItems(LocalDate.of(2026, 11, 9), true);
        assertThat(stage()).isEqualTo(5);
    }

    /** Stage 5: group meeting, preferences, proposal, the order returned once, then approved. */
    private void formThePairs() throws Exception {
        // ---- Stage 5: group meeting, preferences, review, the order returned once, then approved.
        advanceTo(LocalDateTime.of(2026, 11, 16, 16, 0));
        complete(stageTask("Task_RecordGroupMeeting"), "curator", Map.of("groupMeetingDate", "2026-11-16",
                "groupMeetingAttendees", ids.values().stream().map(String::valueOf).toList()));
        complete(stageTask("Task_EnterPreferences"), "curator", Map.of("preferencesPerson", id(ids, pairMentee),
                "wishedMentors", List.of(id(ids, pairMentor)), PairsStageSteps.PREFERENCES_DECISION.name(),
                        PreferencesDecision.MORE.value()));
        complete(stageTask("Task_EnterPreferences"), "curator", Map.of("preferencesPerson", id(ids, teacherMentee),
                "wishedMentors", List.of(id(ids, physicist)), PairsStageSteps.PREFERENCES_DECISION.name(),
                        PreferencesDecision.DONE.value()));
        advanceTo(LocalDateTime.of(2026, 11, 18, 10, 0));
        Task review = stageTask("Task_ReviewPairProposal");
        assertThat(String.valueOf(taskService.getVariable(review.getId(), "pairProposalTable")))
                .contains(pairMentor, pairMentee, groupMentor, physicist, teacherMentee).doesNotContain(spareTeacher);
        complete(review, "curator", Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(),
                PairReviewDecision.SEND.value()));
        advanceTo(LocalDateTime.of(2026, 11, 20, 10, 0));
        complete(stageTask("Task_ApprovePairOrder"), "director", Map.of(PairOrderVariables.PAIR_ORDER_DECISION.name(),
                PairOrderDecision.RETURN.value(),
                "orderReturnComment", "Проверьте состав группы после встречи с родителями"));
        advanceTo(LocalDateTime.of(2026, 11, 23, 10, 0));
        Task again = stageTask("Task_ReviewPairProposal");
        assertThat(taskService.getVariable(again.getId(), "orderReturnComment"))
                .isEqualTo("Проверьте состав группы после встречи с родителями");
        complete(again, "curator", Map.of(PairsStageSteps.PAIR_REVIEW_DECISION.name(),
                PairReviewDecision.SEND.value()));
        advanceTo(LocalDateTime.of(2026, 11, 30, 10, 0));
        complete(stageTask("Task_ApprovePairOrder"), "director", Map.of(PairOrderVariables.PAIR_ORDER_DECISION.name(),
                PairOrderDecision.APPROVE.value()));
        advanceTo(LocalDateTime.of(2026, 11, 30, 11, 0));

        first = orders.list(programme).stream().filter(PairOrder::approved).findFirst().orElseThrow();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.date()).isEqualTo(LocalDate.of(2026, 11, 30));
        List<Pair> fixed = pairs.list(programme);
        assertThat(fixed).hasSize(3).allMatch(Pair::active).allMatch(p -> p.orderId() == first.id());
        pupilPair = pairOf(fixed, pairMentor);
        group = pairOf(fixed, groupMentor);
        teacherPair = pairOf(fixed, physicist);
        assertThat(pupilPair.mentees()).extracting(Pair.Person::fullName).containsExactly(pairMentee);
        assertThat(group.group()).isTrue();
        assertThat(group.mentees()).extracting(Pair.Person::fullName).containsExactlyInAnyOrderElementsOf(groupMentees);
        assertThat(teacherPair.mentees()).extracting(Pair.Person::fullName).containsExactly(teacherMentee);
        assertThat(sentTo(representative("irina"))).anyMatch(m -> m.subject().startsWith("Наставническая пара закреплена")
                && m.at().equals(LocalDateTime.of(2026, 11, 30, 10, 0)));
        completeRoadmapItems(LocalDate.of(2026, 11, 30), true);
        assertThat(stage()).isEqualTo(6);
        assertThat(pairList()).allSatisfy(p -> {
            assertThat(p.get("status").asText()).isEqualTo("active");
            assertThat(p.get("currentStep").asText()).isEqualTo("acquaintance");
        });
    }

    /** Stage 6 (December to April): the meetings day by day, a silent mentor replaced. */
    private void workInPairsFromDecemberToApril() throws Exception {
        // ---- December to April: every evening the mentors report the day's meetings; the staff close the roadmap
        // items due that day. The physics teacher falls silent in January and is replaced in February.
        String silentMentor = teacherPair.mentorUserId();
        LocalDate silentFrom = LocalDate.of(2027, 1, 10);
        silentMentorMail = teacherPair.mentor().email();
        for (LocalDate day = LocalDate.of(2026, 12, 1); !day.isAfter(LocalDate.of(2027, 4, 30)); day = day.plusDays(1)) {
            advanceTo(day.atTime(17, 0));
            if (day.equals(LocalDate.of(2027, 1, 19))) {
                silentTask = meetingTask(teacherPair);
                assertThat(silentTask.getName()).startsWith("Регулярная встреча № 2");
                assertThat(dayOf(silentTask.getDueDate())).isEqualTo(LocalDate.of(2027, 1, 18));
                // The morning after the planned day the mentor is reminded; the curator is not told yet.
                assertThat(sentTo(silentMentorMail)).filteredOn(m -> m.subject().startsWith("Встреча не отмечена"))
                        .singleElement().satisfies(m -> {
                            assertThat(m.subject()).isEqualTo("Встреча не отмечена: Регулярная встреча № 2 — Гимназия года " + tag);
                            assertThat(m.at()).isEqualTo(LocalDateTime.of(2027, 1, 19, 9, 0));
                        });
                assertThat(sentTo("curator@school.test")).noneMatch(m -> m.subject().contains("Регулярная встреча"));
                assertThat(missed()).containsEntry(teacherPair.id(), 1).containsEntry(pupilPair.id(), 0)
                        .containsEntry(group.id(), 0);
            }
            if (day.equals(LocalDate.of(2027, 1, 25))) {
                // A week after the planned day: the curator's escalation, the mentor in copy, the task raised.
                String subject = "Просрочено: " + silentTask.getName();
                assertThat(sent).filteredOn(m -> m.subject().equals(subject)).singleElement().satisfies(m -> {
                    assertThat(m.to()).containsExactly("curator@school.test");
                    assertThat(m.cc()).contains(silentMentorMail);
                    assertThat(m.at()).isEqualTo(LocalDateTime.of(2027, 1, 25, 9, 0));
                });
                assertThat(meetingTask(teacherPair).getPriority()).isEqualTo(100);
            }
            if (day.equals(LocalDate.of(2027, 2, 10))) {
                replaceSilentMentor(teacherPair, first, spareTeacher, teacherMentee, silentTask);
                teacherPair = pairs.get(teacherPair.id());
            }
            if (day.equals(LocalDate.of(2027, 4, 29))) {
                // Stage 6 waits for the pairs, whose final meetings are tomorrow.
                ProcessInstance pairWork = runtime.createProcessInstanceQuery()
                        .processDefinitionKey("programme-stage-6-pair-work")
                        .processInstanceBusinessKey(ProgrammeProcess.businessKey(programme)).singleResult();
                assertThat(pairWork).isWaitingAt("Gateway_WaitForPairs");
                assertThat(runtime.getVariable(pairWork.getId(), "openPairs")).isEqualTo(3L);
            }
            if (day.equals(LocalDate.of(2027, 4, 2))) {
                answerMenteeFeedback(pupilPair, group, teacherPair);
            }
            for (Pair pair : List.of(pupilPair, group, teacherPair)) {
                if (!(pair.mentorUserId().equals(silentMentor) && !day.isBefore(silentFrom))) {
                    reportMeetingsDue(pair, day);
                }
            }
            completeRoadmapItems(day);
        }
    }

    /** What the months of pair work left: attendance, meeting days, reminder times. */
    private void checkTheMeetingsAndTheReminders() throws Exception {
        // The group reported attendance per mentee: one of three missed the trial meeting.
        JsonNode groupDetails = JSON.readTree(curator().get("/api/programmes/" + programme + "/pairs/" + group.id())
                .body());
        JsonNode trial = stream(groupDetails.get("meetings")).filter(m -> m.get("kind").asText().equals("trial"))
                .findFirst().orElseThrow();
        assertThat(trial.get("attendance")).hasSize(3);
        assertThat(stream(trial.get("attendance")).filter(a -> !a.get("attended").asBoolean())
                .map(a -> a.get("personId").asLong())).containsExactly(group.mentees().get(1).personId());

        // The pupils' pair and the group met on every planned day; the replaced mentor's meeting was held late.
        for (Pair pair : List.of(pupilPair, group)) {
            JsonNode details = JSON.readTree(curator().get("/api/programmes/" + programme + "/pairs/" + pair.id())
                    .body());
            assertThat(stream(details.get("meetings"))).allSatisfy(m ->
                    assertThat(m.get("heldOn").asText()).isEqualTo(m.get("plannedOn").asText()));
        }
        // Every reminder went out three days before its date at 9:00; the silent mentor got nothing after the change.
        Pattern dated = Pattern.compile("^Напоминание: (?:срок задачи истекает )?.*?(\\d{2})\\.(\\d{2})\\.(\\d{4})");
        List<Sent> reminders = sent.stream().filter(m -> m.subject().startsWith("Напоминание")).toList();
        assertThat(reminders).hasSizeGreaterThan(80).allSatisfy(m -> {
            Matcher d = dated.matcher(m.subject());
            assertThat(d.find()).as(m.subject()).isTrue();
            LocalDate due = LocalDate.of(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)),
                    Integer.parseInt(d.group(1)));
            assertThat(m.at()).as(m.subject()).isEqualTo(due.minusDays(3).atTime(9, 0));
        });
        assertThat(sentTo(silentMentorMail)).filteredOn(m -> m.at().isAfter(LocalDateTime.of(2027, 2, 10, 17, 0)))
                .isEmpty();
    }

    /** Stage 6 (end of April): the pairs finished, the group final meeting, the survey. */
    private void finishThePairWork() throws Exception {
        // ---- End of April: every pair finished on its final meeting's day; stage 6 goes on without escalation.
        assertThat(pairList()).allSatisfy(p -> assertThat(p.get("status").asText()).isEqualTo("finished"));
        assertThat(missed()).containsEntry(teacherPair.id(), 1).containsEntry(pupilPair.id(), 0)
                .containsEntry(group.id(), 0);
        assertThat(held()).containsEntry(pupilPair.id(), 18).containsEntry(group.id(), 7)
                .containsEntry(teacherPair.id(), 9);
        Task groupFinal = stageTask("Task_GroupFinalMeeting");
        assertThat(String.valueOf(taskService.getVariable(groupFinal.getId(), "pairsSummary")))
                .contains(pairMentor, groupMentor, spareTeacher);
        complete(groupFinal, "curator", Map.of("finalMeetingDate", "2027-04-30", "finalMeetingAttendance", 9,
                "finalMeetingSummary", "Пары рассказали о своих результатах"));
        collectMails();
        List<Sent> survey = sent.stream().filter(m -> m.subject().startsWith("Анкета: удовлетворённость")).toList();
        // Every mentor and mentee of the finished pairs, the replaced mentor not.
        assertThat(survey).hasSize(8).noneMatch(m -> m.reaches(silentMentorMail));
        String surveyLink = link(survey.stream().filter(m -> m.reaches(email("darya"))).findFirst().orElseThrow());
        assertThat(postFeedback(surveyLink, Map.of("rating", "5", "continue", "yes")).statusCode()).isEqualTo(200);
        complete(stageTask("Task_SatisfactionSurvey"), "curator", Map.of("surveyConclusion", "Участники довольны"));
        completeRoadmapItems(LocalDate.of(2027, 4, 30));
        assertThat(stage()).isEqualTo(7);
    }

    /** Stage 7 (May and June): its real steps, each closing its roadmap item; then the year's end. */
    private void closeTheYear() throws Exception {
        // ---- May and June: stage 7's real steps, each closing its roadmap item; the monitoring closes 7.3 and 7.4.
        advanceTo(LocalDateTime.of(2027, 5, 4, 10, 0));
        Task nominate = stageTask("Task_EditNominations");
        Map<String, Object> proposal = taskService.getVariables(nominate.getId());
        // «Наставник+»: the group's mentor brought three mentees to the end; «Лучшая пара» met on plan (no miss).
        assertThat(proposal.get("mentorPlus")).isEqualTo(String.valueOf(group.id()));
        assertThat(proposal.get("bestPair")).isIn(String.valueOf(pupilPair.id()), String.valueOf(group.id()));
        Map<String, Object> chosen = new HashMap<>();
        for (String field : List.of("bestPair", "mentorOfYear", "mentorPlus")) {
            chosen.put(field, proposal.get(field));
            chosen.put(field + "Reason", proposal.get(field + "Reason"));
        }
        complete(nominate, "curator", chosen);
        complete(stageTask("Task_ConfirmNominations"), "director", Map.of("nominationsDecision", "approve",
                "ceremonyDate", "2027-05-25", "ceremonyPlace", "Актовый зал"));
        collectMails();
        // Every mentor and mentee of the three pairs, each once; the replaced mentor not.
        assertThat(sent).filteredOn(m -> m.subject().startsWith("Приглашение на торжественное")).hasSize(8)
                .noneMatch(m -> m.reaches(silentMentorMail));
        advanceTo(LocalDateTime.of(2027, 5, 25, 18, 0));
        complete(stageTask("Task_HoldCeremony"), "director", Map.of("ceremonyHeldOn", "2027-05-25",
                "ceremonyGuests", 30L));
        complete(stageTask("Task_WriteCases"), "curator", Map.of("case1Pair", proposal.get("bestPair"),
                "case1Situation", "Трудности с алгеброй", "case1Actions", "Еженедельный разбор задач",
                "case1Outcome", "Итоговая четвёрка"));
        // The monitoring (its own feature) reports 7.3 and 7.4 done within May.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new RoadmapWorkDone(programme, "7.3", "Мониторинг качества проведён"));
            events.publishEvent(new RoadmapWorkDone(programme, "7.4", "Выходная оценка проведена"));
        });
        advanceTo(LocalDateTime.of(2027, 6, 5, 11, 0));
        complete(stageTask("Task_PublishResults"), "curator", Map.of("publicationUrl",
                "https://gymnasium.test/news/mentors", "publishedOn", "2027-06-05"));
        collectMails();
        assertThat(sent).filteredOn(m -> m.subject().startsWith("Итоги программы наставничества для вас"))
                .hasSize(8);
        complete(stageTask("Task_FormLongTermBase"), "curator", Map.of());
        advanceTo(LocalDateTime.of(2027, 7, 1, 10, 0));

        assertThat(programmes.get(programme).completedAt()).isNotNull();
        assertThat(programmes.currentStage(programmes.get(programme))).isZero();
        assertThat(roadmap.roadmap(programme)).hasSize(35)
                .allSatisfy(i -> assertThat(i.status(roadmap.today())).isEqualTo(RoadmapItem.Status.done));
        assertThat(programmeInstances()).isEmpty();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike("programme-" + programme + "-%")
                .count()).isZero();
        assertThat(orders.list(programme)).filteredOn(PairOrder::approved).extracting(PairOrder::number)
                .containsExactly(1, 2);
        // Nothing was escalated that the staff did on time: the only escalation is the silent mentor's.
        assertThat(sent).filteredOn(m -> m.subject().startsWith("Просрочено") || m.subject().startsWith("Пары не"))
                .extracting(Sent::subject).containsExactly("Просрочено: " + silentTask.getName());
        JsonNode feedback = JSON.readTree(curator().get("/api/programmes/" + programme + "/feedback").body());
        Map<String, JsonNode> totals = stream(feedback.get("totals"))
                .collect(Collectors.toMap(t -> t.get("kind").asText(), t -> t));
        assertThat(totals.get("mentee").get("sent").asLong()).isEqualTo(5);
        assertThat(totals.get("mentee").get("answered").asLong()).isEqualTo(5);
        assertThat(totals.get("satisfaction").get("answered").asLong()).isEqualTo(1);
    }

    // ---- the year's events --------------------------------------------------------------------------------------

    /** February: the mentee asks for another mentor; the director agrees; the curator takes the suggested one. */
    private void replaceSilentMentor(Pair teacherPair, PairOrder first, String spareTeacher, String mentee,
                                     Task silentTask) throws Exception {
        HttpResponse<String> created = curator().post("/api/pairs/" + teacherPair.id() + "/replacement-requests",
                "{\"requestedBy\": \"mentee\", \"menteeId\": " + teacherPair.mentees().get(0).personId()
                        + ", \"reason\": \"Наставник не выходит на связь с января\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String request = JSON.readTree(created.body()).get("processInstanceId").asText();
        complete(taskService.createTaskQuery().processInstanceId(request).singleResult(), "director",
                Map.of("replacementDecision", "approve"));
        Task pick = taskService.createTaskQuery().processInstanceId(request).singleResult();
        assertThat(pick.getTaskDefinitionKey()).isEqualTo("Task_PickNewMentor");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> options = (List<Map<String, String>>) runtime.getVariable(request, "mentorOptions");
        assertThat(options).singleElement().satisfies(o -> assertThat(o.get("label")).contains(spareTeacher));
        complete(pick, "curator", Map.of("pickDecision", "assign", "newMentorId", options.get(0).get("value")));
        collectMails();

        PairOrder change = orders.list(programme).stream().filter(o -> o.number() != null && o.number() == 2)
                .findFirst().orElseThrow();
        assertThat(change.replaces()).isEqualTo(first.id());
        assertThat(change.date()).isEqualTo(LocalDate.of(2027, 2, 10));
        Pair after = pairs.get(teacherPair.id());
        assertThat(after.active()).isTrue();
        assertThat(after.mentor().fullName()).isEqualTo(spareTeacher);
        assertThat(after.orderId()).isEqualTo(change.id());
        // The silent mentor's task is gone; the new mentor has the same meeting.
        assertThat(taskService.createTaskQuery().taskId(silentTask.getId()).count()).isZero();
        assertThat(taskService.createTaskQuery().taskAssignee(teacherPair.mentorUserId()).count()).isZero();
        Task handedOver = meetingTask(after);
        assertThat(handedOver.getName()).isEqualTo(silentTask.getName());
        assertThat(handedOver.getAssignee()).isEqualTo(after.mentorUserId());
        assertThat(sentTo(email("vera"))).anyMatch(m -> m.subject().contains("Вы назначены наставником"));
        assertThat(sentTo(teacherPair.mentor().email())).anyMatch(m -> m.subject().contains("Замена наставника"));
        assertThat(sentTo(email("darya"))).anyMatch(m -> m.subject().contains("Новый наставник")
                && m.body().contains(mentee));
    }

    /** April: every mentor fills in the questionnaire; every mentee answers the link, one tries a second time. */
    private void answerMenteeFeedback(Pair... all) throws Exception {
        for (Pair pair : all) {
            Pair now = pairs.get(pair.id());
            Task feedback = taskService.createTaskQuery().processInstanceBusinessKey(
                    PairProcess.businessKey(programme, pair.id())).taskDefinitionKey("Task_MentorFeedback").singleResult();
            assertThat(feedback).as("mentor feedback of pair %d", pair.id()).isNotNull();
            complete(feedback, now.mentorUserId(), Map.of("feedbackSatisfaction", "5", "feedbackProgress", "4",
                    "feedbackWorked", "Регулярные встречи"));
        }
        collectMails();
        List<Sent> links = sent.stream().filter(m -> m.subject().startsWith("Обратная связь о работе с наставником"))
                .toList();
        assertThat(links).hasSize(5).allMatch(m -> m.at().equals(LocalDateTime.of(2027, 4, 1, 9, 0)));
        for (Sent link : links) {
            HttpResponse<String> answered = postFeedback(link(link), Map.of("rating", "4", "helped", "Разбор задач",
                    "continue", "yes"));
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        }
        HttpResponse<String> twice = postFeedback(link(links.get(0)), Map.of("rating", "1", "continue", "no"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("Ответ уже получен");
    }

    /** The mentor reports every meeting due today or earlier, held today; the group's second mentee skips the trial. */
    private void reportMeetingsDue(Pair pair, LocalDate today) {
        Task task = meetingTask(pair);
        if (task == null || !REPORT_MEETING.equals(task.getTaskDefinitionKey()) || dayOf(task.getDueDate()).isAfter(today)) {
            return;
        }
        String kind = String.valueOf(taskService.getVariable(task.getId(), "meetingKind"));
        List<Long> came = pair.mentees().stream().map(Pair.Person::personId)
                .filter(id -> !(pair.group() && kind.equals("trial") && id == pair.mentees().get(1).personId()))
                .toList();
        Map<String, Object> vars = TestPairs.meetingReport(today, came);
        if (kind.equals("planning")) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> requests = (List<Map<String, String>>) taskService.getVariable(task.getId(),
                    "requestOptions");
            // The plan chooses the frequency: weekly for the pupils' pair, monthly for the group, every two weeks
            // for the teachers.
            vars.put("planFrequency", pair.group() ? "monthly" : pair.form().equals("pupil-pupil") ? "weekly" : "biweekly");
            vars.put("planGoals", "Цели по запросам наставляемых");
            vars.put("planItems", "Регулярные встречи, разбор задач, итоговый проект");
            vars.put("planRequests", SpinValues.jsonValue("[\"" + requests.get(0).get("value") + "\"]").create());
        }
        complete(task, pair.mentorUserId(), vars);
        collectMails();
    }

    // ---- time and jobs ------------------------------------------------------------------------------------------

    /**
     * Moves the engine clock to {@code target}, executing on the way every job of this programme's processes that
     * falls due, one at a time in order of due date and with the clock at that due date (so a mail's time is the
     * time the product meant it for). Jobs of other tests' processes are left alone.
     */
    private void advanceTo(LocalDateTime target) {
        Date end = at(target);
        assertThat(ClockUtil.getCurrentTime()).as("the clock only moves forward").isBeforeOrEqualTo(end);
        for (int executed = 0; ; executed++) {
            assertThat(executed).as("jobs executed up to %s", target).isLessThan(500);
            Set<String> instances = programmeInstances();
            if (instances.isEmpty()) {
                break;
            }
            Optional<Job> next = management.createJobQuery().processInstanceIds(instances).active().withRetriesLeft()
                    .list().stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(end))
                    .min(Comparator.comparing(j -> j.getDuedate() == null ? new Date(0) : j.getDuedate()));
            if (next.isEmpty()) {
                break;
            }
            Date due = next.get().getDuedate();
            if (due != null && due.after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(due);
            }
            management.executeJob(next.get().getId());
            collectMails();
        }
        ClockUtil.setCurrentTime(end);
    }

    /** The running process instances of the programme: its own, its stages' and items', the pairs' and requests'. */
    private Set<String> programmeInstances() {
        Set<String> ids = new HashSet<>();
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(programme)).list()
                .forEach(p -> ids.add(p.getId()));
        runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(ProgrammeProcess.businessKey(programme) + "-%")
                .list().forEach(p -> ids.add(p.getId()));
        return ids;
    }

    // ---- tasks --------------------------------------------------------------------------------------------------

    /** Closes the open roadmap items due today or earlier, as their owners would, done today. */
    private void completeRoadmapItems(LocalDate today) {
        completeRoadmapItems(today, false);
    }

    /** Closes the open roadmap items ({@code early}: also those due later), as their owners would, done today. */
    private void completeRoadmapItems(LocalDate today, boolean early) {
        for (Task task : stageTasks(RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM)) {
            if (!early && dayOf(task.getDueDate()).isAfter(today)) {
                continue;
            }
            String owner = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(l -> l.getGroupId() != null && Groups.DIRECTOR.equals(Groups.roleOf(l.getGroupId()))) ? "director" : "deputy";
            complete(task, owner, Map.of("doneOn", today.toString(), "result", "Выполнено"));
        }
        collectMails();
    }

    private List<Task> stageTasks() {
        return taskService.createTaskQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(programme)).list();
    }

    private List<Task> stageTasks(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(programme))
                .taskDefinitionKey(key).list();
    }

    private Task stageTask(String key) {
        List<Task> found = stageTasks(key);
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }

    /** The pair's one open task (a meeting to report or the mentor's questionnaire), or null. */
    private Task meetingTask(Pair pair) {
        return taskService.createTaskQuery().processInstanceBusinessKey(PairProcess.businessKey(programme, pair.id()))
                .singleResult();
    }

    private int stage() {
        return programmes.currentStage(programmes.get(programme));
    }

    // ---- REST ---------------------------------------------------------------------------------------------------

    private RestClient curator() {
        return RestClient.as(port, "curator", PASSWORD);
    }

    private List<JsonNode> pairList() throws IOException {
        HttpResponse<String> list = curator().get("/api/programmes/" + programme + "/pairs");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return stream(JSON.readTree(list.body())).toList();
    }

    private Map<Long, Integer> missed() throws IOException {
        return pairList().stream().collect(Collectors.toMap(p -> p.get("pairId").asLong(),
                p -> p.get("missedMeetings").asInt()));
    }

    private Map<Long, Integer> held() throws IOException {
        return pairList().stream().collect(Collectors.toMap(p -> p.get("pairId").asLong(),
                p -> p.get("meetingsHeld").asInt()));
    }

    private HttpResponse<String> postFeedback(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String link(Sent mail) {
        Matcher m = LINK.matcher(mail.body());
        assertThat(m.find()).as(mail.body()).isTrue();
        return m.group(1);
    }

    // ---- mails --------------------------------------------------------------------------------------------------

    /** Takes the new mails into {@link #sent}, stamped with the engine's school time. */
    private void collectMails() {
        LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), SCHOOL_ZONE);
        // GreenMail answers per mailbox, not in order of arrival: every message is looked at.
        for (MimeMessage message : receivedMail()) {
            try {
                if (seenMessageIds.add(message.getMessageID())) {
                    sent.add(new Sent(now, message.getSubject(), addresses(message, Message.RecipientType.TO),
                            addresses(message, Message.RecipientType.CC), text(message)));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private List<Sent> sentTo(String address) {
        collectMails();
        return sent.stream().filter(m -> m.reaches(address)).toList();
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws MessagingException {
        Address[] found = message.getRecipients(type);
        return found == null ? List.of() : Arrays.stream(found).map(Address::toString).toList();
    }

    // ---- people -------------------------------------------------------------------------------------------------

    private String email(String who) {
        return who + "-" + tag + "@school.test";
    }

    private String representative(String who) {
        return who + "-parent-" + tag + "@mail.test";
    }

    /** A minor pupil who asks for help with grades, with or without an own address; the representative's always. */
    private String pupilMentee(String name, String born, String schoolClass, boolean ownEmail, String who) {
        return name + ";" + born + ";Ученик;" + schoolClass + ";;математика;" + (ownEmail ? email(who) : "")
                + ";;Наставляемый;Ученик – ученик;Успеваемость;;;шахматы;;3;2;3;4;3,2;Да;01.09.2026;"
                + "Законный Представитель;" + representative(who);
    }

    private String pupilCandidate(String name, String born, String schoolClass, int capacity, String who) {
        return name + ";" + born + ";Ученик;" + schoolClass + ";;математика;" + email(who)
                + ";;Кандидат в наставники;Ученик – ученик;;Успеваемость;;шахматы;" + capacity + ";;5;;;4,8;Да;"
                + "01.09.2026;Законный Представитель;" + representative(who);
    }

    private String teacherCandidate(String name, String subject, String competencies, String who) {
        return name + ";12.07.1978;Учитель;;20;" + subject + ";" + email(who) + ";;Кандидат в наставники;"
                + "Учитель – учитель;;" + competencies + ";;;1;;;;;;Да;01.09.2026;;";
    }

    private static String id(Map<String, Long> ids, String name) {
        return String.valueOf(ids.get(name));
    }

    private static Pair pairOf(List<Pair> fixed, String mentor) {
        return fixed.stream().filter(p -> p.mentor().fullName().equals(mentor)).findFirst().orElseThrow();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static LocalDate dayOf(Date date) {
        return LocalDate.ofInstant(date.toInstant(), SCHOOL_ZONE);
    }

    private static Date at(LocalDateTime schoolTime) {
        return Date.from(schoolTime.atZone(SCHOOL_ZONE).toInstant());
    }
}
