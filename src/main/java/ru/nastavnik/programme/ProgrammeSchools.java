package ru.nastavnik.programme;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.MailSchools;

/**
 * The school of a programme, and the programme of a process: for its tasks' groups ({@link TasksToSchoolStaff}) and
 * its mail's school (the notification feature's {@link MailSchools}, which does not know programmes).
 */
@Component
class ProgrammeSchools implements MailSchools {

    private final ProgrammeRepository programmes;
    /** A programme's school never changes: read once per programme and node. */
    private final Map<Long, Long> schools = new ConcurrentHashMap<>();

    ProgrammeSchools(ProgrammeRepository programmes) {
        this.programmes = programmes;
    }

    @Override
    public Optional<Long> schoolOf(long programmeId) {
        return Optional.ofNullable(schools.computeIfAbsent(programmeId, id -> programmes.heading(id)
                .map(ProgrammeRepository.TaskHeading::schoolId).orElse(null)));
    }

    @Override
    public Optional<Long> programmeOf(VariableScope scope) {
        return scope.getVariable(ProgrammeProcess.VAR_PROGRAMME_ID.name()) instanceof Number id
                ? Optional.of(id.longValue()) : Optional.empty();
    }

    /** The school of the programme of the process {@code scope}, none outside a programme. */
    Optional<Long> schoolOf(VariableScope scope) {
        return programmeOf(scope).flatMap(this::schoolOf);
    }
}
