package ru.nastavnik.pair;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailContent;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;

/**
 * The emails to a pair's people: the reminder before a meeting (with its calendar invitation) to the mentor and to
 * each mentee, the mentor's reminder when it is not reported, the curator's notice of a meeting the mentor moved,
 * and the early end of the pair (which cancels the invitations sent). A mentee's mail goes to their own address with
 * the representative of a minor in copy, or to the representative instead when the mentee has no address; each
 * mentee gets their own mail, so that group members do not see each other's addresses.
 */
@Component
class PairMeetingMails {

    private static final String REMINDER = "reminder:";

    private final MailNotifier mail;
    private final MailTemplates templates;
    private final MeetingInvitations invitations;
    private final ProgrammeService programmes;
    private final PublicUrl publicUrl;

    PairMeetingMails(MailNotifier mail, MailTemplates templates, MeetingInvitations invitations,
                     ProgrammeService programmes, PublicUrl publicUrl) {
        this.mail = mail;
        this.templates = templates;
        this.invitations = invitations;
        this.programmes = programmes;
        this.publicUrl = publicUrl;
    }

    void beforeMeeting(Pair pair, PairMeetings.Meeting meeting, String taskId) {
        Programme programme = programmes.get(pair.programmeId());
        // A moved meeting's new day is a new reminder; the old one was cancelled with the move.
        MailAbout about = MailAbout.meeting(meeting.id(), REMINDER + meeting.plannedOn())
                .inProgramme(pair.programmeId());
        Map<String, Object> model = model(pair, meeting, programme);
        model.put("link", publicUrl.task(taskId));
        MailContent toMentor = templates.render("meeting-reminder", model);
        mail.send(about, pair.mentor().mailTo(), List.of(),
                toMentor.withCalendar(invitations.request(meeting, programme.schoolName(), pair.mentor().mailTo())));
        model.put("link", null);
        MailContent toMentee = templates.render("meeting-reminder", model);
        for (Pair.Person mentee : pair.mentees()) {
            mail.send(about, mentee.mailTo(), mentee.mailCopy(), toMentee.withCalendar(
                    invitations.request(meeting, programme.schoolName(), everyone(mentee))));
        }
    }

    /** The same mail to each mentee of the pair: own address (representative in copy), else the representative. */
    void toMentees(Pair pair, MailAbout about, MailContent content) {
        for (Pair.Person mentee : pair.mentees()) {
            mail.send(about, mentee.mailTo(), mentee.mailCopy(), content);
        }
    }

    void unreported(Pair pair, PairMeetings.Meeting meeting, String taskId) {
        Map<String, Object> model = model(pair, meeting, programmes.get(pair.programmeId()));
        model.put("link", publicUrl.task(taskId));
        mail.send(MailAbout.meeting(meeting.id(), "unreported:" + meeting.plannedOn()).inProgramme(pair.programmeId()),
                pair.mentor().mailTo(), List.of(), templates.render("meeting-unreported", model));
    }

    /** The curator learns that the mentor moved a meeting, from which day to which and why. */
    void moved(Pair pair, PairMeetings.Meeting meeting, LocalDate from, String reason, Collection<String> curator) {
        Map<String, Object> model = model(pair, meeting, programmes.get(pair.programmeId()));
        model.put("from", from.format(SchoolClock.RUSSIAN_DATE));
        model.put("reason", reason);
        mail.send(MailAbout.meeting(meeting.id(), "moved:" + meeting.plannedOn()).inProgramme(pair.programmeId()),
                curator, List.of(),
                templates.render("meeting-moved", model));
    }

    /**
     * The mentor and each mentee learn that the curator ended the pair (group) early, and why. Reminders still
     * waiting are cancelled; whoever got an invitation to an unreported meeting gets its cancellation.
     */
    void ended(Pair pair, Programme programme, String reason, List<PairMeetings.Meeting> unreported) {
        Map<String, Object> model = model(pair, null, programme);
        model.put("reason", reason);
        MailAbout about = new MailAbout("pair:" + pair.id(), "ended-early").inProgramme(pair.programmeId());
        model.put("toMentor", true);
        model.put("name", pair.mentor().fullName());
        mail.send(about, pair.mentor().mailTo(), List.of(), templates.render("pair-ended", model));
        model.put("toMentor", false);
        model.put("name", null);
        toMentees(pair, about, templates.render("pair-ended", model));
        for (PairMeetings.Meeting meeting : unreported) {
            String ref = MailAbout.meetingRef(meeting.id());
            mail.cancel(ref);
            MailContent cancelled = templates.render("meeting-cancelled", model(pair, meeting, programme));
            for (List<String> invited : mail.recipientsOfSent(ref, REMINDER)) {
                mail.send(MailAbout.meeting(meeting.id(), "cancelled").inProgramme(pair.programmeId()), invited,
                        List.of(),
                        cancelled.withCalendar(invitations.cancel(meeting, programme.schoolName(), invited)));
            }
        }
    }

    private static Map<String, Object> model(Pair pair, PairMeetings.Meeting meeting, Programme programme) {
        Map<String, Object> model = new HashMap<>();
        model.put(MailTemplates.SCHOOL, programme.schoolName());
        model.put("year", programme.schoolYear());
        model.put("programme", programme.schoolName() + ", " + programme.schoolYear());
        model.put("mentor", pair.mentor().fullName());
        model.put("group", pair.group());
        model.put("mentees", PairMeetings.names(pair.mentees()));
        if (meeting != null) {
            model.put("title", meeting.title());
            model.put("day", meeting.plannedOn().format(SchoolClock.RUSSIAN_DATE));
        }
        return model;
    }

    private static List<String> everyone(Pair.Person mentee) {
        return Stream.concat(mentee.mailTo().stream(), mentee.mailCopy().stream()).toList();
    }
}
