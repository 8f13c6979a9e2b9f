package ru.nastavnik.closing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.programme.RoadmapWorkDone;
import ru.nastavnik.shared.ValidationException;

/**
 * Stage 7 on its own: nominations proposed, edited, returned and confirmed; invitations; the ceremony; cases; the
 * publication; results to each person; the long-term base; every step closing its roadmap item, and the monitoring's
 * items closed by their work. Then the papers (PDF, DOCX, XLSX) as a reader gets them, and the timers of a task.
 */
class ClosingStageTest extends IntegrationTest {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    PairOrders orders;
    @Autowired
    Pairs pairs;
    @Autowired
    RoadmapService roadmap;
    @Autowired
    Deadlines deadlines;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private long programme;
    private ProcessInstance stage;

    @BeforeEach
    void programme() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        programme = startProgrammeOverApi("Школа этапа 7 " + ru.nastavnik.TestParticipants.unique(""), "pupil-pupil");
    }

    @AfterEach
    void endStage() {
        if (stage != null && runtimeService.createProcessInstanceQuery().processInstanceId(stage.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(stage.getId(), "test over");
        }
    }

    @Test
    void theYearClosesStepByStepAndEachStepClosesItsRoadmapItem() throws Exception {
        ClosingTestSchool school = new ClosingTestSchool(port, programme, orders, pairs);
        pairs.close(school.pairs.get(0).id(), Pair.FINISHED, null, "mentor1");
        pairs.close(school.pairs.get(1).id(), Pair.FINISHED, null, "mentor1");
        clockAt(LocalDateTime.of(2027, 5, 4, 10, 0));
        forgetMail();
        stage = runtimeService.startProcessInstanceByKey(ClosingProcess.PROCESS_ID, "programme-" + programme,
                Map.of("programmeId", programme, "curatorId", "curator"));

        // The stage's own steps hold 7.1, 7.2, 7.5–7.8; only the monitoring's 7.3 and 7.4 are checklist tasks.
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems", "Task_EditNominations");
        assertThat(checklistTasks()).containsExactlyInAnyOrder("7.3", "7.4");
        assertThat(item("7.1").processInstanceId()).isEqualTo(stage.getId());
        Task edit = task("Task_EditNominations");
        assertThat(edit.getDueDate()).isEqualTo(schoolTime(LocalDateTime.of(2027, 5, 31, 18, 0)));
        Map<String, Object> proposal = taskService.getVariables(edit.getId());
        String firstPair = String.valueOf(school.pairs.get(0).id());
        assertThat(proposal.get("bestPair")).isEqualTo(firstPair);
        assertThat((String) proposal.get("bestPairReason")).contains("проведено 0, пропущено 0");

        // A reason is required for a chosen nomination; a pair not offered is refused.
        Map<String, Object> bad = new HashMap<>(Map.of("bestPair", "999999", "mentorOfYear", firstPair,
                "mentorOfYearReason", " ", "mentorPlus", firstPair, "mentorPlusReason", "Довёл пару до конца"));
        assertThatThrownBy(() -> complete(edit, "curator", bad)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("«Лучшая пара»: выберите из списка");
        complete(edit, "curator", Map.of("bestPair", firstPair, "bestPairReason", "Все встречи по плану",
                "mentorOfYear", "", "mentorPlus", firstPair, "mentorPlusReason", "Довёл пару до конца"));

        // The director returns it once, then confirms and sets the ceremony.
        complete(task("Task_ConfirmNominations"), "director", Map.of("nominationsDecision", "return",
                "nominationsReturnComment", "Добавьте «Наставника года»"));
        Task again = task("Task_EditNominations");
        assertThat(taskService.getVariable(again.getId(), "nominationsReturnComment"))
                .isEqualTo("Добавьте «Наставника года»");
        String secondPair = String.valueOf(school.pairs.get(1).id());
        complete(again, "curator", Map.of("bestPair", firstPair, "bestPairReason", "Все встречи по плану",
                "mentorOfYear", secondPair, "mentorOfYearReason", "Наставляемая подтянула математику",
                "mentorPlus", firstPair, "mentorPlusReason", "Довёл пару до конца"));
        assertThat(item("7.1").completedAt()).isNull();
        complete(task("Task_ConfirmNominations"), "director", Map.of("nominationsDecision", "approve",
                "ceremonyDate", "2027-05-25", "ceremonyPlace", "Актовый зал"));

        // Invitations: every participant, the representatives in copy; 7.1 closed by the step.
        MimeMessage[] invitations = receivedMail();
        assertThat(distinct(invitations)).isEqualTo(4);
        assertThat(invitations[0].getSubject()).startsWith("Приглашение на торжественное подведение итогов");
        assertThat(text(invitations[0])).contains("25.05.2027", "Актовый зал");
        assertThat(recipients(invitations, Message.RecipientType.TO)).containsExactlyInAnyOrder("m1@pupil.test",
                "p1@pupil.test", "m2@pupil.test", "p2@pupil.test");
        assertThat(recipients(invitations, Message.RecipientType.CC)).contains("p1-parent@mail.test");
        assertThat(item("7.1").result()).contains("разосланы участникам и их родным: 4");
        mail.reset();

        Task ceremony = task("Task_HoldCeremony");
        assertThat(ceremony.getDueDate()).isEqualTo(schoolTime(LocalDateTime.of(2027, 5, 31, 18, 0)));
        assertThat((String) taskService.getVariable(ceremony.getId(), "closingPapersLinks"))
                .contains("/closing/certificates/best_pair.pdf", "/closing/guests.xlsx");
        clockAt(LocalDateTime.of(2027, 5, 26, 10, 0));
        complete(ceremony, "director", Map.of("ceremonyHeldOn", "2027-05-25", "ceremonyGuests", 40L));
        assertThat(item("7.2").result()).contains("проведено 25.05.2027, гостей: 40");

        Task cases = task("Task_WriteCases");
        assertThat(taskService.getVariable(cases.getId(), "case1Pair")).isEqualTo(firstPair);
        assertThatThrownBy(() -> complete(cases, "curator", Map.of("case1Pair", firstPair,
                "case1Situation", "Отставание по математике", "case1Actions", "Разбор задач", "case1Outcome", "Четвёрка",
                "case2Pair", secondPair))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Ситуация (кейс 2)");
        complete(cases, "curator", Map.of("case1Pair", firstPair, "case1Situation", "Отставание по математике",
                "case1Actions", "Разбор задач", "case1Outcome", "Четвёрка в году"));
        assertThat(item("7.5").result()).isEqualTo("Оформлено кейсов: 1");

        Task publish = task("Task_PublishResults");
        assertThatThrownBy(() -> complete(publish, "curator", Map.of("publicationUrl", "javascript:alert(1)",
                "publishedOn", "2027-05-26"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Адрес страницы с публикацией");
        complete(publish, "curator", Map.of("publicationUrl", "https://school.test/news/mentors",
                "publishedOn", "2027-05-26"));
        assertThat(item("7.6").result()).contains("https://school.test/news/mentors");

        // Results: one mail per participant saying what they did; 7.7 closed.
        MimeMessage[] results = receivedMail();
        assertThat(distinct(results)).isEqualTo(4);
        MimeMessage toFirstMentor = Arrays.stream(results).filter(m -> recipients(new MimeMessage[] {m},
                Message.RecipientType.TO).contains("m1@pupil.test")).findFirst().orElseThrow();
        assertThat(text(toFirstMentor)).contains("Вы были наставником: " + school.name("p1"),
                "Награда: «Лучшая пара»", "Награда: «Наставник+»", "Программа пройдена до конца");
        assertThat(item("7.7").completedAt()).isNotNull();

        Task base = task("Task_FormLongTermBase");
        complete(base, "curator", Map.of("continuingMentors", Variables.objectValue(List.of(
                        String.valueOf(school.id("m1")))).serializationDataFormat("application/json").create(),
                "newMentorCandidates", Variables.objectValue(List.of(String.valueOf(school.id("p1"))))
                        .serializationDataFormat("application/json").create()));
        assertThat(item("7.8").result()).contains("наставников 1", "стать наставниками, 1");

        // The monitoring closes 7.3 and 7.4 by its work: their checklist tasks end, and so does the stage.
        assertThat(stage).isWaitingAt("CallActivity_RoadmapItems");
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            events.publishEvent(new RoadmapWorkDone(programme, "7.3", "Анкеты качества собраны, SWOT готов"));
            events.publishEvent(new RoadmapWorkDone(programme, "7.4", "Выходная оценка проведена"));
        });
        assertThat(stage).isEnded();
        assertThat(roadmap.roadmap(programme).stream().filter(i -> i.stage() == 7))
                .allMatch(i -> i.completedAt() != null);

        // The papers: certificates with Cyrillic names; the publication without minors' names.
        RestClient curator = RestClient.as(port, "curator", PASSWORD);
        String certificate = pdfText(curator.download("/api/programmes/" + programme
                + "/closing/certificates/best_pair.pdf").body());
        assertThat(certificate).contains("ГРАМОТА", "Лучшая пара", school.name("m1"), school.name("p1"));
        String letters = pdfText(curator.download("/api/programmes/" + programme + "/closing/letters.pdf").body());
        assertThat(letters).contains("БЛАГОДАРСТВЕННОЕ ПИСЬМО", school.name("m1"), school.name("m2"));
        String publication;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(curator.download("/api/programmes/"
                + programme + "/closing/publication.docx").body()));
             XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            publication = words.getText();
        }
        assertThat(publication).contains("«Лучшая пара»", "обучающийся 9Б класса", "Отставание по математике");
        for (String who : List.of("m1", "p1", "m2", "p2")) {
            assertThat(publication).doesNotContain(school.name(who).split(" ")[0]);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(curator.download("/api/programmes/"
                + programme + "/closing/guests.xlsx").body()))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(1 + 4 + 4);
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(school.name("m1"));
        }
        assertThat(RestClient.as(port, "mentor1", PASSWORD).get("/api/programmes/" + programme + "/closing")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theCeremonyIsRemindedBeforeItsDueDateAndEscalatedAfter() throws Exception {
        clockAt(LocalDateTime.of(2027, 5, 4, 10, 0));
        Map<String, Object> vars = new HashMap<>(deadlines.variables(LocalDate.of(2027, 5, 1),
                LocalDate.of(2027, 5, 31)));
        vars.put("programmeId", programme);
        vars.put("curatorId", "curator");
        vars.put("closingPapersLinks", "—");
        stage = runtimeService.createProcessInstanceByKey(ClosingProcess.PROCESS_ID)
                .businessKey("programme-" + programme).setVariables(vars)
                .startBeforeActivity("Task_HoldCeremony").execute();
        assertThat(stage).isWaitingAt("Task_HoldCeremony");

        clockAt(LocalDateTime.of(2027, 5, 28, 9, 1));
        executeDue("Timer_RemindBeforeHoldCeremonyDue");
        MimeMessage[] reminder = receivedMail();
        assertThat(distinct(reminder)).isEqualTo(1);
        assertThat(recipients(reminder, Message.RecipientType.TO)).containsExactly("director@school.test");
        mail.reset();

        clockAt(LocalDateTime.of(2027, 6, 1, 9, 1));
        executeDue("Timer_EscalateAfterHoldCeremonyDue");
        assertThat(stage).hasPassed("Task_EscalateHoldCeremony").isWaitingAt("Task_HoldCeremony");
        assertThat(receivedMail()).isNotEmpty();
    }

    @Test
    void aNominationLeftOutIsNotAwarded() {
        clockAt(LocalDateTime.of(2027, 5, 4, 10, 0));
        ClosingTestSchool school = new ClosingTestSchool(port, programme, orders, pairs);
        stage = runtimeService.startProcessInstanceByKey(ClosingProcess.PROCESS_ID, "programme-" + programme,
                Map.of("programmeId", programme, "curatorId", "curator"));
        String firstPair = String.valueOf(school.pairs.get(0).id());
        complete(task("Task_EditNominations"), "curator", Map.of("bestPair", firstPair, "bestPairReason", "По плану",
                "mentorOfYear", "", "mentorPlus", ""));
        String table = String.valueOf(taskService.getVariable(task("Task_ConfirmNominations").getId(),
                "nominationsTable"));
        assertThat(table).contains("Лучшая пара").doesNotContain("Наставник года", "Наставник+");
    }

    private void executeDue(String timerId) {
        Job job = managementService.createJobQuery().processInstanceId(stage.getId()).activityId(timerId)
                .executable().singleResult();
        assertThat(job).as(timerId).isNotNull();
        managementService.executeJob(job.getId());
    }

    private List<String> checklistTasks() {
        return taskService.createTaskQuery().processInstanceBusinessKey("programme-" + programme)
                .processDefinitionKey("roadmap-item").list().stream()
                .map(t -> (String) runtimeService.getVariable(t.getExecutionId(), "itemCode"))
                .filter(code -> code.startsWith("7.")).toList();
    }

    private RoadmapItem item(String code) {
        return roadmap.get(programme, code);
    }

    private Task task(String key) {
        return taskService.createTaskQuery().processInstanceId(stage.getId()).taskDefinitionKey(key).singleResult();
    }

    private static List<String> recipients(MimeMessage[] messages, Message.RecipientType type) {
        List<String> all = new ArrayList<>();
        try {
            for (MimeMessage m : messages) {
                if (m.getRecipients(type) != null) {
                    Arrays.stream(m.getRecipients(type)).map(Object::toString).forEach(all::add);
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return all.stream().distinct().toList();
    }

    /** Mails sent, not copies delivered: GreenMail keeps one copy per recipient. */
    private static long distinct(MimeMessage[] messages) {
        return Arrays.stream(messages).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static Date schoolTime(LocalDateTime time) {
        return Date.from(time.atZone(SCHOOL_ZONE).toInstant());
    }
}
