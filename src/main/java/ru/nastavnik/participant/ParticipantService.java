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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.security.StaffStartedProcess;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;
import ru.nastavnik.spreadsheet.ImportError;
import ru.nastavnik.spreadsheet.ImportLimits;
import ru.nastavnik.spreadsheet.ImportRejectedException;

/**
 * The participant bases of a programme: questionnaire import (all or nothing), the list and the cards.
 * Personal data is for the programme's staff only; every import and every view of a card is logged.
 */
@Service
public class ParticipantService {

    private static final Logger log = LoggerFactory.getLogger(ParticipantService.class);

    /** Staff enter or correct one questionnaire from Tasklist. */
    @Bean
    static StaffStartedProcess questionnaireStartedByStaff() {
        return new StaffStartedProcess(QuestionnaireProcess.PROCESS_ID);
    }

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
    private final ApplicationEventPublisher events;
    private final ImportLimits limits;

    public ParticipantService(ParticipantRepository participants, ProgrammeService programmes,
                              CurrentUser currentUser, AuditLog audit, SchoolClock clock,
                              ApplicationEventPublisher events, ImportLimits limits) {
        this.limits = limits;
        this.participants = participants;
        this.programmes = programmes;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** A withdrawal of the consent: why, and whether the participant or the legal representative withdrew it. */
    public record Withdrawal(String reason, String withdrawnBy) {
    }

    /** Who may withdraw a consent: the participant or their legal representative. */
    public static final List<String> WITHDRAWN_BY = List.of("self", "representative");

    /**
     * Corrects single fields of a participant. The stored participant with the changes is checked with the import's
     * rules as a whole (every problem at once); nothing is stored unless all of it is valid.
     */
    @Transactional
    public void correct(long programmeId, long personId, Map<String, Object> patch) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_LEADERS,
                "Исправлять данные участников могут куратор, заместитель директора или директор");
        Programme programme = programmes.get(programmeId);
        ParticipantRepository.Card card = participants.card(programmeId, personId).orElseThrow(() ->
                ApiException.notFound("Участник " + personId + " не найден в программе " + programmeId));
        List<ParticipantRepository.ConsentRecord> consents = participants.consents(programmeId, personId);
        if (consents.isEmpty() || consents.get(consents.size() - 1).withdrawnAt() != null) {
            throw ApiException.conflict("Участник отозвал согласие на обработку персональных данных: его данные "
                    + "не исправляются");
        }
        Set<MentorshipForm> forms = EnumSet.noneOf(MentorshipForm.class);
        programme.forms().forEach(code -> MentorshipForm.byCode(code).ifPresent(forms::add));
        Map<ImportColumn, String> stored = ParticipantCorrection.cells(card,
                participants.forms(programmeId, List.of(personId)).getOrDefault(personId, List.of()),
                participants.topics(programmeId, personId), consents.get(consents.size() - 1).givenOn());
        ParticipantRow row = ParticipantCorrection.apply(stored, patch, clock.today(), forms);
        Long sameKey = participants.findPeople(List.of(row.key())).get(row.key());
        if (sameKey != null && sameKey != personId) {
            throw ApiException.conflict("В базе уже есть человек с такими ФИО и датой рождения: исправление не принято");
        }
        try {
            participants.correct(programmeId, personId, row, clock.now());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("В базе уже есть человек с такими ФИО и датой рождения: исправление не принято");
        }
        audit.record(currentUser.id(), "participant.corrected", programmeId, personId,
                "fields=" + String.join(",", new java.util.TreeSet<>(patch.keySet())));
        events.publishEvent(new ParticipantCorrected(programmeId, personId));
    }

    /** What a questionnaire from the Tasklist form did: {@code created}, {@code updated}, {@code unchanged} or
     * {@code corrected}, and to whom. */
    public record SavedQuestionnaire(String outcome, long personId) {
    }

    /**
     * One questionnaire from the Tasklist form «Анкета участника». Without {@code personId} it is stored as a
     * one-row import (a new participant, or an update or no change of one already in the programme); with it, the
     * given fields correct that participant as {@link #correct} does. Both are checked by the import's row rules
     * ({@link ParticipantImporter#checkOne}): every problem at once, with the field names of the form.
     */
    @Transactional
    public SavedQuestionnaire saveQuestionnaire(long programmeId, Long personId, Map<String, Object> fields,
                                                boolean consent) {
        if (personId != null) {
            if (fields.isEmpty()) {
                throw new ValidationException("personId", "Для исправления анкеты заполните поля, которые нужно "
                        + "изменить");
            }
            correct(programmeId, personId, fields);
            return new SavedQuestionnaire("corrected", personId);
        }
        currentUser.requireAnyGroup(Groups.PROGRAMME_LEADERS,
                "Вносить анкеты могут куратор, заместитель директора или директор");
        Programme programme = programmes.get(programmeId);
        if (programme.completedAt() != null) {
            throw ApiException.conflict("Программа завершена: анкеты в неё больше не вносятся");
        }
        if (fields.isEmpty()) {
            throw new ValidationException("fullName", "Заполните анкету: ФИО, дату рождения, категорию, роль и формы "
                    + "наставничества");
        }
        Set<MentorshipForm> forms = EnumSet.noneOf(MentorshipForm.class);
        programme.forms().forEach(code -> MentorshipForm.byCode(code).ifPresent(forms::add));
        Map<ImportColumn, String> answers = new java.util.EnumMap<>(ImportColumn.class);
        answers.put(ImportColumn.CONSENT, consent ? "Да" : "Нет");
        ParticipantRow row = ParticipantCorrection.apply(answers, fields, clock.today(), forms);
        ImportResult result;
        try {
            result = store(programmeId, List.of(row));
        } catch (ImportRejectedException e) {
            throw new ValidationException(e.errors().stream()
                    .map(error -> new FieldError("fullName", error.message())).toList());
        }
        long id = participants.findPeople(List.of(row.key())).get(row.key());
        return new SavedQuestionnaire(result.imported() > 0 ? "created" : result.updated() > 0 ? "updated"
                : "unchanged", id);
    }

    /**
     * Withdraws the participant's consent: their personal data leaves the active bases (the name and the fact
     * «нет согласия» remain), the reason is recorded with the consent, the audit log keeps who did it, and
     * {@link ParticipantWithdrawn} lets the features end the person's open tasks (and later pairs).
     */
    @Transactional
    public void withdraw(long programmeId, long personId, Withdrawal withdrawal) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_LEADERS,
                "Отзыв согласия оформляют куратор, заместитель директора или директор");
        List<FieldError> errors = new ArrayList<>();
        String reason = withdrawal == null || withdrawal.reason() == null ? null : withdrawal.reason().trim();
        String by = withdrawal == null ? null : withdrawal.withdrawnBy();
        if (reason == null || reason.isEmpty()) {
            errors.add(new FieldError("reason", "Укажите причину отзыва согласия (например, «заявление от 12.10.2026»)"));
        } else if (reason.length() > 1000) {
            errors.add(new FieldError("reason", "Причина не длиннее 1000 символов"));
        }
        if (by == null || !WITHDRAWN_BY.contains(by)) {
            errors.add(new FieldError("withdrawnBy", "Кто отозвал согласие: self (сам участник) или representative "
                    + "(законный представитель)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        programmes.get(programmeId);
        participants.card(programmeId, personId).orElseThrow(() ->
                ApiException.notFound("Участник " + personId + " не найден в программе " + programmeId));
        String actor = currentUser.id();
        Instant now = clock.now();
        if (!participants.withdraw(programmeId, personId, reason, by, actor, now)) {
            throw ApiException.conflict("Согласие этого участника уже отозвано");
        }
        audit.record(actor, "participant.consent-withdrawn", programmeId, personId, "by=" + by);
        log.info("Consent of person {} in programme {} withdrawn", personId, programmeId);
        events.publishEvent(new ParticipantWithdrawn(programmeId, personId, reason, by, actor, now));
    }

    /**
     * Checks every row of the file and stores all of them, or none: on any problem nothing is written and
     * {@link ImportRejectedException} lists them all. A row of a person already in the programme (same normalised
     * name and birth date) updates them when it differs and counts as unchanged when it does not.
     */
    @Transactional
    public ImportResult importFile(long programmeId, byte[] content) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_LEADERS,
                "Загружать анкеты могут куратор, заместитель директора или директор");
        Programme programme = programmes.get(programmeId);
        if (programme.completedAt() != null) {
            throw ApiException.conflict("Программа завершена: анкеты в неё больше не загружаются");
        }
        Set<MentorshipForm> forms = EnumSet.noneOf(MentorshipForm.class);
        programme.forms().forEach(code -> MentorshipForm.byCode(code).ifPresent(forms::add));
        LocalDate today = clock.today();
        long started = System.nanoTime();
        ParticipantImporter.Result parsed = ParticipantImporter.parse(content, today, forms, limits);
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
        Set<String> withdrawnNames = participants.withdrawnNameKeys(programmeId);
        int unchanged = 0;
        for (ParticipantRow row : rows) {
            Long personId = people.get(row.key());
            ParticipantRepository.Existing known = personId == null ? null : existing.get(personId);
            if (known == null && withdrawnNames.contains(row.key().nameKey())) {
                // The birth date of a withdrawn participant is erased: the name is all that recognises them.
                errors.add(new ImportError(row.row(), ImportColumn.FULL_NAME.header(),
                        "Участник с таким ФИО отозвал согласие на обработку персональных данных в этой программе: "
                                + "повторно его анкету загрузить нельзя, новое согласие оформляется в карточке "
                                + "участника"));
            } else if (known == null) {
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
        currentUser.requireAnyGroup(Groups.SCHOOL_STAFF, "Персональные данные участников видят только куратор, "
                + "заместитель директора, директор и координатор");
    }
}
