package ru.nastavnik.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.security.StaffStartedProcess;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.security.TasklistFilters;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/** Starting and reading programmes. The one place where a programme request is checked and stored. */
@Service
public class ProgrammeService {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeService.class);

    /** Programme managers start a programme from Tasklist. */
    @Bean
    static StaffStartedProcess programmeStartedByStaff() {
        return new StaffStartedProcess(ProgrammeProcess.PROCESS_ID);
    }

    private final ProgrammeRepository programmes;
    private final RoadmapRepository roadmaps;
    private final RoadmapTemplate template;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final SystemAuthentication system;
    private final CurrentUser currentUser;
    private final SchoolClock clock;
    private final TasklistFilters filters;
    private final TaskService taskService;
    private final ApplicationEventPublisher events;
    private final SchoolStaff schoolStaff;

    public ProgrammeService(ProgrammeRepository programmes, RoadmapRepository roadmaps, RoadmapTemplate template,
                            RuntimeService runtimeService, IdentityService identityService,
                            SystemAuthentication system, CurrentUser currentUser, SchoolClock clock,
                            TasklistFilters filters, TaskService taskService, ApplicationEventPublisher events,
                            SchoolStaff schoolStaff) {
        this.events = events;
        this.schoolStaff = schoolStaff;
        this.programmes = programmes;
        this.roadmaps = roadmaps;
        this.template = template;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.system = system;
        this.currentUser = currentUser;
        this.clock = clock;
        this.filters = filters;
        this.taskService = taskService;
    }

    /** Checks and stores a programme and its roadmap, then starts its process. */
    @Transactional
    public Programme start(ProgrammeRequest request) {
        long id = register(request);
        Map<String, Object> vars = new HashMap<>();
        vars.put(ProgrammeProcess.VAR_PROGRAMME_ID.name(), id);
        vars.put(TaskPeople.CURATOR_ID.name(), request.curatorId().trim());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(ProgrammeProcess.PROCESS_ID,
                ProgrammeProcess.businessKey(id), vars);
        programmes.linkProcess(id, pi.getId());
        return get(id);
    }

    /**
     * Checks and stores a programme and its roadmap without starting a process: the Tasklist start form has
     * started one already. Every problem of the request is reported at once.
     */
    @Transactional
    public long register(ProgrammeRequest submitted) {
        ProgrammeRequest request = normalised(submitted);
        List<FieldError> errors = new ArrayList<>();
        SchoolYear year = checkRequest(request, errors);
        Programme previous = previousOf(request, year, errors);
        List<RoadmapItem> roadmap = roadmapFor(year, request, previous, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (programmes.exists(request.schoolName(), request.schoolYear())) {
            throw ApiException.conflict("Программа для «" + request.schoolName() + "» на "
                    + request.schoolYear().trim() + " учебный год уже запущена");
        }
        long schoolId = previous != null ? previous.schoolId()
                : programmes.school(request.schoolName(), request.municipalityId(), clock.now());
        long id = programmes.insert(request, schoolId, clock.now(), currentUser.id());
        schoolStaff.join(schoolId, request.schoolName(), schoolStaff.named(request, currentUser.id()));
        roadmaps.insertAll(id, roadmap);
        if (previous != null) {
            programmes.linkPrevious(id, previous.id());
            events.publishEvent(new ProgrammeCarriedOver(id, previous.id()));
        }
        filterFor(get(id));
        log.info("Programme {} registered for '{}' {}", id, request.schoolName(), request.schoolYear());
        return id;
    }

    /** Programmes started before their filter existed get it on the next start. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void filterEveryRunningProgramme() {
        list().stream().filter(p -> p.completedAt() == null).forEach(this::filterFor);
    }

    /**
     * A Tasklist filter with this programme's tasks, for people who work in several, read by the school's staff
     * only: a region's curator would otherwise list every school's filter. Not for coordinators: they have no tasks
     * there, and the filters' names would show them schools outside their municipalities.
     */
    void filterFor(Programme programme) {
        String title = programme.title();
        filters.ensure(title, 10, "Задачи программы наставничества: " + title,
                taskService.createTaskQuery().taskVariableValueEquals(ProgrammeProcess.VAR_PROGRAMME_TITLE.name(),
                        title),
                Stream.concat(SchoolStaff.groups(programme).stream(), Stream.of(Groups.ADMIN)).toList());
    }

    /** Puts the school's programme into a municipality (the district feature checks the municipality and the user). */
    public void moveToMunicipality(long id, long municipalityId) {
        get(id);
        programmes.moveToMunicipality(id, municipalityId);
        log.info("Programme {} moved to municipality {}", id, municipalityId);
    }

    public void linkProcess(long id, String processInstanceId) {
        programmes.linkProcess(id, processInstanceId);
    }

    public Programme get(long id) {
        return programmes.find(id).orElseThrow(() -> ApiException.notFound("Программа " + id + " не найдена"));
    }

    public List<Programme> list() {
        return programmes.findAll();
    }

    /** The programmes with these ids (unknown ids are left out), by id. */
    public List<Programme> list(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : programmes.findAll(ids);
    }

    /**
     * The current stage of each programme, as {@link #currentStage} tells it, in one engine query per stage however
     * many programmes there are: the executions waiting in each stage's call activity.
     */
    public Map<Long, Integer> currentStages(List<Programme> programmes) {
        Map<Long, Integer> stages = new HashMap<>();
        Map<String, List<Long>> byInstance = new HashMap<>();
        for (Programme p : programmes) {
            stages.put(p.id(), 0);
            if (p.processInstanceId() != null && p.completedAt() == null) {
                byInstance.computeIfAbsent(p.processInstanceId(), pi -> new ArrayList<>()).add(p.id());
            }
        }
        if (!byInstance.isEmpty()) {
            system.run(() -> ProgrammeProcess.STAGE_ACTIVITIES.forEach(activity -> runtimeService.createExecutionQuery()
                    .processDefinitionKey(ProgrammeProcess.PROCESS_ID).activityId(activity).list()
                    .forEach(e -> byInstance.getOrDefault(e.getProcessInstanceId(), List.of())
                            .forEach(id -> stages.merge(id, ProgrammeProcess.stageOf(activity), Math::max)))));
        }
        return stages;
    }

    /** The stage (1–7) the programme's process is in now; 0 when it has not started or has finished. */
    public int currentStage(Programme programme) {
        if (programme.processInstanceId() == null || programme.completedAt() != null) {
            return 0;
        }
        return system.call(() -> {
            // An admin may have deleted the process in Cockpit; the programme then has no current stage.
            if (runtimeService.createProcessInstanceQuery().processInstanceId(programme.processInstanceId()).count() == 0) {
                return 0;
            }
            return runtimeService.getActiveActivityIds(programme.processInstanceId()).stream()
                    .mapToInt(ProgrammeProcess::stageOf).max().orElse(0);
        });
    }

    void approveRoadmap(long id) {
        programmes.approveRoadmap(id, clock.now(), currentUser.id());
    }

    void complete(long id) {
        programmes.complete(id, clock.now());
    }

    /**
     * The template's roadmap planned from the start date (or today; never from a day already past), so that a
     * programme started mid-year has nothing overdue on its first day.
     */
    private List<RoadmapItem> plannedRoadmap(SchoolYear year, List<RoadmapItem> base, LocalDate startDate,
                                             List<FieldError> errors) {
        SchoolYear planned = year == null ? SchoolYear.containing(clock.today()) : year;
        LocalDate today = clock.today();
        if (startDate != null && !planned.contains(startDate)) {
            errors.add(new FieldError("startDate", "Дата начала " + startDate.format(SchoolClock.RUSSIAN_DATE)
                    + " не входит в " + planned + " учебный год"));
            return template.itemsFor(planned);
        }
        LocalDate from = startDate == null || startDate.isBefore(today) ? today : startDate;
        List<RoadmapItem> items = base == null ? template.itemsFrom(planned, from)
                : template.itemsFrom(base, planned, from);
        if (items.isEmpty()) {
            errors.add(new FieldError(startDate == null ? "schoolYear" : "startDate", "Программу на " + planned
                    + " учебный год нужно начать не позже " + template.latestStart(planned).format(SchoolClock.RUSSIAN_DATE)
                    + ": позже на дорожную карту не хватит времени"));
            return template.itemsFor(planned);
        }
        return items;
    }

    /**
     * The request with control characters refused at once (they would reach the database, the log and the answer)
     * and the names normalised, so that the duplicate check compares what people see.
     */
    private static ProgrammeRequest normalised(ProgrammeRequest r) {
        List<FieldError> errors = new ArrayList<>();
        check("schoolName", r.schoolName(), errors);
        check("schoolYear", r.schoolYear(), errors);
        check("curatorId", r.curatorId(), errors);
        check("deputyDirectorId", r.deputyDirectorId(), errors);
        check("directorId", r.directorId(), errors);
        r.forms().forEach(form -> check("forms", form, errors));
        for (int i = 0; i < r.roadmapOverrides().size(); i++) {
            ProgrammeRequest.RoadmapOverride o = r.roadmapOverrides().get(i);
            check("roadmapOverrides[" + i + "].code", o.code(), errors);
            check("roadmapOverrides[" + i + "].title", o.title(), errors);
            check("roadmapOverrides[" + i + "].responsibleGroup", o.responsibleGroup(), errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<ProgrammeRequest.RoadmapOverride> overrides = r.roadmapOverrides().stream()
                .map(o -> new ProgrammeRequest.RoadmapOverride(o.code(),
                        o.title() == null ? null : Objects.requireNonNullElse(InputText.name(o.title()), ""),
                        o.responsibleGroup(), o.startDate(), o.dueDate()))
                .toList();
        return new ProgrammeRequest(InputText.name(r.schoolName()), trimmed(r.schoolYear()), r.forms(),
                trimmed(r.curatorId()), overrides, r.startDate(), r.municipalityId(),
                r.previousProgrammeId(), trimmed(r.deputyDirectorId()), trimmed(r.directorId()));
    }

    private static void check(String field, String value, List<FieldError> errors) {
        InputText.check(field, InputText.label(field), value, false).ifPresent(errors::add);
    }

    private SchoolYear checkRequest(ProgrammeRequest request, List<FieldError> errors) {
        if (isBlank(request.schoolName())) {
            errors.add(new FieldError("schoolName", "Укажите образовательную организацию"));
        } else if (request.schoolName().length() > 300) {
            errors.add(new FieldError("schoolName", "Название организации длиннее 300 символов"));
        }
        SchoolYear year = SchoolYear.parse(request.schoolYear()).orElse(null);
        SchoolYear current = SchoolYear.containing(clock.today());
        if (year == null) {
            errors.add(new FieldError("schoolYear",
                    "Учебный год указывается как «2026/2027»: два года подряд через косую черту"));
        } else if (year.firstYear() < current.firstYear() - 1 || year.firstYear() > current.firstYear() + 2) {
            // A year far off would put every roadmap date in the past (all escalated at once) or decades ahead.
            errors.add(new FieldError("schoolYear", "Учебный год " + request.schoolYear()
                    + " не подходит: программу можно запустить на годы от " + new SchoolYear(current.firstYear() - 1)
                    + " до " + new SchoolYear(current.firstYear() + 2)));
            year = null;
        }
        if (request.municipalityId() != null && !programmes.municipalityExists(request.municipalityId())) {
            errors.add(new FieldError("municipalityId", "Муниципалитет " + request.municipalityId() + " не найден"));
        }
        if (request.forms().isEmpty()) {
            errors.add(new FieldError("forms", "Выберите хотя бы одну форму наставничества"));
        }
        for (String form : request.forms()) {
            if (MentorshipForm.byCode(form).isEmpty()) {
                errors.add(new FieldError("forms", "Неизвестная форма наставничества «" + form
                        + "». Допустимые коды: " + MentorshipForm.allCodes()));
            }
        }
        if (isBlank(request.curatorId())) {
            errors.add(new FieldError("curatorId", "Укажите логин куратора программы"));
        } else {
            checkPerson("curatorId", request.curatorId(), Groups.CURATOR, errors);
        }
        if (!isBlank(request.deputyDirectorId())) {
            checkPerson("deputyDirectorId", request.deputyDirectorId(), Groups.DEPUTY_DIRECTOR, errors);
        }
        if (!isBlank(request.directorId())) {
            checkPerson("directorId", request.directorId(), Groups.DIRECTOR, errors);
        }
        return year;
    }

    /** A person the request names: an existing user in the role's group. */
    private void checkPerson(String field, String userId, String role, List<FieldError> errors) {
        String id = userId.trim();
        boolean[] found = system.call(() -> {
            User user = identityService.createUserQuery().userId(id).singleResult();
            boolean inRole = user != null
                    && identityService.createGroupQuery().groupMember(id).groupId(role).count() > 0;
            return new boolean[] {user != null, inRole};
        });
        if (!found[0]) {
            errors.add(new FieldError(field, "Пользователь «" + id + "» не найден"));
        } else if (!found[1]) {
            errors.add(new FieldError(field, "Пользователь «" + id + "» не входит в группу «"
                    + Groups.russianName(role) + "»"));
        }
    }

    /**
     * The school's completed programme of an earlier year that the request continues, or null. Refused (with the
     * other problems) when it is missing, still running, of another school or not earlier.
     */
    private Programme previousOf(ProgrammeRequest request, SchoolYear year, List<FieldError> errors) {
        if (request.previousProgrammeId() == null) {
            return null;
        }
        Programme previous = programmes.find(request.previousProgrammeId()).orElse(null);
        String field = "previousProgrammeId";
        if (previous == null) {
            errors.add(new FieldError(field, "Программа " + request.previousProgrammeId() + " не найдена"));
        } else if (previous.completedAt() == null) {
            errors.add(new FieldError(field, "Программа " + previous.title() + " ещё не завершена: её базу и дорожную "
                    + "карту можно перенести после этапа 7"));
        } else if (!previous.schoolName().equals(request.schoolName())) {
            errors.add(new FieldError(field, "Программа " + previous.id() + " — другой школы («"
                    + previous.schoolName() + "»)"));
        } else if (year != null && previous.year().firstYear() >= year.firstYear()) {
            errors.add(new FieldError(field, "Программа " + previous.title() + " не из прошлых учебных лет"));
        } else {
            return previous;
        }
        return null;
    }

    /**
     * The roadmap with the overrides applied: the default one, or the previous programme's moved to this year;
     * without a valid year only the overrides' codes are checked.
     */
    private List<RoadmapItem> roadmapFor(SchoolYear year, ProgrammeRequest request, Programme previous,
                                         List<FieldError> errors) {
        List<ProgrammeRequest.RoadmapOverride> overrides = request.roadmapOverrides();
        Map<String, RoadmapItem> items = new LinkedHashMap<>();
        List<RoadmapItem> base = previous == null || year == null ? null
                : RoadmapTemplate.movedTo(roadmaps.findAll(previous.id()), previous.year(), year);
        for (RoadmapItem item : plannedRoadmap(year, base, request.startDate(), errors)) {
            items.put(item.code(), item);
        }
        for (int i = 0; i < overrides.size(); i++) {
            ProgrammeRequest.RoadmapOverride o = overrides.get(i);
            String field = "roadmapOverrides[" + i + "]";
            RoadmapItem item = o.code() == null ? null : items.get(o.code());
            if (item == null) {
                errors.add(new FieldError(field + ".code", "Нет пункта дорожной карты «" + o.code() + "»"));
                continue;
            }
            if (o.responsibleGroup() != null && !Groups.ALL.contains(o.responsibleGroup())) {
                errors.add(new FieldError(field + ".responsibleGroup", "Неизвестная роль «" + o.responsibleGroup()
                        + "». Допустимые: " + String.join(", ", Groups.ALL)));
            }
            if (o.title() != null && (o.title().isBlank() || o.title().length() > 1000)) {
                errors.add(new FieldError(field + ".title", "Название пункта " + o.code()
                        + " должно быть непустым и не длиннее 1000 символов"));
            }
            LocalDate start = o.startDate() == null ? item.startDate() : o.startDate();
            LocalDate due = o.dueDate() == null ? item.dueDate() : o.dueDate();
            errors.addAll(RoadmapService.checkDates(field, o.code(), year, start, due));
            items.put(o.code(), new RoadmapItem(0, item.code(), item.stage(), item.position(),
                    o.title() == null ? item.title() : o.title().trim(),
                    o.responsibleGroup() == null ? item.responsibleGroup() : o.responsibleGroup(),
                    start, due, null, null, null, null, null, null, null, null));
        }
        return List.copyOf(items.values());
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
