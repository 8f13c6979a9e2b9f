package ru.nastavnik.district;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;

/**
 * Each coordinator's weekly email with the overdue roadmap items of every school of their municipalities: the tasks
 * behind them belong to the schools' staff, so Tasklist cannot show them to the coordinator. No email for a week
 * without anything overdue, or to a coordinator without an address; one per coordinator and week however often it
 * runs (the outbox keeps a mail's key once, on every node).
 */
@Component
public class WeeklyOverdueSummary {

    private static final Logger log = LoggerFactory.getLogger(WeeklyOverdueSummary.class);

    private final Municipalities municipalities;
    private final DistrictTable table;
    private final MailTemplates templates;
    private final MailNotifier mail;
    private final IdentityService identity;
    private final PublicUrl publicUrl;
    private final SchoolClock clock;

    WeeklyOverdueSummary(Municipalities municipalities, DistrictTable table, MailTemplates templates,
                         MailNotifier mail, IdentityService identity, PublicUrl publicUrl, SchoolClock clock) {
        this.municipalities = municipalities;
        this.table = table;
        this.templates = templates;
        this.mail = mail;
        this.identity = identity;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Queues this week's summary for every attached coordinator with something overdue; returns how many. */
    @Transactional
    public int send() {
        LocalDate week = clock.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int sent = 0;
        for (String userId : municipalities.coordinators().keySet()) {
            User user = identity.createUserQuery().userId(userId).memberOfGroup(Groups.COORDINATOR).singleResult();
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                continue;
            }
            List<DistrictTable.School> overdue = table.overdueSchools(municipalities.programmeIds(userId));
            if (overdue.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> schools = overdue.stream().map(s -> Map.<String, Object>of(
                    "name", s.school() + ", " + s.schoolYear(), "municipality", s.municipality(),
                    "link", publicUrl.of("/programmes/" + s.programmeId()), "items", s.overdue())).toList();
            String names = municipalities.ofCoordinator(userId).stream().map(Municipality::name)
                    .collect(Collectors.joining(", "));
            mail.send(new MailAbout("district:" + userId, "overdue-summary:" + week), List.of(user.getEmail()),
                    List.of(), templates.render("district-overdue", Map.of("week", week.format(SchoolClock.RUSSIAN_DATE),
                            "municipalities", names, "schools", schools, "count", overdue.stream()
                                    .mapToInt(DistrictTable.School::overdueCount).sum(),
                            "district", publicUrl.of("/district"))));
            sent++;
        }
        log.info("Weekly overdue summary queued for {} coordinators", sent);
        return sent;
    }
}
