package ru.nastavnik.participant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.SchoolClock;

/**
 * The participant bases of a programme: questionnaire import (all or nothing), the list and the cards.
 * Personal data is for the programme's staff only; every import and every view of a card is logged.
 */
@Service
public class ParticipantService {

    /** Who may see participants' personal data. */
    public static final List<String> PERSONAL_DATA_READERS =
            List.of(Groups.CURATOR, Groups.DEPUTY_DIRECTOR, Groups.DIRECTOR, Groups.COORDINATOR);
    /** Who may import questionnaires. */
    public static final List<String> EDITORS = List.of(Groups.CURATOR, Groups.DEPUTY_DIRECTOR, Groups.DIRECTOR);

    private static final Logger log = LoggerFactory.getLogger(ParticipantService.class);

    /** How an import ended: new participants, changed ones, and rows identical to what was stored. */
    public record ImportResult(int imported, int updated, int unchanged, List<ImportError> errors) {
    }

    public record Page<T>(int page, int size, long total, List<T> items) {
    }

    private final ParticipantRepository participants;
    private final ProgrammeService programmes;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final SchoolClock clock;

    public ParticipantService(ParticipantRepository participants, ProgrammeService programmes,
                              CurrentUser currentUser, AuditLog audit, SchoolClock clock) {
        this.participants = participants;
        this.programmes = programmes;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks every row of the file and stores all of them, or none: on any problem nothing is written and
     * {@link ImportRejectedException} lists them all. A row of a person already in the programme (same normalised
     * name and birth date) updates them when it differs and counts as unchanged when it does not.
     */
    @Transactional
    public ImportResult importFile(long programmeId, byte[] content) {
        currentUser.requireAnyGroup(EDITORS,
                "Загружать анкеты могут куратор, заместитель директора или директор");
        Programme programme = programmes.get(programmeId);
        if (programme.completedAt() != null) {
            throw ApiException.conflict("Программа завершена: анкеты в неё больше не загружаются");
        }
        Set<MentorshipForm> forms = EnumSet.noneOf(MentorshipForm.class);
        programme.forms().forEach(code -> MentorshipForm.byCode(code).ifPresent(forms::add));
        LocalDate today = clock.today();
        long started = System.nanoTime();
        ParticipantImporter.Result parsed = ParticipantImporter.parse(content, today, forms);
        if (!parsed.ok()) {
            log.info("Import into programme {} refused: {} problem(s)", programmeId, parsed.errors().size());
            throw new ImportRejectedException(parsed.errors());
        }
        ImportResult result = store(programmeId, parsed.rows());
        log.info("Import into programme {}: {} new, {} updated, {} unchanged in {} ms", programmeId,
                result.imported(), result.updated(), result.unchanged(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private ImportResult store(long programmeId, List<ParticipantRow> rows) {
        Map<ParticipantRow.PersonKey, Long> people = participants.findPeople(rows.stream().map(ParticipantRow::key).toList());
        Map<Long, ParticipantRepository.Existing> existing = participants.findParticipants(programmeId);
        List<ImportError> errors = new ArrayList<>();
        List<ParticipantRow> fresh = new ArrayList<>();
        List<ParticipantRow> changed = new ArrayList<>();
        List<Long> changedIds = new ArrayList<>();
        int unchanged = 0;
        for (ParticipantRow row : rows) {
            Long personId = people.get(row.key());
            ParticipantRepository.Existing known = personId == null ? null : existing.get(personId);
            if (known == null) {
                fresh.add(row);
            } else if (known.consentWithdrawn()) {
                errors.add(new ImportError(row.row(), ImportColumn.FULL_NAME.header(),
                        "Этот участник отозвал согласие на обработку персональных данных: повторно его анкету "
                                + "загрузить нельзя, новое согласие оформляется в карточке участника"));
            } else if (row.fingerprint().equals(known.fingerprint())) {
                unchanged++;
            } else {
                changed.add(row);
                changedIds.add(personId);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        Instant now = clock.now();
        String actor = currentUser.id();
        try {
            List<ParticipantRow> newPeople = fresh.stream().filter(row -> !people.containsKey(row.key())).toList();
            participants.insertPeople(newPeople, now);
            people.putAll(participants.findPeople(newPeople.stream().map(ParticipantRow::key).toList()));
            Set<ParticipantRow.PersonKey> created = new HashSet<>();
            newPeople.forEach(row -> created.add(row.key()));
            List<ParticipantRow> knownPeople = new ArrayList<>(changed);
            fresh.stream().filter(row -> !created.contains(row.key())).forEach(knownPeople::add);
            participants.updatePeople(knownPeople.stream().map(row -> people.get(row.key())).toList(), knownPeople, now);
            participants.insertParticipants(programmeId, fresh,
                    fresh.stream().map(row -> people.get(row.key())).toList(), now, actor);
            participants.updateParticipants(programmeId, changed, changedIds, now);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("Эти анкеты загружаются прямо сейчас в другом окне: повторите загрузку позже");
        }
        audit.record(actor, "participants.imported", programmeId, null,
                "imported=" + fresh.size() + " updated=" + changed.size() + " unchanged=" + unchanged);
        return new ImportResult(fresh.size(), changed.size(), unchanged, List.of());
    }

    public Page<ParticipantRepository.Summary> list(long programmeId, ParticipantRepository.Filter filter,
                                                     int page, int size) {
        requireReader();
        programmes.get(programmeId);
        long total = participants.count(programmeId, filter);
        List<ParticipantRepository.Summary> items = participants.page(programmeId, filter, page, size);
        audit.record(currentUser.id(), "participants.listed", programmeId, null, "page=" + page + " size=" + items.size());
        return new Page<>(page, size, total, items);
    }

    Map<Long, List<String>> forms(long programmeId, List<Long> personIds) {
        return participants.forms(programmeId, personIds);
    }

    /** A card with its topics and consents, or 404. */
    public record Details(ParticipantRepository.Card card, Map<String, List<String>> topics, List<String> forms,
                          List<ParticipantRepository.ConsentRecord> consents) {
    }

    public Details get(long programmeId, long personId) {
        requireReader();
        programmes.get(programmeId);
        ParticipantRepository.Card card = participants.card(programmeId, personId).orElseThrow(() ->
                ApiException.notFound("Участник " + personId + " не найден в программе " + programmeId));
        audit.record(currentUser.id(), "participant.viewed", programmeId, personId, null);
        return new Details(card, participants.topics(programmeId, personId),
                participants.forms(programmeId, List.of(personId)).getOrDefault(personId, List.of()),
                participants.consents(programmeId, personId));
    }

    private void requireReader() {
        currentUser.requireAnyGroup(PERSONAL_DATA_READERS, "Персональные данные участников видят только куратор, "
                + "заместитель директора, директор и координатор");
    }
}
