package ru.nastavnik.pair;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.notification.TaskPeople;
import ru.nastavnik.participant.ParticipantWithdrawn;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.security.SystemAuthentication;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ValidationException;

/**
 * Early end of a pair (issue 5, point 6): by the curator with a reason, or because the mentor or the only mentee
 * withdrew the consent. The pair's process and any open replacement request are deleted with the reason: tasks and
 * timers go, the history stays. A withdrawn mentee of a group only leaves it.
 */
@Service
public class PairEnding {

    private static final Logger log = LoggerFactory.getLogger(PairEnding.class);

    private final Pairs pairs;
    private final PairTasks tasks;
    private final RuntimeService runtime;
    private final SystemAuthentication system;
    private final ProgrammeService programmes;
    private final MailNotifier mail;
    private final MailTemplates templates;
    private final PairMeetings meetings;
    private final TaskPeople people;
    private final PairMeetingMails pairMails;

    PairEnding(Pairs pairs, PairTasks tasks, RuntimeService runtime, SystemAuthentication system,
               ProgrammeService programmes, MailNotifier mail, MailTemplates templates, TaskPeople people, PairMeetingMails pairMails,
               PairMeetings meetings) {
        this.meetings = meetings;
        this.pairs = pairs;
        this.tasks = tasks;
        this.runtime = runtime;
        this.system = system;
        this.programmes = programmes;
        this.mail = mail;
        this.templates = templates;
        this.people = people;
        this.pairMails = pairMails;
    }

    /** The curator ends an active pair: the mentor and each mentee are told why. A closed one is refused (409). */
    @Transactional
    public Pair end(long pairId, String reason, String actor) {
        Pair ended = close(pairId, reason, actor);
        pairMails.ended(ended, programmes.get(ended.programmeId()), ended.endReason(),
                meetings.meetings(pairId).stream().filter(m -> !m.reported()).toList());
        return ended;
    }

    /** Closes an active pair and deletes its processes; an already closed one is refused (409). */
    private Pair close(long pairId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "Укажите причину досрочного завершения (например, «переезд в "
                    + "другую школу»)");
        }
        if (reason.trim().length() > 1000) {
            throw new ValidationException("reason", "Причина не длиннее 1000 символов");
        }
        Pair pair = pairs.get(pairId);
        if (!pairs.close(pairId, Pair.ENDED, reason.trim(), actor)) {
            throw ApiException.conflict("Пара (группа) " + pairId + " уже закрыта"
                    + (pair.endReason() == null ? "" : ": " + pair.endReason()));
        }
        tasks.delete(pair.processInstanceId(), reason.trim());
        system.run(() -> runtime.createProcessInstanceQuery().processDefinitionKey(MentorReplacement.PROCESS_ID)
                .variableValueEquals(PairProcess.VAR_PAIR_ID.name(), pairId).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "Пара завершена досрочно: " + reason.trim())));
        log.info("Pair {} of programme {} ended early", pairId, pair.programmeId());
        return pairs.get(pairId);
    }

    /**
     * A withdrawn mentor, or the only mentee, ends the pair; a withdrawn mentee of a group leaves it and the others
     * go on. The curator is told either way.
     */
    @EventListener
    public void withdrawn(ParticipantWithdrawn event) {
        String reason = "Согласие отозвано: " + event.reason();
        for (Pair pair : pairs.activeWith(event.programmeId(), event.personId())) {
            String person = pair.mentor().personId() == event.personId() ? "наставник " + pair.mentor().fullName()
                    : "наставляемый " + pair.mentees().stream().filter(m -> m.personId() == event.personId())
                    .map(Pair.Person::fullName).findFirst().orElse("");
            boolean ends = pair.mentor().personId() == event.personId() || pair.mentees().size() == 1;
            // Only the curator is told here: the withdrawn person's data is no longer processed.
            if (ends) {
                close(pair.id(), reason, event.actor());
            } else {
                pairs.leave(pair.id(), event.personId(), reason, event.actor());
            }
            tellCurator(pair, ends
                    ? "Пара (группа) наставника " + pair.mentor().fullName() + " завершена досрочно: " + person
                    + " отозвал(а) согласие на обработку персональных данных. Задачи пары сняты."
                    : person + " выбыл(а) из группы наставника " + pair.mentor().fullName() + ": согласие на обработку "
                    + "персональных данных отозвано. Группа продолжает работу с остальными наставляемыми.", ends);
        }
    }

    private void tellCurator(Pair pair, String what, boolean ended) {
        Programme programme = programmes.get(pair.programmeId());
        mail.send(MailAbout.each("pair:" + pair.id(), ended ? "consent-withdrawn-ended" : "consent-withdrawn-left")
                        .inProgramme(pair.programmeId()),
                system.call(() -> people.emails(List.of(programme.curatorId()))), List.of(),
                templates.render("consent-withdrawn", Map.of("ended", ended, "what", what,
                        "school", programme.schoolName(), "year", programme.schoolYear(), "pairId", pair.id())));
    }
}
