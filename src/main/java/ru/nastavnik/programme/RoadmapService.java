package ru.nastavnik.programme;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;
import ru.nastavnik.shared.InputText;

/**
 * A programme's roadmap (дорожная карта): its items, their dates and results. Named "roadmap" because BPMN
 * expressions call it, e.g. {@code ${roadmap.itemCodes(programmeId, 2)}}.
 */
@Service("roadmap")
public class RoadmapService {

    private static final Logger log = LoggerFactory.getLogger(RoadmapService.class);

    private final RoadmapRepository items;
    private final ProgrammeService programmes;
    private final Deadlines deadlines;
    private final CurrentUser currentUser;
    private final SchoolClock clock;
    private final RuntimeService runtime;
    private final SystemAuthentication system;

    public RoadmapService(RoadmapRepository items, ProgrammeService programmes, Deadlines deadlines,
                          CurrentUser currentUser, SchoolClock clock, RuntimeService runtime,
                          SystemAuthentication system) {
        this.runtime = runtime;
        this.system = system;
        this.items = items;
        this.programmes = programmes;
        this.deadlines = deadlines;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The codes of a stage's items not opened yet, in roadmap order: each becomes one roadmap-item process. An item
     * opened on its own date before its stage ({@link #calendarItemCodes}) or by a step of the stage itself is left
     * out.
     */
    public List<String> itemCodes(Number programmeId, int stage) {
        return items.findByStage(programmeId.longValue(), stage).stream()
                .filter(item -> item.processInstanceId() == null).map(RoadmapItem::code).toList();
    }

    /**
     * The items that open on their own start date because it comes before their stage's process can start: an item
     * starting before the first start date of an earlier stage's items (2.1 in September, before stage 1's October
     * items). Every other item opens with its stage, which starts after the earlier stages' work.
     */
    public List<String> calendarItemCodes(Number programmeId) {
        List<RoadmapItem> all = items.findAll(programmeId.longValue());
        return all.stream().filter(item -> all.stream().anyMatch(earlier -> earlier.stage() < item.stage())
                        && all.stream().filter(earlier -> earlier.stage() < item.stage())
                        .allMatch(earlier -> item.startDate().isBefore(earlier.startDate())))
                .map(RoadmapItem::code).toList();
    }

    /** When an item of {@link #calendarItemCodes} opens: the morning of its start date. */
    public Date opensAt(Number programmeId, String code) {
        return clock.at(get(programmeId.longValue(), code).startDate(), LocalTime.MIDNIGHT);
    }

    public List<RoadmapItem> roadmap(long programmeId) {
        programmes.get(programmeId);
        return items.findAll(programmeId);
    }

    /** The overdue items of each of the programmes (a programme without any is absent), in roadmap order. */
    public Map<Long, List<RoadmapItem>> overdue(Collection<Long> programmeIds) {
        return items.findOverdue(programmeIds, clock.today()).stream()
                .collect(Collectors.groupingBy(RoadmapItem::programmeId, LinkedHashMap::new, Collectors.toList()));
    }

    public RoadmapItem get(long programmeId, String code) {
        return items.find(programmeId, code).orElseThrow(() ->
                ApiException.notFound("В дорожной карте программы " + programmeId + " нет пункта «" + code + "»"));
    }

    public LocalDate today() {
        return clock.today();
    }

    /**
     * Marks an item as opened by the given process (a roadmap-item process, or a stage whose own steps do the
     * item's work). Empty when another process opened it already: its stage and its own date may both try.
     */
    public Optional<RoadmapItem> activate(long programmeId, String code, String processInstanceId) {
        return items.claim(programmeId, code, processInstanceId, clock.now())
                ? Optional.of(get(programmeId, code)) : Optional.empty();
    }

    public void complete(long programmeId, String code, RoadmapResult result) {
        items.markCompleted(programmeId, code, result, currentUser.id(), clock.now());
    }

    /**
     * Closes an item because the work it describes is done (the group meeting recorded, every pair's meeting
     * reported, a stage 7 step finished): its result is recorded with today's date, and its checklist task, if one
     * is open, ends by the message {@link RoadmapItemProcess#MESSAGE_ROADMAP_ITEM_DONE}. False when it was done
     * already. Runs in the caller's transaction: the work and its roadmap mark are kept or lost together.
     */
    public boolean closeByWork(long programmeId, String code, String result) {
        RoadmapItem item = get(programmeId, code);
        if (!items.markCompleted(programmeId, code, new RoadmapResult(clock.today(), result, null, null),
                currentUser.id(), clock.now())) {
            return false;
        }
        if (item.processInstanceId() != null) {
            system.run(() -> {
                if (runtime.createEventSubscriptionQuery().processInstanceId(item.processInstanceId())
                        .eventName(RoadmapItemProcess.MESSAGE_ROADMAP_ITEM_DONE).count() > 0) {
                    runtime.createMessageCorrelation(RoadmapItemProcess.MESSAGE_ROADMAP_ITEM_DONE)
                            .processInstanceId(item.processInstanceId()).correlateAll();
                }
            });
        }
        log.info("Programme {} item {} closed by its work", programmeId, code);
        return true;
    }

    /** Another feature's work done (e.g. the monitoring's 7.3 and 7.4): see {@link RoadmapWorkDone}. */
    @EventListener
    void workDone(RoadmapWorkDone event) {
        closeByWork(event.programmeId(), event.itemCode(), event.result());
    }

    /**
     * Moves an item's dates while the director has not approved the roadmap. When the item's task is open, its
     * due date and pending reminder and escalation timers move with it.
     */
    @Transactional
    public RoadmapItem moveDates(long programmeId, String code, LocalDate start, LocalDate due) {
        Programme programme = programmes.get(programmeId);
        requireCurator(programme);
        if (programme.roadmapApproved()) {
            throw ApiException.conflict("Дорожная карта утверждена директором: сроки больше не переносятся");
        }
        RoadmapItem item = get(programmeId, code);
        if (item.completedAt() != null) {
            throw ApiException.conflict("Пункт " + code + " уже выполнен: его сроки не переносятся");
        }
        LocalDate newStart = start == null ? item.startDate() : start;
        if (due == null) {
            throw new ValidationException("dueDate", "Укажите новый срок пункта " + code);
        }
        List<FieldError> errors = checkDates("dueDate", code, programme.year(), newStart, due);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        items.updateDates(programmeId, code, newStart, due);
        if (item.processInstanceId() != null) {
            deadlines.move(item.processInstanceId(), RoadmapItemProcess.TASK_COMPLETE_ROADMAP_ITEM, newStart, due);
        }
        log.info("Programme {} item {} moved to {}..{} by {}", programmeId, code, newStart, due, currentUser.id());
        return get(programmeId, code);
    }

    private void requireCurator(Programme programme) {
        String user = currentUser.id();
        if (user != null && !user.equals(programme.curatorId()) && !currentUser.inAnyGroup(
                List.of(Groups.CURATOR, Groups.ADMIN))) {
            throw ApiException.forbidden("Переносить сроки дорожной карты может только куратор программы");
        }
    }

    /** Start not after due, both within the school year (when it is known). */
    static List<FieldError> checkDates(String field, String code, SchoolYear year, LocalDate start, LocalDate due) {
        List<FieldError> errors = new ArrayList<>();
        if (start.isAfter(due)) {
            errors.add(new FieldError(field, "Пункт " + code + ": начало (" + start.format(SchoolClock.RUSSIAN_DATE)
                    + ") позже срока (" + due.format(SchoolClock.RUSSIAN_DATE) + ")"));
        }
        if (year != null && (!year.contains(start) || !year.contains(due))) {
            errors.add(new FieldError(field, "Пункт " + code + ": даты должны лежать в учебном году "
                    + year + " (" + year.firstDay().format(SchoolClock.RUSSIAN_DATE) + " – "
                    + year.lastDay().format(SchoolClock.RUSSIAN_DATE) + ")"));
        }
        return errors;
    }

    /** The last due date of a stage, the deadline of what closes it (e.g. the director's approval). */
    public LocalDate stageEnd(long programmeId, int stage) {
        return items.findByStage(programmeId, stage).stream().map(RoadmapItem::dueDate)
                .max(LocalDate::compareTo).orElseGet(clock::today);
    }

    /** The roadmap as a Markdown table, shown in the director's and the curator's forms. */
    public String summary(long programmeId) {
        LocalDate today = clock.today();
        StringBuilder md = new StringBuilder("| № | Мероприятие | Ответственный | Сроки | Состояние |\n|---|---|---|---|---|\n");
        for (RoadmapItem item : items.findAll(programmeId)) {
            md.append("| ").append(item.code())
                    .append(" | ").append(InputText.markdown(item.title()))
                    .append(" | ").append(Groups.russianName(item.responsibleGroup()))
                    .append(" | ").append(item.startDate().format(SchoolClock.RUSSIAN_DATE)).append(" – ")
                    .append(item.dueDate().format(SchoolClock.RUSSIAN_DATE))
                    .append(" | ").append(statusName(item.status(today)))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** Options of the curator's "move dates" select: the items not yet done. */
    public List<Map<String, String>> openItemOptions(long programmeId) {
        return items.findAll(programmeId).stream().filter(i -> i.completedAt() == null)
                .map(i -> Map.of("value", i.code(), "label", i.code() + " " + shorten(i.title(), 90)
                        + " (до " + i.dueDate().format(SchoolClock.RUSSIAN_DATE) + ")"))
                .toList();
    }

    /** The Russian word for an item's state, as the forms and the overview page show it. */
    public static String statusName(RoadmapItem.Status status) {
        return switch (status) {
            case planned -> "запланирован";
            case active -> "в работе";
            case done -> "выполнен";
            case overdue -> "просрочен";
        };
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
