package ru.nastavnik.district;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;

/**
 * What a coordinator may read: the programmes of the schools of their municipalities, nothing of other schools. A
 * user who also runs programmes (curator, deputy director, director, admin) reads as that role does. The one rule
 * for the district page, the school pages and the API ({@link ProgrammeScopeInterceptor}) and the start page.
 */
@Component
public class CoordinatorScope {

    static final String REFUSAL = "Координатор видит только школы своих муниципалитетов";

    private final CurrentUser currentUser;
    private final Municipalities municipalities;

    CoordinatorScope(CurrentUser currentUser, Municipalities municipalities) {
        this.currentUser = currentUser;
        this.municipalities = municipalities;
    }

    /** Whether the current user reads as a coordinator only, within their municipalities. */
    public boolean restricted() {
        return currentUser.inAnyGroup(List.of(Groups.COORDINATOR))
                && !currentUser.inAnyGroup(Groups.PROGRAMME_MANAGERS);
    }

    public boolean mayRead(long programmeId) {
        return !restricted() || programmeIds().contains(programmeId);
    }

    /** The programmes among {@code all} that the current user may read. */
    public List<Programme> readable(List<Programme> all) {
        if (!restricted()) {
            return all;
        }
        Set<Long> own = programmeIds();
        return all.stream().filter(p -> own.contains(p.id())).toList();
    }

    /** The current coordinator's programmes. */
    Set<Long> programmeIds() {
        String user = currentUser.id();
        return user == null ? Set.of() : municipalities.programmeIds(user);
    }
}
