package ru.nastavnik.pair;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.shared.SchoolClock;

/**
 * The emails around a pair's meeting: the reminder before it to the mentor and to each mentee (the representative
 * of a minor in copy, or instead when the mentee has no address), and the mentor's reminder when it is not
 * reported. Each mentee gets their own mail, so that group members do not see each other's addresses.
 */
@Component
class PairMeetingMails {

    private static final String SIGNATURE = "Это письмо отправлено автоматически системой «Наставник».";

    private final MailNotifier mail;
    private final String publicUrl;

    PairMeetingMails(MailNotifier mail, @Value("${nastavnik.public-url}") String publicUrl) {
        this.mail = mail;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    void beforeMeeting(Pair pair, PairMeetings.Meeting meeting, String taskId) {
        String day = meeting.plannedOn().format(SchoolClock.RUSSIAN_DATE);
        String subject = "Напоминание: " + meeting.title() + " " + day;
        String people = "Наставник: " + pair.mentor().fullName() + "\n"
                + (pair.group() ? "Наставляемые: " : "Наставляемый: ") + PairMeetings.names(pair.mentees());
        mail.send(addresses(pair.mentor().email()), List.of(), subject, "Здравствуйте!\n\n"
                + "Напоминаем: " + day + " запланирована встреча по программе наставничества — «"
                + meeting.title() + "».\n\n" + people + "\n\n"
                + "После встречи отметьте её в списке задач: " + taskLink(taskId) + "\n"
                + "Если встречу нужно перенести, сообщите куратору программы.\n\n" + SIGNATURE);
        for (Pair.Person mentee : pair.mentees()) {
            boolean own = mentee.email() != null && !mentee.email().isBlank();
            mail.send(addresses(own ? mentee.email() : mentee.representativeEmail()),
                    own ? addresses(mentee.representativeEmail()) : List.of(), subject, "Здравствуйте!\n\n"
                            + "Напоминаем: " + day + " запланирована встреча по программе наставничества — «"
                            + meeting.title() + "».\n\n" + people + "\n\n"
                            + "Если прийти не получается, сообщите наставнику заранее.\n\n" + SIGNATURE);
        }
    }

    void unreported(Pair pair, PairMeetings.Meeting meeting, String taskId) {
        String day = meeting.plannedOn().format(SchoolClock.RUSSIAN_DATE);
        mail.send(addresses(pair.mentor().email()), List.of(), "Встреча не отмечена: " + meeting.title(),
                "Здравствуйте!\n\n"
                        + "Встреча «" + meeting.title() + "» с " + PairMeetings.names(pair.mentees())
                        + " была запланирована на " + day + ", но отчёт о ней не заполнен.\n\n"
                        + "Заполните отчёт в списке задач: " + taskLink(taskId) + "\n"
                        + "Если встреча не состоялась, договоритесь о новой дате и сообщите её куратору программы: "
                        + "он перенесёт встречу. Без отчёта через неделю куратор получит уведомление о просрочке.\n\n"
                        + SIGNATURE);
    }

    private String taskLink(String taskId) {
        return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    private static List<String> addresses(String email) {
        List<String> list = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            list.add(email);
        }
        return list;
    }
}
