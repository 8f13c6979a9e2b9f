package ru.nastavnik.matching;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.security.Groups;
import ru.nastavnik.spreadsheet.ImportLimits;
import ru.nastavnik.spreadsheet.ImportRejectedException;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.AuditLog;

/**
 * The import of preference questionnaires from a file ({@link PreferenceImporter}): all rows or none; each named
 * participant's wishes are replaced through {@link MatchingPreferences#replace}, as by the PUT endpoint.
 */
@Service
public class PreferenceImport {

    private static final Logger log = LoggerFactory.getLogger(PreferenceImport.class);

    /** How many questionnaires were stored and how many wishes they hold. */
    public record ImportResult(int participants, int preferred, int avoid) {
    }

    private final MatchingPreferences preferences;
    private final ParticipantDirectory directory;
    private final ProgrammeService programmes;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ImportLimits limits;

    PreferenceImport(MatchingPreferences preferences, ParticipantDirectory directory, ProgrammeService programmes,
                     CurrentUser currentUser, AuditLog audit, ImportLimits limits) {
        this.limits = limits;
        this.preferences = preferences;
        this.directory = directory;
        this.programmes = programmes;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Transactional
    public ImportResult importFile(long programmeId, byte[] content) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_LEADERS,
                "Пожелания участников записывают куратор, заместитель директора или директор");
        if (programmes.get(programmeId).completedAt() != null) {
            throw ApiException.conflict("Программа завершена: анкеты предпочтений в неё больше не загружаются");
        }
        PreferenceImporter.Result parsed = PreferenceImporter.parse(content, directory.roster(programmeId), limits);
        if (!parsed.ok()) {
            log.info("Preference import into programme {} refused: {} problem(s)", programmeId, parsed.errors().size());
            throw new ImportRejectedException(parsed.errors());
        }
        int preferred = 0;
        int avoid = 0;
        for (PreferenceImporter.Entry entry : parsed.entries()) {
            MatchingPreferences.Wishes stored = preferences.replace(programmeId, entry.personId(), entry.wishes());
            preferred += stored.preferred().size();
            avoid += stored.avoid().size();
        }
        ImportResult result = new ImportResult(parsed.entries().size(), preferred, avoid);
        audit.record(currentUser.id(), "matching.preferences-imported", programmeId, null,
                "participants=" + result.participants() + " preferred=" + preferred + " avoid=" + avoid);
        return result;
    }
}
