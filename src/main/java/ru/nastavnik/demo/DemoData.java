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
import ru.nastavnik.programme.ProgrammeRequest;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.SchoolYear;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.SchoolClock;

/**
 * Profile "demo": one user per role (password "demo") and a running programme for the current school year,
 * so that a first start looks like a working school; the users and that programme are made only when the demo
 * curator does not exist yet. Then a second school's programme of the current year, brought to stage 5
 * ({@link DemoPairsProgramme}), unless it exists already.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";
    static final String SCHOOL = "МБОУ «Средняя школа № 6» (демо)";

    private record DemoUser(String id, String firstName, String lastName, String group) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("curator", "Лидия", "Янчук", Groups.CURATOR),
            new DemoUser("deputy", "Ольга", "Петрова", Groups.DEPUTY_DIRECTOR),
            new DemoUser("director", "Сергей", "Иванов", Groups.DIRECTOR),
            new DemoUser("mentor1", "Анна", "Смирнова", Groups.MENTOR),
            new DemoUser("mentor2", "Дмитрий", "Кузнецов", Groups.MENTOR),
            new DemoUser("mentor3", "Мария", "Попова", Groups.MENTOR),
            new DemoUser("coordinator", "Елена", "Васильева", Groups.COORDINATOR));

    private final IdentityService identityService;
    private final ProgrammeService programmes;
    private final SchoolClock clock;
    private final DemoPairsProgramme pairsProgramme;

    DemoData(IdentityService identityService, ProgrammeService programmes, SchoolClock clock,
             DemoPairsProgramme pairsProgramme) {
        this.identityService = identityService;
        this.programmes = programmes;
        this.clock = clock;
        this.pairsProgramme = pairsProgramme;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void create() {
        if (identityService.createUserQuery().userId("curator").count() == 0) {
            createUsersAndProgramme();
        }
        pairsProgramme.create();
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
                "curator", List.of()));
        log.info("Demo users created (password '{}') and a demo programme started for {}", PASSWORD, year);
    }
}
