package ru.nastavnik.closing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantService;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.AuditLog;

/**
 * The closing's papers and records (stage 7): the guest list, certificates, thank-you letters, the publication and
 * what was recorded. They name participants, so only the staff who read personal data get them, and it is logged.
 */
@RestController
class ClosingController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ClosingRecords records;
    private final Nominations nominations;
    private final ParticipantDirectory directory;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    ClosingController(ClosingRecords records, Nominations nominations, ParticipantDirectory directory,
                      CurrentUser currentUser, AuditLog audit) {
        this.records = records;
        this.nominations = nominations;
        this.directory = directory;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @GetMapping("/api/programmes/{id}/closing")
    Map<String, Object> closing(@PathVariable long id) {
        Programme programme = read(id, "closing.read");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeId", programme.id());
        body.put("nominations", nominations.awards(id).stream().map(a -> Map.of("code", a.nomination().code(),
                "title", a.nomination().title(), "pairId", a.pairId(), "personId", a.personId(), "name", a.name(),
                "reason", a.reason(), "confirmed", a.confirmed())).toList());
        records.ceremony(id).ifPresent(c -> body.put("ceremony", c));
        body.put("cases", records.cases(id));
        body.put("results", records.results(id));
        body.put("longTermBase", records.longTermBase(id));
        return body;
    }

    @GetMapping("/api/programmes/{id}/closing/guests.xlsx")
    ResponseEntity<byte[]> guests(@PathVariable long id) {
        read(id, "closing.guests");
        Map<Long, String> classes = new LinkedHashMap<>();
        directory.roster(id).forEach(n -> classes.put(n.personId(), n.schoolClass()));
        List<ClosingPapers.Guest> guests = new ArrayList<>();
        for (ClosingRecords.Participant p : records.participants(id)) {
            Pair.Person person = p.person();
            guests.add(new ClosingPapers.Guest(person.fullName(), p.mentor() ? "наставник" : "наставляемый",
                    classes.get(person.personId()), person.email(),
                    person.mailTo().isEmpty() ? "нет адреса" : "отправлено"));
            if (person.representativeName() != null) {
                guests.add(new ClosingPapers.Guest(person.representativeName(),
                        "законный представитель: " + person.fullName(), null, person.representativeEmail(),
                        person.representativeEmail() == null ? "нет адреса" : "отправлено"));
            }
        }
        return file(ClosingPapers.guests(guests), XLSX, "Список_гостей.xlsx", ContentDisposition.attachment());
    }

    @GetMapping("/api/programmes/{id}/closing/certificates/{code}.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id, @PathVariable String code) {
        Programme programme = read(id, "closing.certificate");
        Nominations.Award award = nominations.awards(id).stream().filter(a -> a.nomination().code().equals(code))
                .findFirst().orElseThrow(() -> ApiException.notFound("Номинации «" + code + "» в программе нет"));
        return file(ClosingPapers.pdf(new ClosingPapers.Honour(programme.schoolName(), programme.schoolYear(),
                        "ГРАМОТА", award.name(), "награждается в номинации «" + award.nomination().title()
                        + "» программы наставничества. " + award.reason())),
                MediaType.APPLICATION_PDF, "Грамота_" + award.nomination().title() + ".pdf", ContentDisposition.inline());
    }

    @GetMapping("/api/programmes/{id}/closing/letters/{personId}.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id, @PathVariable long personId) {
        Programme programme = read(id, "closing.letter");
        ClosingRecords.Participant mentor = records.participants(id).stream()
                .filter(p -> p.mentor() && p.person().personId() == personId).findFirst()
                .orElseThrow(() -> ApiException.notFound("Наставник " + personId + " в итогах программы не найден"));
        return file(ClosingPapers.pdf(letter(programme, mentor)), MediaType.APPLICATION_PDF,
                "Благодарственное_письмо.pdf", ContentDisposition.inline());
    }

    @GetMapping("/api/programmes/{id}/closing/letters.pdf")
    ResponseEntity<byte[]> letters(@PathVariable long id) {
        Programme programme = read(id, "closing.letters");
        List<ClosingPapers.Honour> pages = records.participants(id).stream().filter(ClosingRecords.Participant::mentor)
                .map(m -> letter(programme, m)).toList();
        return file(ClosingPapers.pdf(pages), MediaType.APPLICATION_PDF, "Благодарственные_письма.pdf",
                ContentDisposition.inline());
    }

    @GetMapping("/api/programmes/{id}/closing/publication.docx")
    ResponseEntity<byte[]> publication(@PathVariable long id) {
        Programme programme = read(id, "closing.publication");
        return file(ClosingPapers.docx("Итоги программы наставничества " + programme.schoolName() + ", "
                        + programme.schoolYear() + " учебный год", records.publication(id)), DOCX,
                "Публикация_итогов.docx", ContentDisposition.attachment());
    }

    private static ClosingPapers.Honour letter(Programme programme, ClosingRecords.Participant mentor) {
        return new ClosingPapers.Honour(programme.schoolName(), programme.schoolYear(), "БЛАГОДАРСТВЕННОЕ ПИСЬМО",
                mentor.person().fullName(), "Благодарим вас за работу наставником в программе наставничества "
                + programme.schoolYear() + " учебного года, за время, внимание и опыт, которыми вы поделились.");
    }

    private Programme read(long id, String action) {
        currentUser.requireAnyGroup(Groups.SCHOOL_STAFF,
                "Итоги программы видят куратор, заместитель директора, директор и координатор");
        Programme programme = records.programme(id);
        audit.record(currentUser.id(), action, id, null, null);
        return programme;
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name,
                                               ContentDisposition.Builder disposition) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                disposition.filename(name, StandardCharsets.UTF_8).build().toString()).body(body);
    }
}
