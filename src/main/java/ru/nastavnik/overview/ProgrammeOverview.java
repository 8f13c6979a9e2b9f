package ru.nastavnik.overview;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.nastavnik.district.ProgrammeScope;
import ru.nastavnik.feedback.FeedbackService;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairMeetings;
import ru.nastavnik.pair.SilentPairs;
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

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    record Item(String code, int stage, String title, String responsible, String start, String due, String status,
                String statusName, String completedBy, String completedAt, String doneOn, String taskUrl) {
    }

    /** A line of the bases: side «Наставляемые» (form, class) or «Наставники» (category, role). */
    record Row(String side, String first, String second, long count) {
    }

    /** How many roadmap items are in a state, e.g. (overdue, «просрочен», 2). */
    record Tally(String status, String name, long count) {
    }

    record PairRow(long id, boolean group, String mentor, String mentees, String formCode, String form,
                   String statusCode, String status, String step, LocalDate stepOn, String stepDate, int held,
                   int missed, boolean silent) {
    }

    record OrderRow(long id, Integer number, String name, String status, String statusName, LocalDate day,
                    String date, int pairs, String pdf, String docx) {
    }

    record FeedbackRow(long pairId, String name, String role, String roleName, String kind, String kindName,
                       int rating, String helped, String missing, boolean wouldContinue, String comment,
                       LocalDateTime submittedOn, String submittedAt) {
    }

    /** A choice of a filter's list: its value in the URL and its Russian name. */
    record Option(String value, String name) {
    }

    /**
     * The page's model. Each list comes filtered by its {@link ListFilter} ({@code filters}, by list name); the
     * totals are of the whole lists. {@code allPairs} counts before the filter.
     */
    record View(Programme programme, String stage, String today, List<Item> roadmap, int allItems,
                List<Tally> roadmapCounts, List<Row> mentees, List<Row> mentors, long withoutConsent,
                List<PairRow> pairs, int allPairs, long silentPairs, List<OrderRow> orders, List<FeedbackRow> feedback,
                int allFeedback, String silentRule, Map<String, ListFilter> filters, List<Option> forms) {

        /** The other lists' filters, as hidden fields of one list's form, so that sending it keeps them. */
        public Map<String, String> keep(String list) {
            Map<String, String> keep = new java.util.TreeMap<>();
            filters.values().stream().filter(f -> !f.list().equals(list)).forEach(f -> keep.putAll(f.pageParams()));
            return keep;
        }

        public ListFilter filter(String list) {
            return filters.get(list);
        }

        /** The page without this list's filters (the others kept), back at the list. */
        public String reset(String list) {
            String query = keep(list).entrySet().stream().map(e -> e.getKey() + "="
                    + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return "/programmes/" + programme.id() + (query.isEmpty() ? "" : "?" + query) + "#" + list;
        }

        /** The choices of a filter's drop-down list. */
        public List<Option> options(String filter) {
            return switch (filter) {
                case "roadmap.status" -> ROADMAP_STATUSES;
                case "roadmap.stage" -> IntStream.rangeClosed(1, ProgrammeProcess.STAGE_ACTIVITIES.size())
                        .mapToObj(n -> new Option(String.valueOf(n), stageName(n))).toList();
                case "pairs.status" -> PAIR_STATUSES;
                case "orders.status" -> ORDER_STATUSES;
                case "feedback.kind" -> FEEDBACK_KINDS;
                case "feedback.role" -> FEEDBACK_ROLES;
                default -> forms;
            };
        }

        /** The list's XLSX with the page's filters. */
        public String xlsx(String list) {
            return "/programmes/" + programme.id() + "/" + list + ".xlsx" + filters.get(list).query();
        }
    }

    static final List<Option> ROADMAP_STATUSES = Arrays.stream(RoadmapItem.Status.values())
            .map(s -> new Option(s.name(), RoadmapService.statusName(s))).toList();
    static final List<Option> PAIR_STATUSES = List.of(new Option(Pair.ACTIVE, pairStatus(Pair.ACTIVE)),
            new Option(Pair.FINISHED, pairStatus(Pair.FINISHED)), new Option(Pair.ENDED, pairStatus(Pair.ENDED)));
    static final List<Option> ORDER_STATUSES = List.of(new Option("draft", "черновик"),
            new Option("approved", "утверждено"), new Option("replaced", "заменено"));
    static final List<Option> FEEDBACK_KINDS = List.of(new Option("mentee", "Отзыв о работе с наставником"),
            new Option("satisfaction", "Анкета удовлетворённости"));
    static final List<Option> FEEDBACK_ROLES = List.of(new Option("mentor", "наставник"),
            new Option("mentee", "наставляемый"));

    /** The roadmap as it is printed to sign: the programme, its items, the curator's name. */
    record Printed(Programme programme, List<Item> roadmap, String curator) {
    }

    private final ProgrammeService programmes;
    private final FeedbackService feedback;
    private final RoadmapService roadmap;
    private final ParticipantDirectory directory;
    private final PairMeetings meetings;
    private final PairOrders orders;
    private final TaskService tasks;
    private final IdentityService identity;
    private final CurrentUser currentUser;
    private final SchoolClock clock;
    private final ProgrammeScope scope;

    ProgrammeOverview(ProgrammeService programmes, RoadmapService roadmap, ParticipantDirectory directory,
                      PairMeetings meetings, PairOrders orders, TaskService tasks, IdentityService identity,
                      CurrentUser currentUser, SchoolClock clock, FeedbackService feedback,
                      ProgrammeScope scope) {
        this.programmes = programmes;
        this.feedback = feedback;
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
     * The programmes the current user may open, newest first; none for those who see no overview, their own schools'
     * or a coordinator's municipalities' only (the others are refused: {@link ProgrammeScope}).
     */
    List<Programme> visible() {
        if (!currentUser.inAnyGroup(READERS)) {
            return List.of();
        }
        return scope.readable(programmes.list()).stream().sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
    }

    /** The page: every list filtered by its page parameters ({@code pairs.status=active} …). */
    View view(long programmeId, Map<String, String> params) {
        requireReader();
        Programme programme = programmes.get(programmeId);
        int stage = programmes.currentStage(programme);
        Map<String, ListFilter> filters = new HashMap<>();
        ListFilter.NAMES.keySet().forEach(list -> filters.put(list, ListFilter.onPage(list, params)));
        List<Item> items = items(programmeId);
        List<Tally> counts = Arrays.stream(RoadmapItem.Status.values())
                .map(s -> new Tally(s.name(), RoadmapService.statusName(s),
                        items.stream().filter(i -> i.status().equals(s.name())).count()))
                .filter(t -> t.count() > 0).toList();
        ListFilter roadmapFilter = filters.get("roadmap");
        List<PairRow> pairs = pairs(programmeId);
        List<FeedbackRow> answers = feedback(programmeId);
        List<Row> bases = bases(programmeId, filters.get("bases"));
        return new View(programme, ProgrammeProcess.stageTitle(programme, stage), clock.today().format(SchoolClock.RUSSIAN_DATE),
                items.stream().filter(i -> roadmapFilter.is("status", i.status())
                        && roadmapFilter.is("stage", String.valueOf(i.stage()))
                        && roadmapFilter.found(i.code(), i.title(), i.responsible(), i.completedBy())).toList(),
                items.size(), counts, bases.stream().filter(r -> r.side().equals(MENTEES)).toList(),
                bases.stream().filter(r -> !r.side().equals(MENTEES)).toList(),
                directory.withoutConsent(programmeId,
                        Arrays.stream(ParticipantRole.values()).map(ParticipantRole::code).toList()),
                filterPairs(pairs, filters.get("pairs")), pairs.size(), pairs.stream().filter(PairRow::silent).count(),
                filterOrders(orders(programmeId), filters.get("orders")),
                filterFeedback(answers, filters.get("feedback")), answers.size(), silentRule(), filters,
                programme.forms().stream().map(f -> new Option(f, formTitle(f))).toList());
    }

    // ---------------------------------------------------------------- the lists as XLSX, with the same filters

    byte[] roadmapXlsx(long programmeId, Map<String, String> params) {
        requireReader();
        ListFilter filter = ListFilter.ofDownload("roadmap", params);
        LocalDate today = clock.today();
        return OverviewSheets.roadmap(roadmap.roadmap(programmeId).stream()
                .filter(i -> filter.is("status", i.status(today).name()) && filter.is("stage", String.valueOf(i.stage()))
                        && filter.found(i.code(), i.title(), Groups.russianName(i.responsibleGroup()), i.completedBy()))
                .toList(), today, clock.zone());
    }

    byte[] basesXlsx(long programmeId, Map<String, String> params) {
        requireReader();
        programmes.get(programmeId);
        List<Row> rows = new ArrayList<>(bases(programmeId, ListFilter.ofDownload("bases", params)));
        rows.add(new Row("Без действующего согласия", "", "", directory.withoutConsent(programmeId,
                Arrays.stream(ParticipantRole.values()).map(ParticipantRole::code).toList())));
        return OverviewSheets.bases(rows);
    }

    byte[] pairsXlsx(long programmeId, Map<String, String> params) {
        requireReader();
        programmes.get(programmeId);
        return OverviewSheets.pairs(filterPairs(pairs(programmeId), ListFilter.ofDownload("pairs", params)));
    }

    byte[] ordersXlsx(long programmeId, Map<String, String> params) {
        requireReader();
        return OverviewSheets.orders(filterOrders(orders(programmeId), ListFilter.ofDownload("orders", params)));
    }

    byte[] feedbackXlsx(long programmeId, Map<String, String> params) {
        requireReader();
        return OverviewSheets.feedback(filterFeedback(feedback(programmeId), ListFilter.ofDownload("feedback", params)));
    }

    private static List<PairRow> filterPairs(List<PairRow> pairs, ListFilter f) {
        return pairs.stream().filter(p -> f.is("status", p.statusCode()) && f.is("form", p.formCode())
                && (!f.get("silent").equals("yes") || p.silent()) && f.found(p.mentor(), p.mentees())).toList();
    }

    private static List<OrderRow> filterOrders(List<OrderRow> orders, ListFilter f) {
        return orders.stream().filter(o -> f.is("status", o.status())).toList();
    }

    private static List<FeedbackRow> filterFeedback(List<FeedbackRow> rows, ListFilter f) {
        return rows.stream().filter(a -> f.is("kind", a.kind()) && f.is("role", a.role())
                && f.found(a.name(), a.helped(), a.missing(), a.comment())).toList();
    }

    Printed printed(long programmeId) {
        requireReader();
        Programme programme = programmes.get(programmeId);
        return new Printed(programme, items(programmeId), userName(programme.curatorId()));
    }

    /** A signatory as documents name them, «Фамилия Имя» as Camunda knows them, else the login. */
    String userName(String userId) {
        User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
        return name.isEmpty() ? userId : name;
    }

    static String stageName(int stage) {
        return ProgrammeProcess.stageTitle(stage);
    }

    static String silentRule() {
        return SilentPairs.rule();
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

    static final String MENTEES = "Наставляемые";

    /** Mentees by form and class, then mentors by category and role; the filter's form and class are the mentees'. */
    private List<Row> bases(long programmeId, ListFilter f) {
        List<Row> rows = new ArrayList<>();
        for (ParticipantDirectory.Count c : directory.menteesByFormAndClass(programmeId)) {
            Row row = new Row(MENTEES, formTitle(c.first()), c.second() == null ? "не указан" : c.second(), c.count());
            if (f.is("form", c.first()) && f.is("class", c.second()) && f.found(row.first(), row.second())) {
                rows.add(row);
            }
        }
        if (f.get("form").isEmpty() && f.get("class").isEmpty()) {
            for (ParticipantDirectory.Count c : directory.mentorsByCategory(programmeId)) {
                if (f.found(c.first(), c.second())) {
                    rows.add(new Row("Наставники", c.first(), c.second(), c.count()));
                }
            }
        }
        return rows;
    }

    private List<FeedbackRow> feedback(long programmeId) {
        return feedback.report(programmeId).answers().stream().map(a -> {
            LocalDateTime at = LocalDateTime.ofInstant(a.submittedAt(), clock.zone());
            return new FeedbackRow(a.pairId(), a.fullName(), a.role(), "mentor".equals(a.role()) ? "наставник"
                    : "наставляемый", a.kind(), "mentee".equals(a.kind()) ? "Отзыв о работе с наставником"
                    : "Анкета удовлетворённости", a.rating(), text(a.helped()), text(a.missing()), a.wouldContinue(),
                    text(a.comment()), at, DATE_TIME.format(at));
        }).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private List<PairRow> pairs(long programmeId) {
        return meetings.summaries(programmeId).stream().map(p -> new PairRow(p.pairId(), p.group(),
                p.mentor().fullName(), p.mentees().stream().map(PairMeetings.PersonRef::fullName)
                .collect(Collectors.joining(", ")), p.form(), formTitle(p.form()), p.status(), pairStatus(p.status()),
                p.currentStepName() == null ? "—" : p.currentStepName(), p.plannedOn(), date(p.plannedOn()),
                p.meetingsHeld(), p.missedMeetings(), p.silent())).toList();
    }

    private List<OrderRow> orders(long programmeId) {
        List<PairOrder> all = orders.list(programmeId);
        Set<Long> replaced = all.stream().map(PairOrder::replaces).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        String base = "/api/programmes/" + programmeId + "/orders/";
        return all.stream().map(o -> {
            String status = replaced.contains(o.id()) ? "replaced" : o.approved() ? "approved" : "draft";
            String name = o.number() == null ? "Проект распоряжения" : "Распоряжение № " + o.number();
            LocalDate day = o.date() != null ? o.date() : LocalDate.ofInstant(o.createdAt(), clock.zone());
            return new OrderRow(o.id(), o.number(), name, status, switch (status) {
                case "replaced" -> "заменено";
                case "approved" -> "утверждено";
                default -> "черновик";
            }, day, date(day), o.pairs() == null ? 0 : o.pairs().size(), base + o.id() + ".pdf", base + o.id() + ".docx");
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
