package ru.nastavnik.closing;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantRole;
import ru.nastavnik.programme.ProgrammeCarriedOver;
import ru.nastavnik.security.CurrentUser;

/**
 * Next year's programme starts from last year's long-term base, without importing questionnaires again: the mentors
 * who continue come as mentors (their pairs, meetings and results stay with last year's programme), the mentees who
 * finished and want to mentor as candidates, to be interviewed and trained in stage 4. A person whose consent was
 * withdrawn is never carried over (the withdrawal also removes them from the base).
 */
@Component
class NextYearBase {

    private static final Logger log = LoggerFactory.getLogger(NextYearBase.class);

    private final ClosingRecords records;
    private final ParticipantDirectory directory;
    private final CurrentUser currentUser;

    NextYearBase(ClosingRecords records, ParticipantDirectory directory, CurrentUser currentUser) {
        this.records = records;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    @EventListener
    void carryOver(ProgrammeCarriedOver event) {
        int carried = 0;
        for (Map.Entry<Long, String> entry : records.longTermBase(event.previousProgrammeId()).entrySet()) {
            ParticipantRole role = "mentor".equals(entry.getValue())
                    ? ParticipantRole.MENTOR : ParticipantRole.MENTOR_CANDIDATE;
            if (directory.carryOver(event.previousProgrammeId(), event.programmeId(), entry.getKey(), role,
                    currentUser.id())) {
                carried++;
            }
        }
        log.info("Programme {} starts with {} people of programme {}'s long-term base", event.programmeId(), carried,
                event.previousProgrammeId());
    }
}
