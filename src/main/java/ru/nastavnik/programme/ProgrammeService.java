package ru.nastavnik.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/** Starting and reading programmes. The one place where a programme request is checked and stored. */
@Service
public class ProgrammeService {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeService.class);

    private final ProgrammeRepository programmes;
    private final RoadmapRepository roadmaps;
    private final RoadmapTemplate template;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final SystemAuthentication system;
    private final CurrentUser currentUser;
    private final SchoolClock clock;

    public ProgrammeService(ProgrammeRepository programmes, RoadmapRepository roadmaps, RoadmapTemplate template,
                            RuntimeService runtimeService, IdentityService identityService,
                            SystemAuthentication system, CurrentUser currentUser, SchoolClock clock) {
        this.programmes = programmes;
        this.roadmaps = roadmaps;
        this.template = template;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.system = system;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Checks and stores a programme and its roadmap, then starts its process. */
    @Transactional
    public Programme start(ProgrammeRequest request) {
        long id = register(request);
        Map<String, Object> vars = new HashMap<>();
        vars.put(ProgrammeProcess.VAR_PROGRAMME_ID, id);
        vars.put(ProgrammeProcess.VAR_CURATOR_ID, request.curatorId().trim());
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
    public long register(ProgrammeRequest request) {
        List<FieldError> errors = new ArrayList<>();
        SchoolYear year = checkRequest(request, errors);
        List<RoadmapItem> roadmap = roadmapFor(year, request.roadmapOverrides(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (programmes.exists(request.schoolName(), request.schoolYear())) {
            throw ApiException.conflict("Программа для «" + request.schoolName().trim() + "» на "
                    + request.schoolYear().trim() + " учебный год уже запущена");
        }
        long id = programmes.insert(request, clock.now(), currentUser.id());
        roadmaps.insertAll(id, roadmap);
        log.info("Programme {} registered for '{}' {}", id, request.schoolName(), request.schoolYear());
        return id;
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

    private SchoolYear checkRequest(ProgrammeRequest request, List<FieldError> errors) {
        if (isBlank(request.schoolName())) {
            errors.add(new FieldError("schoolName", "Укажите образовательную организацию"));
        } else if (request.schoolName().trim().length() > 300) {
            errors.add(new FieldError("schoolName", "Название организации длиннее 300 символов"));
        }
        SchoolYear year = SchoolYear.parse(request.schoolYear()).orElse(null);
        if (year == null) {
            errors.add(new FieldError("schoolYear",
                    "Учебный год указывается как «2026/2027»: два года подряд через косую черту"));
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
        checkCurator(request.curatorId(), errors);
        return year;
    }

    private void checkCurator(String curatorId, List<FieldError> errors) {
        if (isBlank(curatorId)) {
            errors.add(new FieldError("curatorId", "Укажите логин куратора программы"));
            return;
        }
        String id = curatorId.trim();
        boolean[] found = system.call(() -> {
            User user = identityService.createUserQuery().userId(id).singleResult();
            boolean curator = user != null
                    && identityService.createGroupQuery().groupMember(id).groupId(Groups.CURATOR).count() > 0;
            return new boolean[] {user != null, curator};
        });
        if (!found[0]) {
            errors.add(new FieldError("curatorId", "Пользователь «" + id + "» не найден"));
        } else if (!found[1]) {
            errors.add(new FieldError("curatorId", "Пользователь «" + id + "» не входит в группу «Куратор»"));
        }
    }

    /** The default roadmap with the overrides applied; without a valid year only the overrides' codes are checked. */
    private List<RoadmapItem> roadmapFor(SchoolYear year, List<ProgrammeRequest.RoadmapOverride> overrides,
                                         List<FieldError> errors) {
        Map<String, RoadmapItem> items = new LinkedHashMap<>();
        template.itemsFor(year == null ? SchoolYear.containing(clock.today()) : year)
                .forEach(item -> items.put(item.code(), item));
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

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
