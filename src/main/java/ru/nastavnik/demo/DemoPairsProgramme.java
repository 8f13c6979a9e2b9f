package ru.nastavnik.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.account.MentorAccounts;
import ru.nastavnik.participant.BaseStages;
import ru.nastavnik.participant.MenteeBaseStage;
import ru.nastavnik.participant.MentorBaseStage;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantService;
import ru.nastavnik.programme.PrepareStage;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeRequest;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapDecision;
import ru.nastavnik.programme.RoadmapItemProcess;
import ru.nastavnik.programme.SchoolYear;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.training.InterviewDecision;
import ru.nastavnik.training.MentorTrainingStage;

/**
 * The demo's second programme, of the current school year, brought by the system through stages 1–4 as its staff
 * would have worked them, so that it waits at stage 5 for the curator's «Групповая встреча наставников и
 * наставляемых». Everything goes through the product's services and processes; the mentors Смирнова, Кузнецов and
 * Попова are linked to the demo logins mentor1–mentor3. One transaction: on any failure nothing is left behind,
 * and the job executor sees only the finished state (no escalations for the items the demo closes).
 * Used by {@link DemoData} (profile "demo") and by its test.
 */
@Component
class DemoPairsProgramme {

    private static final Logger log = LoggerFactory.getLogger(DemoPairsProgramme.class);
    static final String SCHOOL = "МБОУ «Демонстрационная школа № 2»";
    private static final String RESULT = "Выполнено по плану дорожной карты";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String HEADER = "ФИО;Дата рождения;Категория;Класс;Стаж, лет;Предметы;Email;Роль;"
            + "Формы наставничества;Запросы;Компетенции;Интересы;Число наставляемых;Вовлечённость;Активность;"
            + "Самооценка;Тревожность;Средний балл;Согласие на обработку ПД;Дата согласия;Законный представитель;"
            + "Email представителя";

    /** The mentors who get the demo's mentor logins instead of new accounts. */
    static final Map<String, String> MENTOR_LOGINS = Map.of(
            "Смирнова Анна Викторовна", "mentor1",
            "Кузнецов Дмитрий Сергеевич", "mentor2",
            "Попова Мария Александровна", "mentor3");

    private final ProgrammeService programmes;
    private final ParticipantService participants;
    private final ParticipantDirectory directory;
    private final MentorAccounts accounts;
    private final TaskService tasks;
    private final IdentityService identity;
    private final SchoolClock clock;

    DemoPairsProgramme(ProgrammeService programmes, ParticipantService participants, ParticipantDirectory directory,
                       MentorAccounts accounts, TaskService tasks, IdentityService identity, SchoolClock clock) {
        this.programmes = programmes;
        this.participants = participants;
        this.directory = directory;
        this.accounts = accounts;
        this.tasks = tasks;
        this.identity = identity;
        this.clock = clock;
    }

    /** The programme of the current school year: the existing one, or a new one brought to stage 5. */
    @Transactional
    public Programme create() {
        SchoolYear year = SchoolYear.containing(clock.today());
        Optional<Programme> existing = programmes.list().stream()
                .filter(p -> p.schoolName().equals(SCHOOL) && p.schoolYear().equals(year.toString())).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Programme programme = as("curator", () -> programmes.start(new ProgrammeRequest(SCHOOL, year.toString(),
                List.of("pupil-pupil", "teacher-teacher"), "curator", List.of())
                .withSchoolHeads("deputy", "director")));
        long id = programme.id();

        // Stage 1: the deputy director's items, then the director approves the roadmap.
        completeRoadmapItems(id);
        complete(id, PrepareStage.TASK_APPROVE_ROADMAP, "director", Map.of(PrepareStage.ROADMAP_DECISION.name(),
                RoadmapDecision.APPROVE.value()));
        expectStage(id, 2);

        // Stage 2: the mentees' questionnaires, the analysis of their base.
        importRows(id, mentees(year));
        complete(id, MenteeBaseStage.TASK_UPLOAD_QUESTIONNAIRES, "curator", Map.of());
        complete(id, MenteeBaseStage.TASK_ANALYSE_MENTEE_BASE, "curator", Map.of(BaseStages.BASE_CONCLUSION.name(),
                "Восемь наставляемых с согласием: "
                + "шесть учеников (запросы — успеваемость и адаптация) и два молодых педагога"));
        completeRoadmapItems(id);
        expectStage(id, 3);

        // Stage 3: the mentor candidates.
        importRows(id, mentors(year));
        complete(id, MentorBaseStage.TASK_UPLOAD_QUESTIONNAIRES, "curator", Map.of());
        complete(id, MentorBaseStage.TASK_ANALYSE_MENTOR_BASE, "curator", Map.of(BaseStages.BASE_CONCLUSION.name(),
                "Четыре кандидата: два педагога "
                + "для молодых специалистов и два старшеклассника для учеников 5–8 классов"));
        completeRoadmapItems(id);
        expectStage(id, 4);

        // Stage 4: every candidate passes the interview and attends the training; the demo logins are linked first.
        for (Task interview : open(id, MentorTrainingStage.TASK_INTERVIEW_MENTOR_CANDIDATE)) {
            complete(interview, "deputy", Map.of(MentorTrainingStage.INTERVIEW_DECISION.name(),
                    InterviewDecision.PASSED.value(),
                    MentorTrainingStage.INTERVIEW_CRITERIA.name(), List.of("communication", "motivation",
                            "experience")));
        }
        List<String> trained = new ArrayList<>();
        for (ParticipantDirectory.Named person : directory.roster(id)) {
            if (!person.mentee()) {
                trained.add(String.valueOf(person.personId()));
                String login = MENTOR_LOGINS.get(person.fullName());
                if (login != null) {
                    as("curator", () -> accounts.link(person.personId(), login));
                }
            }
        }
        complete(id, MentorTrainingStage.TASK_MENTOR_TRAINING, "deputy",
                Map.of(MentorTrainingStage.TRAINING_ATTENDED.name(), trained));
        completeRoadmapItems(id);
        expectStage(id, 5);
        log.info("Demo programme {} ({}) brought to stage 5: the group meeting waits for the curator", id, SCHOOL);
        return programmes.get(id);
    }

