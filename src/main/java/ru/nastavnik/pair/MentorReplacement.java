package ru.nastavnik.pair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.matching.MatchingProposal;
import ru.nastavnik.matching.ProgrammeMatching;
import ru.nastavnik.notification.Deadlines;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailContent;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrders;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantDirectory.Questionnaire;
import ru.nastavnik.participant.ParticipantRole;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.StaffStartedProcess;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.ProcessModel;
import ru.nastavnik.shared.ProcessVariable;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;
import ru.nastavnik.shared.InputText;

/**
 * Mentor replacement (issue 5, point 5): a request from a mentee, their representative or the curator on their
 * behalf, decided by the director in the {@value #PROCESS_ID} process; on yes the curator picks a new mentor among
 * the engine's candidates, a new order records the change, and the pair's process goes on at the same step with the
 * new mentor. No user checks here: callers are the controller (which checked its user) and process steps.
 */
@Service
@ProcessModel
public class MentorReplacement {

    public static final String PROCESS_ID = "mentor-replacement";
    public static final ProcessVariable<String> VAR_REQUESTED_BY = ProcessVariable.text("requestedBy");
    public static final ProcessVariable<Long> VAR_MENTEE_ID = ProcessVariable.of("menteeId", Long.class);
    public static final ProcessVariable<String> VAR_REASON = ProcessVariable.text("replacementReason");
    public static final ProcessVariable<String> VAR_INITIATOR = ProcessVariable.text("initiator");
    public static final List<String> REQUESTERS = List.of("mentee", "representative", "curator");

    /** A mentor the engine accepts for the pair's mentees, with the score and the reasons, best first. */
    public record Candidate(long personId, String name, int score, int freeSeats, List<String> reasons,
                            MatchingProposal.Group group) {
    }

    private static final Logger log = LoggerFactory.getLogger(MentorReplacement.class);

    /** Staff ask for a replacement from Tasklist too (on behalf of a mentee). */
    @Bean
    static StaffStartedProcess replacementStartedByStaff() {
        return new StaffStartedProcess(PROCESS_ID);
    }

    private final Pairs pairs;
    private final PairTasks tasks;
    private final PairOrders orders;
    private final ProgrammeMatching matching;
    private final ParticipantDirectory directory;
    private final ProgrammeService programmes;
    private final RuntimeService runtime;
    private final SystemAuthentication system;
    private final MailNotifier mail;
    private final MailTemplates templates;
    private final PublicUrl publicUrl;
    private final TaskPeople people;
    private final AuditLog audit;
    private final SchoolClock clock;
    private final PairMeetingMails pairMails;
    private final Deadlines deadlines;
    private final int decisionDays;
    private final int pickDays;

    MentorReplacement(Pairs pairs, PairTasks tasks, PairOrders orders, ProgrammeMatching matching,
                      ParticipantDirectory directory, ProgrammeService programmes, RuntimeService runtime,
                      SystemAuthentication system, MailNotifier mail, MailTemplates templates, PublicUrl publicUrl, TaskPeople people, AuditLog audit,
                      SchoolClock clock, PairMeetingMails pairMails, Deadlines deadlines, PairSchedule schedule) {
        this.clock = clock;
        this.pairMails = pairMails;
        this.deadlines = deadlines;
        this.decisionDays = schedule.replacementDecisionDays();
        this.pickDays = schedule.replacementPickDays();
        this.pairs = pairs;
        this.tasks = tasks;
        this.orders = orders;
        this.matching = matching;
        this.directory = directory;
        this.programmes = programmes;
        this.runtime = runtime;
        this.system = system;
        this.mail = mail;
        this.templates = templates;
        this.publicUrl = publicUrl;
        this.people = people;
        this.audit = audit;
    }

