package ru.nastavnik.district;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeReaders;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.programme.SchoolStaff;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;

/**
 * Which programmes a member of staff may read. A region's schools share one installation: the school's staff
 * (curator, deputy director, director: members of the school's groups, {@link SchoolStaff}) read their own school's
 * programmes, a coordinator those of the schools of their municipalities, an administrator every one. Mentors are
 * not limited here: their pages and calls check the pair. The one rule for the district page, the school pages and
 * the API ({@link ProgrammeScopeInterceptor}) and the start page.
 */
@Component
public class ProgrammeScope implements ProgrammeReaders {

    static final String REFUSAL = "Это программа другой школы: её видят сотрудники школы и координатор "
            + "её муниципалитета";

    private final CurrentUser currentUser;
    private final Municipalities municipalities;
    private final ProgrammeService programmes;

    ProgrammeScope(CurrentUser currentUser, Municipalities municipalities, ProgrammeService programmes) {
        this.currentUser = currentUser;
        this.municipalities = municipalities;
        this.programmes = programmes;
    }

    /** Whether the current user reads only some schools: staff of schools and coordinators, not administrators. */
    public boolean restricted() {
        return currentUser.inAnyGroup(Groups.SCHOOL_STAFF) && !currentUser.inAnyGroup(List.of(Groups.ADMIN));
    }

    /** Whether the current user may read the programme; an unknown one is left to its handler (404). */
    public boolean mayRead(long programmeId) {
        if (!restricted()) {
            return true;
        }
        List<Programme> found = programmes.list(List.of(programmeId));
        return found.isEmpty() || !readable(found).isEmpty();
    }

    @Override
    public List<Programme> readable(List<Programme> all) {
        if (!restricted()) {
            return all;
        }
        Set<Long> coordinated = coordinatedProgrammeIds();
        return all.stream().filter(p -> coordinated.contains(p.id())
                || currentUser.inAnyGroup(SchoolStaff.groups(p))).toList();
    }

    /** The programmes of the current coordinator's municipalities. */
    private Set<Long> coordinatedProgrammeIds() {
        String user = currentUser.id();
        return user == null || !currentUser.inAnyGroup(List.of(Groups.COORDINATOR)) ? Set.of()
                : municipalities.programmeIds(user);
    }
}
