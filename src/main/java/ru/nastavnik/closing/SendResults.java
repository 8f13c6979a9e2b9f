package ru.nastavnik.closing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.feedback.FeedbackKind;
import ru.nastavnik.feedback.FeedbackService;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapService;

/**
 * Task_SendResults (item 7.7): each participant's result (what they did and how it went) is written into the bases
 * and mailed to them (a minor's representative too); closes 7.7. Then offers the long-term base (7.8): the mentors,
 * those who said in the satisfaction survey they would continue ticked, and the mentees who finished.
 */
@Component("sendResults")
class SendResults implements JavaDelegate {

    private final ClosingRecords records;
    private final MailNotifier mail;
    private final MailTemplates templates;
    private final RoadmapService roadmap;
    private final ClosingProcess process;
    private final FeedbackService feedback;
    private final Nominations nominations;

    SendResults(ClosingRecords records, MailNotifier mail, MailTemplates templates, RoadmapService roadmap,
                ClosingProcess process, FeedbackService feedback, Nominations nominations) {
        this.records = records;
        this.mail = mail;
        this.templates = templates;
        this.roadmap = roadmap;
        this.process = process;
        this.feedback = feedback;
        this.nominations = nominations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        Programme programme = records.programme(programmeId);
        List<ClosingRecords.Participant> people = records.participants(programmeId);
        Map<Long, Double> improvements = nominations.improvements(programmeId);
        for (ClosingRecords.Participant p : people) {
            String result = records.resultOf(programmeId, p, improvements);
            records.saveResult(programmeId, p.person().personId(), result);
            Map<String, Object> model = new HashMap<>();
            model.put(MailTemplates.SCHOOL, programme.schoolName());
            model.put("year", programme.schoolYear());
            model.put("name", p.person().fullName());
            model.put("result", result);
            MailAbout about = new MailAbout("programme:" + programmeId + ":person:" + p.person().personId(),
                    "closing-results").inProgramme(programmeId);
            mail.send(about, p.person().mailTo(), p.person().mailCopy(), templates.render("closing-results", model));
        }
        roadmap.closeByWork(programmeId, ClosingProcess.RESULTS, "Итоги записаны в базу наставников и базу "
                + "наставляемых и отправлены участникам: " + people.size());

        Set<Long> continuing = feedback.report(programmeId).answers().stream()
                .filter(a -> "mentor".equals(a.role()) && FeedbackKind.SATISFACTION.code().equals(a.kind())
                        && a.wouldContinue())
                .map(FeedbackService.Answer::personId).collect(Collectors.toSet());
        List<ClosingRecords.Participant> mentors = people.stream().filter(ClosingRecords.Participant::mentor).toList();
        execution.setVariable(ClosingForms.BASE_MENTOR_OPTIONS.name(), mentors.stream()
                .map(p -> ClosingForms.option(p.person().personId(), p.person().fullName())).toList());
        execution.setVariable(ClosingForms.CONTINUING_MENTORS.name(), mentors.stream()
                .filter(p -> continuing.contains(p.person().personId()))
                .map(p -> String.valueOf(p.person().personId())).toList());
        execution.setVariable(ClosingForms.BASE_CANDIDATE_OPTIONS.name(), people.stream()
                .filter(p -> !p.mentor() && Pair.FINISHED.equals(p.pair().status()))
                .map(p -> ClosingForms.option(p.person().personId(), p.person().fullName())).toList());
        execution.setVariable(ClosingForms.NEW_MENTOR_CANDIDATES.name(), List.of());
        process.dateNextTask(execution, ClosingProcess.LONG_TERM_BASE);
    }
}
