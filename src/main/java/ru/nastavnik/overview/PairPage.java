package ru.nastavnik.overview;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.nastavnik.feedback.FeedbackService;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairAccess;
import ru.nastavnik.pair.PairMeetings;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.PrintDocument;
import ru.nastavnik.shared.SchoolClock;

/**
 * One pair or group as its page shows it: who, the individual plan, every meeting with its report and attendance,
 * and the feedback. Read through the pair's and the feedback's own services; the access rule is the pair API's
 * ({@link PairAccess}), with the overview's readers as staff.
 */
@Component
class PairPage {

    static final String REFUSAL = "Страницу пары видят куратор, заместитель директора, директор, координатор "
            + "и наставник этой пары";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    record Presence(String name, boolean attended) {
    }

    /** state: held, missed (fell due without a report) or planned. */
    record MeetingRow(String title, String planned, String state, String stateName, String heldOn, String duration,
                      String format, String topics, String agreed, List<Presence> attendance, int moves) {
    }

    record PlanView(String frequency, String goals, String items, String writtenOn, List<String> requests) {
    }

    record Answer(String name, String role, String kind, int rating, String helped, String missing,
                  boolean wouldContinue, String comment, String submittedAt) {
    }

    /** answers: the pair's feedback questionnaires, for the staff only (null for the mentor, whom they judge). */
    record View(Programme programme, long pairId, boolean group, String mentor, List<String> mentees, String form,
                String status, String order, String startedOn, String closedOn, String endReason, String step,
                String stepDate, PlanView plan, List<MeetingRow> meetings, PairMeetings.MentorFeedback mentorFeedback,
                List<Answer> answers) {
    }

    /** A line of the mentor's start page. */
    record OwnPair(long programmeId, long pairId, String school, String schoolYear, String mentees, String status) {
    }

    private final PairAccess access;
    private final PairMeetings meetings;
    private final Pairs pairs;
    private final PairOrders orders;
    private final ProgrammeService programmes;
    private final FeedbackService feedback;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final SchoolClock clock;
    private final ProgrammeOverview overview;

    PairPage(PairAccess access, PairMeetings meetings, Pairs pairs, PairOrders orders, ProgrammeService programmes,
             FeedbackService feedback, CurrentUser currentUser, AuditLog audit, SchoolClock clock,
             ProgrammeOverview overview) {
        this.overview = overview;
        this.access = access;
        this.meetings = meetings;
        this.pairs = pairs;
        this.orders = orders;
        this.programmes = programmes;
        this.feedback = feedback;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    View view(long programmeId, long pairId) {
        View view = read(programmeId, pairId);
        audit.record(currentUser.id(), "pair.page.viewed", programmeId, pairId, null);
        return view;
    }

    /** The individual plan to sign, with the curator's name for the approval line. */
    List<PrintDocument.Block> plan(long programmeId, long pairId) {
        View view = read(programmeId, pairId);
        audit.record(currentUser.id(), "pair.plan.printed", programmeId, pairId, null);
        return PrintedDocuments.plan(view, overview.userName(view.programme().curatorId()));
    }

    private View read(long programmeId, long pairId) {
        Pair pair = access.requireStaffOrMentor(programmeId, pairId, ProgrammeOverview.READERS, REFUSAL);
        boolean staff = currentUser.inAnyGroup(ProgrammeOverview.READERS);
        Programme programme = programmes.get(programmeId);
        PairMeetings.PairDetails details = meetings.details(programmeId, pairId);
        PairMeetings.PairSummary summary = details.pair();
        // Attendance may name a mentee who has left the group since; the pair keeps only current mentees.
        Map<Long, String> names = summary.mentees().stream()
                .collect(Collectors.toMap(PairMeetings.PersonRef::personId, PairMeetings.PersonRef::fullName));
        PairOrder order = orders.get(programmeId, pair.orderId());
        return new View(programme, pairId, pair.group(), summary.mentor().fullName(),
                summary.mentees().stream().map(PairMeetings.PersonRef::fullName).toList(),
                ProgrammeOverview.formTitle(pair.form()), ProgrammeOverview.pairStatus(pair.status()),
                order.number() == null ? "Проект распоряжения" : "Распоряжение № " + order.number()
                        + (order.date() == null ? "" : " от " + ProgrammeOverview.date(order.date())),
                day(pair.startedAt()), pair.closedAt() == null ? "" : day(pair.closedAt()),
                pair.endReason() == null ? "" : pair.endReason(),
                summary.currentStepName() == null ? "" : summary.currentStepName(),
                ProgrammeOverview.date(summary.plannedOn()), plan(details.plan(), names),
                details.meetings().stream().map(m -> meeting(m, names)).toList(),
                meetings.mentorFeedback(pairId).orElse(null), staff ? answers(programmeId, pairId) : null);
    }

    /** The current user's own pairs, as their mentor; none for anyone else. */
    List<OwnPair> ownPairs() {
        if (currentUser.id() == null) {
            return List.of();
        }
        Map<Long, Programme> byId = programmes.list().stream()
                .collect(Collectors.toMap(Programme::id, Function.identity()));
        return pairs.ofMentor(currentUser.id()).stream().filter(p -> byId.containsKey(p.programmeId())).map(p -> {
            Programme programme = byId.get(p.programmeId());
            return new OwnPair(p.programmeId(), p.id(), programme.schoolName(), programme.schoolYear(),
                    p.mentees().stream().map(Pair.Person::fullName).collect(Collectors.joining(", ")),
                    ProgrammeOverview.pairStatus(p.status()));
        }).toList();
    }

    private PlanView plan(PairMeetings.Plan plan, Map<Long, String> names) {
        if (plan == null) {
            return null;
        }
        return new PlanView(plan.frequencyName(), plan.goals(), plan.items(), ProgrammeOverview.date(plan.writtenOn()),
                plan.requests().stream().map(r -> name(names, r.personId()) + ": " + r.title()).toList());
    }

    private static MeetingRow meeting(PairMeetings.Meeting m, Map<Long, String> names) {
        String state = m.reported() ? "held" : m.overdueAt() != null ? "missed" : "planned";
        return new MeetingRow(m.title(), ProgrammeOverview.date(m.plannedOn()), state, switch (state) {
            case "held" -> "проведена";
            case "missed" -> "не отмечена в срок";
            default -> "запланирована";
        }, ProgrammeOverview.date(m.heldOn()), m.durationMinutes() == null ? "" : m.durationMinutes() + " мин",
                m.format() == null ? "" : "online".equals(m.format()) ? "онлайн" : "очно",
                m.topics() == null ? "" : m.topics(), m.agreed() == null ? "" : m.agreed(),
                m.attendance().stream().map(a -> new Presence(name(names, a.personId()), a.attended())).toList(),
                m.moves());
    }

    private List<Answer> answers(long programmeId, long pairId) {
        return feedback.report(programmeId).answers().stream().filter(a -> a.pairId() == pairId)
                .map(a -> new Answer(a.fullName(), "mentor".equals(a.role()) ? "наставник" : "наставляемый",
                        "mentee".equals(a.kind()) ? "Отзыв о работе с наставником" : "Анкета удовлетворённости",
                        a.rating(), text(a.helped()), text(a.missing()), a.wouldContinue(), text(a.comment()),
                        DATE_TIME.format(a.submittedAt().atZone(clock.zone())))).toList();
    }

    private String day(java.time.Instant moment) {
        return ProgrammeOverview.date(LocalDate.ofInstant(moment, clock.zone()));
    }

    private static String name(Map<Long, String> names, long personId) {
        return names.getOrDefault(personId, "выбывший участник");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
