package ru.nastavnik.programme;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.MailSchools;

/**
 * The school of a programme, and the programme of a process: for its tasks' groups ({@link TasksToSchoolStaff}), their
 * names and headers ({@link ProgrammeOnTasks}) and its mail's school (the notification feature's {@link MailSchools},
 * which does not know programmes).
 */
@Component
class ProgrammeSchools implements MailSchools {

    private final ProgrammeRepository programmes;
    /** A programme's school, its name and the school year never change: read once per programme and node. */
    private final Map<Long, ProgrammeRepository.TaskHeading> headings = new ConcurrentHashMap<>();

    ProgrammeSchools(ProgrammeRepository programmes) {
        this.programmes = programmes;
    }

    @Override
    public Optional<Long> schoolOf(long programmeId) {
        return heading(programmeId).map(ProgrammeRepository.TaskHeading::schoolId);
    }

    Optional<ProgrammeRepository.TaskHeading> heading(long programmeId) {
        return Optional.ofNullable(headings.computeIfAbsent(programmeId, id -> programmes.heading(id).orElse(null)));
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
