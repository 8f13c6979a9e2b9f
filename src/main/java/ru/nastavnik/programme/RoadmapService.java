package ru.nastavnik.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
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

    public RoadmapService(RoadmapRepository items, ProgrammeService programmes, Deadlines deadlines,
                          CurrentUser currentUser, SchoolClock clock) {
        this.items = items;
        this.programmes = programmes;
        this.deadlines = deadlines;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The codes of a stage's items, in roadmap order: each becomes one roadmap-item process. */
    public List<String> itemCodes(Number programmeId, int stage) {
        return items.findByStage(programmeId.longValue(), stage).stream().map(RoadmapItem::code).toList();
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

    /** Marks an item as started by the given roadmap-item process. */
    public RoadmapItem activate(long programmeId, String code, String processInstanceId) {
        items.markActivated(programmeId, code, processInstanceId, clock.now());
        return get(programmeId, code);
    }

    public void complete(long programmeId, String code, RoadmapResult result) {
        items.markCompleted(programmeId, code, result, currentUser.id(), clock.now());
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
