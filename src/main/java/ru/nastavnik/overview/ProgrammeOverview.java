package ru.nastavnik.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.nastavnik.district.CoordinatorScope;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairMeetings;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantRole;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapItem;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.SchoolClock;

/**
 * A programme's overview as its page shows it, read through the features' own services: the roadmap with each
 * item's state, the bases in numbers, the pairs with a flag for the silent ones, and the orders. Dates come
 * formatted the Russian way; links to Tasklist and downloads are built here, never from data.
 */
@Component
class ProgrammeOverview {

    /** Who sees a programme's overview: the staff who run it, the coordinator reading. Mentors do not. */
    static final List<String> READERS = Groups.STAFF;

    /** A pair has gone silent after this many missed meetings in a row… */
    static final int SILENT_MISSED_IN_A_ROW = 2;
    /** …or when nothing was reported for this many days (counted from the pair's start before its first report). */
    static final int SILENT_DAYS = 30;

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    record Item(String code, int stage, String title, String responsible, String start, String due, String status,
                String statusName, String completedBy, String completedAt, String doneOn, String taskUrl) {
    }

    record Row(String first, String second, long count) {
    }

    /** How many roadmap items are in a state, e.g. (overdue, «просрочен», 2). */
    record Tally(String status, String name, long count) {
    }

    record PairRow(long id, boolean group, String mentor, String mentees, String form, String status, String step,
                   String stepDate, int held, int missed, boolean silent) {
    }

    record OrderRow(long id, String name, String status, String statusName, String date, int pairs, String pdf,
                    String docx) {
    }

    record View(Programme programme, String stage, String today, List<Item> roadmap, List<Tally> roadmapCounts,
                List<Row> mentees, List<Row> mentors, long withoutConsent, List<PairRow> pairs, long silentPairs,
                List<OrderRow> orders, String silentRule) {
    }

    private final ProgrammeService programmes;
    private final RoadmapService roadmap;
    private final ParticipantDirectory directory;
    private final PairMeetings meetings;
    private final PairOrders orders;
    private final TaskService tasks;
    private final IdentityService identity;
    private final CurrentUser currentUser;
    private final SchoolClock clock;
    private final CoordinatorScope scope;

    ProgrammeOverview(ProgrammeService programmes, RoadmapService roadmap, ParticipantDirectory directory,
                      PairMeetings meetings, PairOrders orders, TaskService tasks, IdentityService identity,
                      CurrentUser currentUser, SchoolClock clock, CoordinatorScope scope) {
        this.programmes = programmes;
        this.roadmap = roadmap;
        this.directory = directory;
        this.meetings = meetings;
        this.orders = orders;
        this.tasks = tasks;
        this.identity = identity;
        this.currentUser = currentUser;
        this.clock = clock;
        this.scope = scope;
    }

    void requireReader() {
        currentUser.requireAnyGroup(READERS, "Обзор программы видят куратор, заместитель директора, директор "
                + "и координатор");
    }

    /**
     * The programmes the current user may open, newest first; none for those who see no overview, a coordinator's
     * municipalities' only (their other schools' overviews are refused: {@link CoordinatorScope}).
     */
    List<Programme> visible() {
        if (!currentUser.inAnyGroup(READERS)) {
            return List.of();
        }
        return scope.readable(programmes.list()).stream().sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
    }

    View view(long programmeId) {
        requireReader();
        Programme programme = programmes.get(programmeId);
        int stage = programmes.currentStage(programme);
        List<Item> items = items(programmeId);
        List<Tally> counts = Arrays.stream(RoadmapItem.Status.values())
                .map(s -> new Tally(s.name(), RoadmapService.statusName(s),
                        items.stream().filter(i -> i.status().equals(s.name())).count()))
                .filter(t -> t.count() > 0).toList();
        List<PairRow> pairs = pairs(programmeId);
        return new View(programme, ProgrammeProcess.stageTitle(programme, stage),
                clock.today().format(SchoolClock.RUSSIAN_DATE),
                items, counts, mentees(programmeId), directory.mentorsByCategory(programmeId).stream()
                .map(c -> new Row(c.first(), c.second(), c.count())).toList(),
                directory.withoutConsent(programmeId,
                        Arrays.stream(ParticipantRole.values()).map(ParticipantRole::code).toList()), pairs,
                pairs.stream().filter(PairRow::silent).count(), orders(programmeId), silentRule());
    }

    List<RoadmapItem> roadmap(long programmeId) {
        requireReader();
        return roadmap.roadmap(programmeId);
    }

    LocalDate today() {
        return clock.today();
    }

    java.time.ZoneId zone() {
        return clock.zone();
    }

    static String silentRule() {
        return "Пара «замолчала», если пропущены " + SILENT_MISSED_IN_A_ROW + " встречи подряд или ни одна встреча "
                + "не отмечена " + SILENT_DAYS + " дней (до первого отчёта — считая от закрепления пары).";
    }