    // ---- the participants: eight mentees (six pupils, two young teachers) and four mentor candidates ----------

    private List<String> mentees(SchoolYear year) {
        String consent = consentDay(year);
        return List.of(
                pupilMentee("Белов Артём Сергеевич", born(year, 11, "14.03"), "6А", "Успеваемость", "",
                        "3;2;3;4;3,2", "Белова Ирина Павловна", "belova.ip@mail.example", consent),
                pupilMentee("Григорьева Софья Андреевна", born(year, 11, "02.11"), "6Б", "Адаптация в коллективе",
                        "рисование", "3;3;2;4;4,1", "Григорьев Андрей Николаевич", "grigoriev.an@mail.example", consent),
                pupilMentee("Никитин Максим Олегович", born(year, 12, "21.05"), "7А", "Успеваемость, Мотивация к учёбе",
                        "футбол", "2;2;3;3;3,0", "Никитина Елена Викторовна", "nikitina.ev@mail.example", consent),
                pupilMentee("Орлова Виктория Денисовна", born(year, 12, "08.09"), "7Б", "Успеваемость", "",
                        "3;3;3;3;3,5", "Орлов Денис Игоревич", "orlov.di@mail.example", consent),
                pupilMentee("Тимофеев Кирилл Андреевич", born(year, 13, "30.01"), "8А",
                        "Адаптация в коллективе, Коммуникативные навыки", "шахматы", "2;3;2;4;3,8",
                        "Тимофеева Ольга Сергеевна", "timofeeva.os@mail.example", consent),
                pupilMentee("Фролова Алиса Игоревна", born(year, 10, "17.12"), "5В", "Успеваемость", "танцы",
                        "4;3;3;3;3,4", "Фролова Наталья Петровна", "frolova.np@mail.example", consent),
                teacher("Ковалёва Дарья Сергеевна", "23.06.2001", 1, "Математика", "k.dasha@school2.example",
                        "Наставляемый", "Адаптация молодого специалиста, Дисциплина на уроке", "", "", consent),
                teacher("Лебедев Павел Андреевич", "04.02.2002", 0, "Физика", "p.lebedev@school2.example",
                        "Наставляемый", "Адаптация молодого специалиста, Методика преподавания", "", "", consent));
    }

    private List<String> mentors(SchoolYear year) {
        String consent = consentDay(year);
        return List.of(
                teacher("Смирнова Анна Викторовна", "12.07.1979", 22, "Математика", "a.smirnova@school2.example",
                        "Кандидат в наставники", "", "Адаптация молодого специалиста, Дисциплина на уроке, "
                                + "Методика преподавания", "2", consent),
                teacher("Кузнецов Дмитрий Сергеевич", "03.04.1984", 15, "Физика", "d.kuznetsov@school2.example",
                        "Кандидат в наставники", "", "Адаптация молодого специалиста, Методика преподавания, "
                                + "ИКТ в обучении", "2", consent),
                pupilMentor("Попова Мария Александровна", born(year, 16, "20.10"), "11А",
                        "Успеваемость, Адаптация в коллективе", "m.popova@school2.example", "волонтёрство",
                        "Попова Светлана Игоревна", "popova.si@mail.example", consent),
                pupilMentor("Егоров Илья Романович", born(year, 15, "11.02"), "10Б", "Успеваемость, Мотивация к учёбе",
                        "i.egorov@school2.example", "робототехника", "Егорова Марина Олеговна", "egorova.mo@mail.example",
                        consent));
    }

