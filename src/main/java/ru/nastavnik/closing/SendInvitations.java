package ru.nastavnik.closing;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.shared.SchoolClock;

/**
 * Task_SendInvitations (item 7.1): every participant of the year's pairs is invited to the ceremony by email, a
 * minor's legal representative with them (or instead, without the pupil's own address); the guest list is the XLSX
 * of the closing. Closes 7.1 and dates the director's ceremony by 7.2.
 */
@Component("sendInvitations")
class SendInvitations implements JavaDelegate {

    private final ClosingRecords records;
    private final MailNotifier mail;
    private final MailTemplates templates;
    private final RoadmapService roadmap;
    private final ClosingProcess process;

    SendInvitations(ClosingRecords records, MailNotifier mail, MailTemplates templates, RoadmapService roadmap,
                    ClosingProcess process) {
        this.records = records;
        this.mail = mail;
        this.templates = templates;
        this.roadmap = roadmap;
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        Programme programme = records.programme(programmeId);
        ClosingRecords.Ceremony ceremony = records.ceremony(programmeId).orElseThrow();
        int invited = 0;
        for (ClosingRecords.Participant p : records.participants(programmeId)) {
            Map<String, Object> model = new HashMap<>();
            model.put(MailTemplates.SCHOOL, programme.schoolName());
            model.put("year", programme.schoolYear());
            model.put("name", p.person().fullName());
            model.put("date", ceremony.plannedOn().format(SchoolClock.RUSSIAN_DATE));
            model.put("place", ceremony.place());
            MailAbout about = new MailAbout("programme:" + programmeId + ":person:" + p.person().personId(),
                    "closing-invitation").inProgramme(programmeId);
            mail.send(about, p.person().mailTo(), p.person().mailCopy(), templates.render("closing-invitation", model));
            invited += p.person().mailTo().isEmpty() ? 0 : 1;
        }
        records.invited(programmeId, invited);
        roadmap.closeByWork(programmeId, ClosingProcess.INVITATIONS, "Приглашения на " + ceremony.plannedOn()
                .format(SchoolClock.RUSSIAN_DATE) + " разосланы участникам и их родным: " + invited
                + "; список гостей — в XLSX");
        String base = ClosingProcess.apiBase(programmeId);
        StringBuilder links = new StringBuilder("[Список гостей (XLSX)](" + base + "/guests.xlsx)");
        for (Nominations.Award a : process.awards(programmeId)) {
            links.append(" · [Грамота «").append(a.nomination().title()).append("» (PDF)](").append(base)
                    .append("/certificates/").append(a.nomination().code()).append(".pdf)");
        }
        links.append(" · [Благодарственные письма наставникам (PDF)](").append(base).append("/letters.pdf)");
        execution.setVariable(ClosingForms.PAPERS_LINKS.name(), links.toString());
        process.dateNextTask(execution, ClosingProcess.CEREMONY);
    }
}
