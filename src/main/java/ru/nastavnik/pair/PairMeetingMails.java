package ru.nastavnik.pair;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;

/**
 * The emails to a pair's people: the reminder before a meeting to the mentor and to each mentee, the mentor's
 * reminder when it is not reported, the curator's notice of a meeting the mentor moved, and the early end of the
 * pair. A mentee's mail goes to their own address with the representative of a minor in copy, or to the
 * representative instead when the mentee has no address; each mentee gets their own mail, so that group members
 * do not see each other's addresses.
 */
@Component
class PairMeetingMails {

    private final MailNotifier mail;
    private final PublicUrl publicUrl;

    PairMeetingMails(MailNotifier mail, PublicUrl publicUrl) {
        this.mail = mail;
        this.publicUrl = publicUrl;
    }

    void beforeMeeting(Pair pair, PairMeetings.Meeting meeting, String taskId) {
        String day = meeting.plannedOn().format(SchoolClock.RUSSIAN_DATE);
        String subject = "Напоминание: " + meeting.title() + " " + day;
        String people = people(pair);
        // A moved meeting's new day is a new reminder; the old one was cancelled with the move.
        MailAbout about = MailAbout.meeting(meeting.id(), "reminder:" + meeting.plannedOn());
        mail.send(about, pair.mentor().mailTo(), List.of(), subject, "Здравствуйте!\n\n"
                + "Напоминаем: " + day + " запланирована встреча по программе наставничества — «"
                + meeting.title() + "».\n\n" + people + "\n\n"
                + "После встречи отметьте её в списке задач: " + publicUrl.task(taskId) + "\n"
                + "Если встреча переносится, выберите в этой задаче «Встреча не состоялась — перенести».");
        toMentees(pair, about, subject, "Здравствуйте!\n\n"
                + "Напоминаем: " + day + " запланирована встреча по программе наставничества — «"
                + meeting.title() + "».\n\n" + people + "\n\n"
                + "Если прийти не получается, сообщите наставнику заранее.");
    }

    /** The same text to each mentee of the pair: own address (representative in copy), else the representative. */
    void toMentees(Pair pair, MailAbout about, String subject, String body) {
        for (Pair.Person mentee : pair.mentees()) {
            mail.send(about, mentee.mailTo(), mentee.mailCopy(), subject, body);
        }
    }

    void unreported(Pair pair, PairMeetings.Meeting meeting, String taskId) {
        String day = meeting.plannedOn().format(SchoolClock.RUSSIAN_DATE);
        mail.send(MailAbout.meeting(meeting.id(), "unreported:" + meeting.plannedOn()), pair.mentor().mailTo(),
                List.of(), "Встреча не отмечена: " + meeting.title(),
                "Здравствуйте!\n\n"
                        + "Встреча «" + meeting.title() + "» с " + PairMeetings.names(pair.mentees())
                        + " была запланирована на " + day + ", но отчёт о ней не заполнен.\n\n"
                        + "Заполните отчёт в списке задач: " + publicUrl.task(taskId) + "\n"
                        + "Если встреча не состоялась, договоритесь о новой дате и выберите в этой задаче «Встреча не "
                        + "состоялась — перенести». Без отчёта через неделю куратор получит уведомление о "
                        + "просрочке.");
    }

    /** The curator learns that the mentor moved a meeting, from which day to which and why. */
    void moved(Pair pair, PairMeetings.Meeting meeting, LocalDate from, String reason, Collection<String> curator) {
        mail.send(MailAbout.meeting(meeting.id(), "moved:" + meeting.plannedOn()), curator, List.of(),
                "Встреча перенесена: " + meeting.title(), "Здравствуйте!\n\n"
                + "Встреча «" + meeting.title() + "» перенесена наставником с " + from.format(SchoolClock.RUSSIAN_DATE)
                + " на " + meeting.plannedOn().format(SchoolClock.RUSSIAN_DATE) + ".\n\n" + people(pair) + "\n\n"
                + "Причина: " + reason + "\n\n"
                + "Срок задачи, напоминания и эскалация перенесены на новую дату.");
    }

    /** The mentor and each mentee learn that the curator ended the pair (group) early, and why. */
    void ended(Pair pair, Programme programme, String reason) {
        String subject = "Наставничество завершено досрочно";
        String what = "Наставничество по программе «" + programme.schoolName() + "», " + programme.schoolYear()
                + ", завершено досрочно.\n\n" + people(pair)
                + "\n\nПричина: " + reason + "\n\n";
        MailAbout about = new MailAbout("pair:" + pair.id(), "ended-early");
        mail.send(about, pair.mentor().mailTo(), List.of(), subject, "Здравствуйте, " + pair.mentor().fullName()
                + "!\n\n" + what + "Задачи по встречам сняты. Спасибо за вашу работу! Вопросы можно задать "
                + "куратору программы.");
        toMentees(pair, about, subject, "Здравствуйте!\n\n" + what + "Встреч больше не будет. Вопросы можно задать куратору "
                + "программы.");
    }

    private static String people(Pair pair) {
        return "Наставник: " + pair.mentor().fullName() + "\n"
                + (pair.group() ? "Наставляемые: " : "Наставляемый: ") + PairMeetings.names(pair.mentees());
    }
}
