package ru.nastavnik.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.nastavnik.district.Municipalities;
import ru.nastavnik.district.Municipality;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeRequest;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.SchoolYear;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.SchoolClock;

/**
 * Profile "demo": one user per role (password "demo") and a running programme for the current school year,
 * so that a first start looks like a working school; the users and that programme are made only when the demo
 * curator does not exist yet. Then a second school's programme of the current year, brought to stage 5
 * ({@link DemoPairsProgramme}), unless it exists already; both in the municipality «Городской округ Демо» of the
 * demo coordinator, who sees them side by side on {@code /district}.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";
    static final String SCHOOL = "МБОУ «Средняя школа № 6» (демо)";
    static final String MUNICIPALITY = "Городской округ Демо";
    static final String COORDINATOR = "coordinator";

    private record DemoUser(String id, String firstName, String lastName, String group) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("curator", "Лидия", "Янчук", Groups.CURATOR),
            new DemoUser("deputy", "Ольга", "Петрова", Groups.DEPUTY_DIRECTOR),
            new DemoUser("director", "Сергей", "Иванов", Groups.DIRECTOR),
            new DemoUser("mentor1", "Анна", "Смирнова", Groups.MENTOR),
            new DemoUser("mentor2", "Дмитрий", "Кузнецов", Groups.MENTOR),
            new DemoUser("mentor3", "Мария", "Попова", Groups.MENTOR),
            new DemoUser(COORDINATOR, "Елена", "Васильева", Groups.COORDINATOR));

    private final IdentityService identityService;
    private final ProgrammeService programmes;
    private final SchoolClock clock;
    private final DemoPairsProgramme pairsProgramme;
    private final Municipalities municipalities;

    DemoData(IdentityService identityService, ProgrammeService programmes, SchoolClock clock,
             DemoPairsProgramme pairsProgramme, Municipalities municipalities) {
        this.identityService = identityService;
        this.programmes = programmes;
        this.clock = clock;
        this.pairsProgramme = pairsProgramme;
        this.municipalities = municipalities;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void create() {
        if (identityService.createUserQuery().userId("curator").count() == 0) {
            createUsersAndProgramme();
        }
        Programme second = pairsProgramme.create();
        district(second);
    }

    /**
     * The demo's municipality with both demo schools and the demo coordinator attached, made or completed on every
     * start (a database of an earlier version gets it too).
     */
    private void district(Programme second) {
        Municipality demo = municipalities.ensure(MUNICIPALITY);
        programmes.list().stream().filter(p -> p.schoolName().equals(SCHOOL) || p.id() == second.id())
                .filter(p -> p.municipalityId() == null)
                .forEach(p -> municipalities.attachSchool(demo.id(), p.id()));
        if (identityService.createUserQuery().userId(COORDINATOR).count() > 0) {
            municipalities.attachCoordinator(demo.id(), COORDINATOR);
        }
    }

    private void createUsersAndProgramme() {
        for (DemoUser d : USERS) {
            User user = identityService.newUser(d.id());
            user.setFirstName(d.firstName());
            user.setLastName(d.lastName());
            user.setEmail(d.id() + "@school6.example");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(d.id(), d.group());
        }
        String year = SchoolYear.containing(clock.today()).toString();
        programmes.start(new ProgrammeRequest(SCHOOL, year, List.of("pupil-pupil", "teacher-teacher"),
                "curator", List.of()).withSchoolHeads("deputy", "director"));
        log.info("Demo users {} created (password '{}'; {} sees the district page /district) and a demo programme "
                + "started for {}", USERS.stream().map(DemoUser::id).toList(), PASSWORD, COORDINATOR, year);
    }
}
