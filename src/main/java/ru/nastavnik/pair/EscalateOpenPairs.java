package ru.nastavnik.pair;

import static ru.nastavnik.pair.PairWorkStage.PAIRS_END_ITEM;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.programme.SchoolStaff;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;

/**
 * Task_EscalateOpenPairs: the date has come with pairs still open. The curator gets the list (the director in
 * copy); the pairs stay open, their own processes go on, and the stage moves to the group final meeting.
 */
@Component("escalateOpenPairs")
class EscalateOpenPairs implements JavaDelegate {
    private final Pairs pairs;
    private final ProgrammeService programmes;
    private final RoadmapService roadmap;
    private final TaskPeople people;
    private final MailNotifier mail;
    private final MailTemplates templates;
    private final PublicUrl publicUrl;
    private final AuditLog audit;
    private final ZoneId zone;

    EscalateOpenPairs(Pairs pairs, ProgrammeService programmes, RoadmapService roadmap, TaskPeople people,
                      MailNotifier mail, MailTemplates templates, PublicUrl publicUrl, AuditLog audit,
                      SchoolClock clock) {
        this.publicUrl = publicUrl;
        this.pairs = pairs;
        this.programmes = programmes;
        this.roadmap = roadmap;
        this.people = people;
        this.mail = mail;
        this.templates = templates;
        this.audit = audit;
        this.zone = clock.zone();
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<Pair> open = pairs.list(programmeId).stream().filter(Pair::active).toList();
        PairWorkStage.PAIRS_OPEN_AT_END.set(execution, (long) open.size());
        if (open.isEmpty()) {
            return;
        }
        Programme programme = programmes.get(programmeId);
        String curator = (String) execution.getVariable(TaskPeople.CURATOR_ID.name());
        Set<String> to = people.emails(curator == null
                ? people.membersOf(SchoolStaff.group(programme, Groups.CURATOR)) : Set.of(curator));
        Set<String> copy = new LinkedHashSet<>(people.emails(people.membersOf(SchoolStaff.group(programme,
                Groups.DIRECTOR))));
        copy.removeAll(to);
        String school = programme.schoolName();
        LocalDate due = roadmap.get(programmeId, PAIRS_END_ITEM).dueDate();
        List<Map<String, Object>> list = open.stream().map(p -> Map.<String, Object>of(
                "mentor", p.mentor().fullName(), "group", p.group(),
                "mentees", p.mentees().stream().map(Pair.Person::fullName).collect(Collectors.joining(", ")),
                "since", LocalDate.ofInstant(p.startedAt(), zone).format(SchoolClock.RUSSIAN_DATE))).toList();
        mail.send(new MailAbout("programme:" + programmeId, "pairs-open-at-end").inProgramme(programmeId), to, copy,
                templates.render("pairs-open-at-end", Map.of("school", school, "pairs", list,
                        "due", due.format(SchoolClock.RUSSIAN_DATE), "link", publicUrl.tasklist())));
        audit.record(null, "pairs.open-at-end-escalated", programmeId, null, "pairs=" + open.size());
    }
}