    /** A minor pupil who asks for help; {@code assessment}: engagement;activity;self-esteem;anxiety;average grade. */
    private static String pupilMentee(String name, String born, String schoolClass, String requests, String interests,
                                      String assessment, String representative, String representativeEmail,
                                      String consent) {
        return String.join(";", name, born, "Ученик", schoolClass, "", "математика", "", "Наставляемый",
                "Ученик – ученик", requests, "", interests, "", assessment, "Да", consent, representative,
                representativeEmail);
    }

    /** A senior pupil who offers to lead up to three younger ones. */
    private static String pupilMentor(String name, String born, String schoolClass, String competencies, String email,
                                      String interests, String representative, String representativeEmail,
                                      String consent) {
        return String.join(";", name, born, "Ученик", schoolClass, "", "математика", email, "Кандидат в наставники",
                "Ученик – ученик", "", competencies, interests, "3", "5;5;5;2;4,8", "Да", consent, representative,
                representativeEmail);
    }

    private static String teacher(String name, String born, int experience, String subject, String email, String role,
                                  String requests, String competencies, String capacity, String consent) {
        return String.join(";", name, born, "Педагог", "", String.valueOf(experience), subject, email, role,
                "Учитель – учитель", requests, competencies, "", capacity, "", "", "", "", "", "Да", consent, "", "");
    }

    /** A pupil's birthday so that they are {@code age} on the first day of the school year. */
    private static String born(SchoolYear year, int age, String dayMonth) {
        LocalDate birthday = LocalDate.parse(dayMonth + "." + (year.firstYear() - age), DAY);
        return DAY.format(birthday.isAfter(year.firstDay().minusYears(age)) ? birthday.minusYears(1) : birthday);
    }

    /** Consents were collected with the September questionnaires, or today when the year has just begun. */
    private String consentDay(SchoolYear year) {
        LocalDate september = year.firstDay().plusDays(14);
        return DAY.format(september.isAfter(clock.today()) ? clock.today() : september);
    }

    private void importRows(long programmeId, List<String> rows) {
        String csv = HEADER + "\r\n" + String.join("\r\n", rows);
        as("curator", () -> participants.importFile(programmeId, csv.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- tasks ----------------------------------------------------------------------------------------------

    /** Closes the open roadmap items as their owners, done on their due date or today, whichever came first. */
    private void completeRoadmapItems(long programmeId) {
        LocalDate today = clock.today();
        for (Task item : open(programmeId, RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM)) {
            LocalDate due = LocalDate.ofInstant(item.getDueDate().toInstant(), clock.zone());
            boolean director = tasks.getIdentityLinksForTask(item.getId()).stream().map(IdentityLink::getGroupId)
                    .anyMatch(Groups.DIRECTOR::equals);
            complete(item, director ? "director" : "deputy",
                    Map.of(RoadmapItemProcess.DONE_ON.name(), (due.isBefore(today) ? due : today).toString(),
                            RoadmapItemProcess.RESULT.name(), RESULT));
        }
    }

    private void complete(long programmeId, String taskKey, String userId, Map<String, Object> variables) {
        List<Task> found = open(programmeId, taskKey);
        if (found.size() != 1) {
            throw new IllegalStateException("Demo programme " + programmeId + ": expected one task " + taskKey
                    + ", found " + found.size());
        }
        complete(found.get(0), userId, variables);
    }

    private void complete(Task task, String userId, Map<String, Object> variables) {
        as(userId, () -> {
            tasks.complete(task.getId(), variables);
            return null;
        });
    }

    private List<Task> open(long programmeId, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(ProgrammeProcess.businessKey(programmeId))
                .taskDefinitionKey(taskKey).list();
    }

    private void expectStage(long programmeId, int stage) {
        int now = programmes.currentStage(programmes.get(programmeId));
        if (now != stage) {
            throw new IllegalStateException("Demo programme " + programmeId + " is at stage " + now + ", not " + stage);
        }
    }

    /** Acts as the staff member, as Tasklist and the REST filters would authenticate them. */
    private <T> T as(String userId, Supplier<T> work) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId())
                .toList();
        identity.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