    /** Checks a request and starts its process (as the system: the caller checked the user). */
    @Transactional
    public String request(long pairId, String requestedBy, Long menteeId, String reason, String userId) {
        Pair pair = check(pairId, requestedBy, menteeId, reason, null);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(PairProcess.VAR_PAIR_ID.name(), pairId);
        variables.put(VAR_REQUESTED_BY.name(), requestedBy);
        variables.put(VAR_MENTEE_ID.name(), menteeId);
        variables.put(VAR_REASON.name(), reason.trim());
        variables.put(VAR_INITIATOR.name(), userId);
        ProcessInstance instance = system.call(() -> runtime.startProcessInstanceByKey(PROCESS_ID,
                businessKey(pair), variables));
        audit.record(userId, "pair.replacement-requested", pair.programmeId(), pairId, "by=" + requestedBy);
        return instance.getId();
    }

    /**
     * The request's refusals: bad fields (400), an unknown pair (404), a closed pair or one with an open request
     * (409). {@code ownProcessInstanceId} is the request's own process when it checks itself.
     */
    public Pair check(long pairId, String requestedBy, Long menteeId, String reason, String ownProcessInstanceId) {
        List<FieldError> errors = new ArrayList<>();
        if (requestedBy == null || !REQUESTERS.contains(requestedBy)) {
            errors.add(new FieldError(VAR_REQUESTED_BY.name(),
                    "Кто просит о замене: mentee (наставляемый), representative "
                    + "(законный представитель) или curator (куратор от имени наставляемого)"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError(VAR_REASON.name(), "Укажите причину просьбы о замене наставника"));
        } else if (reason.trim().length() > 2000) {
            errors.add(new FieldError(VAR_REASON.name(), "Причина не длиннее 2000 символов"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Pair pair = pairs.get(pairId);
        if (!pair.active()) {
            throw ApiException.conflict("Пара (группа) " + pairId + " уже закрыта" + (pair.endReason() == null ? ""
                    : " (" + pair.endReason() + ")") + ": замена наставника невозможна");
        }
        boolean fromMentee = !"curator".equals(requestedBy);
        if (menteeId == null && fromMentee && pair.group()) {
            throw new ValidationException(VAR_MENTEE_ID.name(),
                    "В группе несколько наставляемых: укажите, кто из них просит "
                    + "о замене (menteeId)");
        }
        if (menteeId != null && pair.mentees().stream().noneMatch(m -> m.personId() == menteeId)) {
            throw new ValidationException(VAR_MENTEE_ID.name(), "Участник " + menteeId + " не входит в пару (группу) "
                    + pairId);
        }
        boolean open = system.call(() -> runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .variableValueEquals(PairProcess.VAR_PAIR_ID.name(), pairId).list()).stream()
                .anyMatch(p -> !p.getId().equals(ownProcessInstanceId));
        if (open) {
            throw ApiException.conflict("По паре (группе) " + pairId + " уже есть нерассмотренная просьба о замене "
                    + "наставника");
        }
        return pair;
    }

    /** The due date of the director's decision, and its reminder and escalation: calendar days from the request. */
    public Map<String, Object> decisionDeadline() {
        return deadlines.variables(clock.today(), clock.today().plusDays(decisionDays));
    }

    /** The due date of the curator's pick, counted from the director's yes so the curator always has the full time. */
    public Map<String, Object> pickDeadline() {
        return deadlines.variables(clock.today(), clock.today().plusDays(pickDays));
    }

    /** The pair as the director's and the curator's forms show it (markdown). */
    public String summary(Pair pair, String requestedBy, Long menteeId, String reason) {
        String requester = switch (requestedBy) {
            case "mentee" -> "наставляемый " + menteeName(pair, menteeId);
            case "representative" -> "законный представитель наставляемого " + menteeName(pair, menteeId);
            default -> "куратор от имени наставляемого" + (menteeId == null ? "" : " " + menteeName(pair, menteeId));
        };
        return "| Пара (группа) № " + pair.id() + " | |\n|---|---|\n"
                + "| Наставник | " + InputText.markdown(pair.mentor().fullName()) + " |\n"
                + "| Наставляемые | " + InputText.markdown(String.join(", ",
                        pair.mentees().stream().map(Pair.Person::fullName).toList())) + " |\n"
                + "| Работает с | " + SchoolClock.RUSSIAN_DATE.format(pair.startedAt().atZone(clock.zone())) + " |\n"
                + "| Просит | " + InputText.markdown(requester) + " |\n"
                + "| Причина | " + InputText.markdown(reason) + " |";
    }

    /**
     * Mentors of the programme with consent in force, other than the pair's, with free seats for all its mentees,
     * whom the matching engine accepts for them; best score first.
     */
    public List<Candidate> candidates(Pair pair) {
        List<Questionnaire> all = directory.questionnaires(pair.programmeId());
        List<Candidate> found = new ArrayList<>();
        for (Questionnaire q : all) {
            if (ParticipantRole.MENTOR.code().equals(q.role()) && q.personId() != pair.mentor().personId()) {
                judge(pair, all, q).candidate().ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::name));
        return found;
    }

    /** The curator's pick checked: another mentor of the programme, with free seats, accepted by the engine. */
    public Candidate checkPick(Pair pair, long mentorId) {
        if (mentorId == pair.mentor().personId()) {
            throw new ValidationException("newMentorId", pair.mentor().fullName() + " — нынешний наставник этой "
                    + "пары: выберите другого");
        }
        List<Questionnaire> all = directory.questionnaires(pair.programmeId());
        Questionnaire mentor = all.stream().filter(q -> q.personId() == mentorId
                && ParticipantRole.MENTOR.code().equals(q.role())).findFirst().orElseThrow(() ->
                new ValidationException("newMentorId", "Участник " + mentorId + " — не наставник этой программы с "
                        + "действующим согласием"));
        Verdict verdict = judge(pair, all, mentor);
        return verdict.candidate().orElseThrow(() -> new ValidationException("newMentorId", verdict.refusal()));
    }

    /**
     * Gives the pair the picked mentor: a new order replacing the pair's one, approved by the director who said
     * yes; the pair's row; the old mentor's open tasks started again for the new one; the emails.
     */
    @Transactional
    public PairOrder replace(long pairId, long newMentorId, String curatorId, String directorId) {
        Pair before = pairs.get(pairId);
        if (!before.active()) {
            throw new ValidationException("newMentorId", "Пара (группа) " + pairId + " уже закрыта: наставник не "
                    + "меняется");
        }
        Candidate chosen = checkPick(before, newMentorId);
        MatchingProposal change = new MatchingProposal(List.of(chosen.group()), List.of(), null);
        PairOrder draft = orders.create(before.programmeId(), change, before.orderId(), curatorId);
        PairOrder order = orders.approve(before.programmeId(), draft.id(), directorId);
        String newUser = pairs.changeMentor(pairId, order, curatorId);
        int moved = tasks.handOver(before.processInstanceId(), before.mentorUserId(), newUser);
        Pair after = pairs.get(pairId);
        notifyReplaced(before, after, order);
        log.info("Pair {}: mentor replaced by order {}, {} open task(s) handed over", pairId, order.id(), moved);
        return order;
    }

    /** Tells the requester why the replacement is refused (the director's no, or no suitable mentor is free). */
    public void notifyRefused(long pairId, String requestedBy, Long menteeId, String why) {
        Pair pair = pairs.get(pairId);
        Programme programme = programmes.get(pair.programmeId());
        List<String> to = new ArrayList<>();
        if (!"curator".equals(requestedBy) && menteeId != null) {
            pair.mentees().stream().filter(m -> m.personId() == menteeId).findFirst().ifPresent(m -> {
                String own = "mentee".equals(requestedBy) ? m.email() : null;
                String address = own != null ? own : m.representativeEmail();
                if (address != null) {
                    to.add(address);
                }
            });
        }
        boolean viaCurator = to.isEmpty();
        if (viaCurator) {
            to.addAll(curatorEmails(programme));
        }
        mail.send(MailAbout.each("pair:" + pairId, "replacement-refused").inProgramme(pair.programmeId()), to,
                List.of(),
                templates.render("replacement-refused", Map.of("relay", viaCurator && !"curator".equals(requestedBy),
                        "mentor", pair.mentor().fullName(), "school", programme.schoolName(),
                        "year", programme.schoolYear(), "why", why)));
    }

    static String businessKey(Pair pair) {
        return PairProcess.businessKey(pair.programmeId(), pair.id()) + "-replacement";
    }

    /** One mentor judged for the pair: a candidate, or the Russian reason why not. */
    private record Verdict(Optional<Candidate> candidate, String refusal) {
    }

    private Verdict judge(Pair pair, List<Questionnaire> all, Questionnaire mentor) {
        int capacity = mentor.capacity() == null ? 1 : mentor.capacity();
        int free = capacity - pairs.menteeLoad(pair.programmeId(), mentor.personId());
        if (free < pair.mentees().size()) {
            return new Verdict(Optional.empty(), "У наставника " + mentor.fullName() + " нет свободных мест: берёт "
                    + capacity + ", свободно " + Math.max(free, 0) + ", а в паре (группе) наставляемых: "
                    + pair.mentees().size());
        }
        try {
            MatchingProposal.Group group = matching.pinned(pair.programmeId(), all, mentor.personId(),
                    pair.mentees().stream().map(Pair.Person::personId).toList());
            // The engine explains a pinned pair as pinned first: here the pin is only how the mentor is asked.
            List<String> reasons = group.mentees().stream()
                    .flatMap(m -> m.reasons().stream().skip(m.pinned() ? 1 : 0)).distinct().toList();
            return new Verdict(Optional.of(new Candidate(mentor.personId(), mentor.fullName(), group.score(), free,
                    reasons, group)), null);
        } catch (ValidationException refused) {
            return new Verdict(Optional.empty(), "Наставник " + mentor.fullName() + " не подходит: "
                    + String.join("; ", refused.errors().stream().map(FieldError::message).toList()));
        }
    }

    private void notifyReplaced(Pair before, Pair after, PairOrder order) {
        Programme programme = programmes.get(after.programmeId());
        Map<String, Object> common = Map.of("school", programme.schoolName(), "year", programme.schoolYear(),
                "order", "распоряжению № " + order.number() + " от " + SchoolClock.RUSSIAN_DATE.format(order.date()),
                "mentees", String.join(", ", after.mentees().stream().map(Pair.Person::fullName).toList()),
                "oldMentor", before.mentor().fullName(), "newMentor", after.mentor().fullName(),
                "link", publicUrl.tasklist());
        if (after.mentor().email() != null) {
            mail.send(new MailAbout("pair:" + after.id(), "mentor-replaced-new:" + order.id())
                            .inProgramme(after.programmeId()),
                    List.of(after.mentor().email()), List.of(), replaced(common, "new", after.mentor().fullName()));
        }
        if (before.mentor().email() != null) {
            mail.send(new MailAbout("pair:" + after.id(), "mentor-replaced-old:" + order.id())
                            .inProgramme(after.programmeId()),
                    List.of(before.mentor().email()), List.of(), replaced(common, "old", before.mentor().fullName()));
        }
        pairMails.toMentees(after, new MailAbout("pair:" + after.id(), "mentor-replaced:" + order.id())
                        .inProgramme(after.programmeId()),
                replaced(common, "mentee", null));
    }

    private MailContent replaced(Map<String, Object> common, String role, String name) {
        Map<String, Object> model = new java.util.HashMap<>(common);
        model.put("role", role);
        model.put("name", name);
        return templates.render("mentor-replaced", model);
    }

    private Set<String> curatorEmails(Programme programme) {
        return system.call(() -> people.emails(List.of(programme.curatorId())));
    }

    private static String menteeName(Pair pair, Long menteeId) {
        if (menteeId == null) {
            return pair.mentees().size() == 1 ? pair.mentees().get(0).fullName() : "";
        }
        return pair.mentees().stream().filter(m -> m.personId() == menteeId).map(Pair.Person::fullName)
                .findFirst().orElse("");
    }
}
