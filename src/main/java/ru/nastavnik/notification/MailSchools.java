package ru.nastavnik.notification;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The school of a programme's mail, so that only that school's staff read that it could not be delivered
 * ({@link MailProblems}). The programme feature knows programmes and schools (it depends on this package, not this
 * package on it) and implements this.
 */
public interface MailSchools {

    /** The school of the programme, none for an unknown programme. */
    Optional<Long> schoolOf(long programmeId);

    /** The programme of a process (its variable {@code programmeId}), none for a process outside a programme. */
    Optional<Long> programmeOf(VariableScope scope);

    /** The mail, of the programme of the process {@code scope} when it has one. */
    default MailAbout inProgrammeOf(MailAbout about, VariableScope scope) {
        return programmeOf(scope).map(about::inProgramme).orElse(about);
    }
}