    private List<Item> items(long programmeId) {
        LocalDate today = clock.today();
        List<RoadmapItem> all = roadmap.roadmap(programmeId);
        Map<String, String> openTasks = openTasks(all);
        Map<String, String> names = userNames(all.stream().map(RoadmapItem::completedBy).collect(Collectors.toSet()));
        return all.stream().map(i -> {
            RoadmapItem.Status status = i.status(today);
            return new Item(i.code(), i.stage(), i.title(), Groups.russianName(i.responsibleGroup()),
                    date(i.startDate()), date(i.dueDate()), status.name(), RoadmapService.statusName(status),
                    i.completedBy() == null ? "" : names.getOrDefault(i.completedBy(), i.completedBy()),
                    i.completedAt() == null ? "" : DATE_TIME.format(i.completedAt().atZone(clock.zone())),
                    date(i.doneOn()), openTasks.containsKey(i.processInstanceId())
                            ? TASKLIST + "#/?task=" + openTasks.get(i.processInstanceId()) : null);
        }).toList();
    }

    /** The open task of each active item's process that the user may see (the engine's authorizations decide). */
    private Map<String, String> openTasks(List<RoadmapItem> items) {
        Set<String> instances = items.stream().filter(i -> i.processInstanceId() != null && i.completedAt() == null)
                .map(RoadmapItem::processInstanceId).collect(Collectors.toSet());
        Map<String, String> open = new HashMap<>();
        if (!instances.isEmpty()) {
            for (Task task : tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).active()
                    .list()) {
                open.putIfAbsent(task.getProcessInstanceId(), task.getId());
            }
        }
        return open;
    }

    private Map<String, String> userNames(Set<String> ids) {
        Set<String> known = new HashSet<>(ids);
        known.remove(null);
        Map<String, String> names = new HashMap<>();
        if (!known.isEmpty()) {
            for (User u : identity.createUserQuery().userIdIn(known.toArray(String[]::new)).list()) {
                String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                        + (u.getLastName() == null ? "" : u.getLastName())).strip();
                names.put(u.getId(), name.isEmpty() ? u.getId() : name);
            }
        }
        return names;
    }

    private List<Row> mentees(long programmeId) {
        return directory.menteesByFormAndClass(programmeId).stream().map(c -> new Row(
                MentorshipForm.byCode(c.first()).map(MentorshipForm::title).orElse(c.first()),
                c.second() == null ? "не указан" : c.second(), c.count())).toList();
    }

    private List<PairRow> pairs(long programmeId) {
        LocalDate today = clock.today();
        return meetings.summaries(programmeId).stream().map(p -> {
            List<PairMeetings.Meeting> held = meetings.meetings(p.pairId());
            Pair pair = meetings.pairOf(programmeId, p.pairId());
            return new PairRow(p.pairId(), p.group(), p.mentor().fullName(), p.mentees().stream()
                    .map(PairMeetings.PersonRef::fullName).collect(Collectors.joining(", ")),
                    formTitle(p.form()), pairStatus(p.status()),
                    p.currentStepName() == null ? "—" : p.currentStepName(), date(p.plannedOn()), p.meetingsHeld(),
                    p.missedMeetings(), pair.active() && silent(held, pair.startedAt(), today));
        }).toList();
    }

    /**
     * The silence rule of {@link #silentRule()}: the last {@link #SILENT_MISSED_IN_A_ROW} meetings that fell due were
     * all missed, or the last report (else the pair's start) is more than {@link #SILENT_DAYS} days ago.
     */
    boolean silent(List<PairMeetings.Meeting> meetings, Instant startedAt, LocalDate today) {
        List<PairMeetings.Meeting> due = meetings.stream()
                .filter(m -> m.reported() || m.overdueAt() != null).toList();
        boolean missedInARow = due.size() >= SILENT_MISSED_IN_A_ROW && due.subList(due.size() - SILENT_MISSED_IN_A_ROW,
                due.size()).stream().allMatch(m -> m.overdueAt() != null && !m.reported());
        Instant lastNews = meetings.stream().map(PairMeetings.Meeting::reportedAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(startedAt);
        LocalDate since = lastNews == null ? today : LocalDate.ofInstant(lastNews, clock.zone());
        return missedInARow || ChronoUnit.DAYS.between(since, today) > SILENT_DAYS;
    }

    private List<OrderRow> orders(long programmeId) {
        List<PairOrder> all = orders.list(programmeId);
        Set<Long> replaced = all.stream().map(PairOrder::replaces).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        String base = "/api/programmes/" + programmeId + "/orders/";
        return all.stream().map(o -> {
            String status = replaced.contains(o.id()) ? "replaced" : o.approved() ? "approved" : "draft";
            String name = o.number() == null ? "Проект распоряжения" : "Распоряжение № " + o.number();
            return new OrderRow(o.id(), name, status, switch (status) {
                case "replaced" -> "заменено";
                case "approved" -> "утверждено";
                default -> "черновик";
            }, date(o.date() != null ? o.date() : LocalDate.ofInstant(o.createdAt(), clock.zone())),
                    o.pairs() == null ? 0 : o.pairs().size(), base + o.id() + ".pdf", base + o.id() + ".docx");
        }).toList();
    }

    static String formTitle(String code) {
        return MentorshipForm.byCode(code).map(MentorshipForm::title).orElse(code);
    }

    static String pairStatus(String status) {
        return switch (status) {
            case Pair.ACTIVE -> "работает";
            case Pair.FINISHED -> "завершила работу";
            case Pair.ENDED -> "прекращена";
            default -> status;
        };
    }

    static String date(LocalDate day) {
        return day == null ? "" : day.format(SchoolClock.RUSSIAN_DATE);
    }
}
