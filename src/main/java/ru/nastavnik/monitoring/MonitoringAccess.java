package ru.nastavnik.monitoring;

import java.util.List;
import org.springframework.stereotype.Component;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;

/**
 * Who may see and change monitoring: the school's programme staff (curator, deputy director, director) read and
 * write; the municipal coordinator reads (seed 002: the coordinator reads the SWOT analysis). A mentor only records
 * the exit assessment of their own pairs' mentees ({@link ExitAssessments}); participants answer through their
 * personal links. Everyone else is refused.
 */
@Component
public class MonitoringAccess {

    public static final List<String> WRITERS = List.of(Groups.CURATOR, Groups.DEPUTY_DIRECTOR, Groups.DIRECTOR);
    public static final List<String> READERS = List.of(Groups.CURATOR, Groups.DEPUTY_DIRECTOR, Groups.DIRECTOR,
            Groups.COORDINATOR);

    private final CurrentUser currentUser;

    MonitoringAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public void requireReader() {
        currentUser.requireAnyGroup(READERS, "Мониторинг программы видят куратор, заместитель директора, директор и "
                + "координатор");
    }

    public void requireWriter() {
        currentUser.requireAnyGroup(WRITERS, "Данные мониторинга вносят куратор, заместитель директора или директор");
    }

    public boolean reader() {
        return currentUser.inAnyGroup(READERS);
    }

    public boolean writer() {
        return currentUser.inAnyGroup(WRITERS);
    }

    public String user() {
        return currentUser.id();
    }
}
