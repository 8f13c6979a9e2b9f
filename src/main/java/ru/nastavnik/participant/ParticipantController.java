package ru.nastavnik.participant;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;
import ru.nastavnik.spreadsheet.ImportGuard;
import ru.nastavnik.spreadsheet.ImportRefusal;
import ru.nastavnik.spreadsheet.ImportRejectedException;
import ru.nastavnik.spreadsheet.SheetReader;
import ru.nastavnik.spreadsheet.SheetTemplate;

@RestController
@RequestMapping("/api")
class ParticipantController {

    private static final int MAX_PAGE_SIZE = 500;

    record Consent(String state, String title) {
        static Consent of(Instant withdrawnAt) {
            return withdrawnAt == null ? new Consent("given", "есть согласие") : new Consent("missing", "нет согласия");
        }
    }

    record ParticipantSummary(long personId, String fullName, String category, String schoolClass, String role,
                              List<String> forms, Consent consent, Instant withdrawnAt) {
    }

    record TopicView(String code, String title) {
    }

    record ParticipantView(long personId, String fullName, LocalDate birthDate, String category, String schoolClass,
                           Integer experienceYears, String subjects, String email, String phone,
                           String representativeName, String representativeEmail, String role, List<String> forms,
                           List<TopicView> requests, List<TopicView> competencies, String details, String interests,
                           Integer capacity, Integer engagement, Integer activity, Integer selfEsteem, Integer anxiety,
                           BigDecimal averageGrade, Consent consent,
                           List<ParticipantRepository.ConsentRecord> consents, Instant createdAt, Instant updatedAt,
                           Instant withdrawnAt) {
    }

    private final ParticipantService participants;
    private final ImportGuard guard;

    ParticipantController(ParticipantService participants, ImportGuard guard) {
        this.participants = participants;
        this.guard = guard;
    }

    @PostMapping(path = "/programmes/{id}/participants/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ParticipantService.ImportResult importForm(@PathVariable long id, @RequestPart("file") MultipartFile file) {
        return guard.importFile(file, content -> participants.importFile(id, content));
    }

    @PostMapping(path = "/programmes/{id}/participants/import",
            consumes = {"text/csv", SheetReader.XLSX_TYPE, "application/vnd.ms-excel", "application/octet-stream", "text/plain"})
    ParticipantService.ImportResult importBody(@PathVariable long id, InputStream body) {
        return guard.importBody(body, content -> participants.importFile(id, content));
    }

    @GetMapping("/templates/participants.xlsx")
    ResponseEntity<byte[]> template() {
        return SheetTemplate.download("participants.xlsx", ImportTemplate.xlsx());
    }

    @GetMapping("/programmes/{id}/participants")
    ParticipantService.Page<ParticipantSummary> list(@PathVariable long id,
                                                     @RequestParam(required = false) String role,
                                                     @RequestParam(required = false) String form,
                                                     @RequestParam(required = false) String consent,
                                                     @RequestParam(defaultValue = "0") int page,
                                                     @RequestParam(defaultValue = "50") int size) {
        List<FieldError> errors = new ArrayList<>();
        if (role != null && ParticipantRole.byCode(role).isEmpty()) {
            errors.add(new FieldError("role", "Неизвестная роль «" + role + "». Допустимо: mentee, mentor_candidate, mentor"));
        }
        if (form != null && MentorshipForm.byCode(form).isEmpty()) {
            errors.add(new FieldError("form", "Неизвестная форма «" + form + "». Допустимо: " + MentorshipForm.allCodes()));
        }
        if (consent != null && !consent.equals("given") && !consent.equals("missing")) {
            errors.add(new FieldError("consent", "Фильтр согласия: given или missing"));
        }
        if (page < 0) {
            errors.add(new FieldError("page", "Номер страницы начинается с 0"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "Размер страницы от 1 до " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var result = participants.list(id, new ParticipantRepository.Filter(role, form,
                consent == null ? null : consent.equals("given")), page, size);
        Map<Long, List<String>> forms = participants.forms(id,
                result.items().stream().map(ParticipantRepository.Summary::personId).toList());
        return new ParticipantService.Page<>(result.page(), result.size(), result.total(), result.items().stream()
                .map(s -> view(s, forms.getOrDefault(s.personId(), List.of()))).toList());
    }

    @GetMapping("/programmes/{id}/participants/{personId}")
    ParticipantView get(@PathVariable long id, @PathVariable long personId) {
        ParticipantService.Details d = participants.get(id, personId);
        ParticipantRepository.Card c = d.card();
        Instant withdrawn = d.consents().isEmpty() ? null : d.consents().get(d.consents().size() - 1).withdrawnAt();
        Consent consent = Consent.of(withdrawn);
        if (withdrawn != null) {
            return new ParticipantView(c.personId(), c.fullName(), null, null, null, null, null, null, null, null,
                    null, c.role(), List.of(), List.of(), List.of(), null, null, null, null, null, null, null, null,
                    consent, d.consents(), c.createdAt(), c.updatedAt(), c.withdrawnAt());
        }
        EntryAssessment a = c.assessment();
        return new ParticipantView(c.personId(), c.fullName(), c.birthDate(), c.category(), c.schoolClass(),
                c.experienceYears(), c.subjects(), c.email(), c.phone(), c.representativeName(),
                c.representativeEmail(), c.role(), d.forms(), topics(d.topics().get(ParticipantRepository.REQUEST)),
                topics(d.topics().get(ParticipantRepository.COMPETENCY)), c.details(), c.interests(), c.capacity(),
                a.engagement(), a.activity(), a.selfEsteem(), a.anxiety(), a.averageGrade(), consent, d.consents(),
                c.createdAt(), c.updatedAt(), c.withdrawnAt());
    }

    /** Corrects single fields with the import's rules; answers the corrected card. */
    @PatchMapping("/programmes/{id}/participants/{personId}")
    ParticipantView correct(@PathVariable long id, @PathVariable long personId,
                            @RequestBody(required = false) Map<String, Object> patch) {
        participants.correct(id, personId, patch);
        return get(id, personId);
    }

    /** Withdraws the consent; answers the card as it remains: the name and «нет согласия». */
    @PostMapping("/programmes/{id}/participants/{personId}/withdrawal")
    ParticipantView withdraw(@PathVariable long id, @PathVariable long personId,
                             @RequestBody(required = false) ParticipantService.Withdrawal withdrawal) {
        participants.withdraw(id, personId, withdrawal);
        return get(id, personId);
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ImportRefusal> refused(ImportRejectedException e) {
        return ImportRefusal.of(e);
    }

    private static ParticipantSummary view(ParticipantRepository.Summary s, List<String> forms) {
        Consent consent = Consent.of(s.consentWithdrawnAt());
        return s.consentWithdrawnAt() != null
                ? new ParticipantSummary(s.personId(), s.fullName(), null, null, s.role(), List.of(), consent, s.withdrawnAt())
                : new ParticipantSummary(s.personId(), s.fullName(), s.category(), s.schoolClass(), s.role(), forms,
                consent, s.withdrawnAt());
    }

    private static List<TopicView> topics(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(code -> Topic.byCode(code)
                .map(t -> new TopicView(t.code(), t.title())).orElse(new TopicView(code, code))).toList();
    }
}
