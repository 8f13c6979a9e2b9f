package ru.nastavnik.stages;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.shared.SchoolClock;

/**
 * Stage 5's last step: every mentor, every mentee and a minor mentee's legal representative learn their pair or
 * group, the order that fixed it and the curator, one personal email each (nobody sees the others' addresses).
 */
@Component
class PairAnnouncements {

    private final MailNotifier mail;

    PairAnnouncements(MailNotifier mail) {
        this.mail = mail;
    }

    /** Returns the number of emails sent. */
    int announce(PairOrder order, List<Pair> pairs, String school, String curator) {
        String orderText = "распоряжением № " + order.number() + " от " + SchoolClock.RUSSIAN_DATE.format(order.date());
        int sent = 0;
        for (Pair pair : pairs) {
            String unit = pair.group() ? "группа" : "пара";
            String subject = "Наставническая " + unit + " закреплена: распоряжение № " + order.number() + " от "
                    + SchoolClock.RUSSIAN_DATE.format(order.date());
            MailAbout about = new MailAbout("pair:" + pair.id(), "fixed-by-order:" + order.id());
            String form = PairsStage.formTitle(pair.form());
            String mentees = pair.mentees().stream().map(Pair.Person::fullName).collect(Collectors.joining(", "));
            String common = "Программа наставничества: " + school + ".\nФорма наставничества: " + form + ".\n"
                    + "Куратор программы: " + curator + ".";
            if (pair.mentor().email() != null) {
                sent += send(about, pair.mentor().email(), subject, "Здравствуйте, " + pair.mentor().fullName() + "!\n\n"
                        + "Вы назначены наставником (" + (pair.group() ? "группа" : "пара") + ") " + orderText + ".\n"
                        + (pair.group() ? "Наставляемые: " : "Наставляемый: ") + mentees + ".\n" + common + "\n\n"
                        + "Первая задача — встреча-знакомство — появится в вашем списке задач.");
            }
            for (Pair.Person mentee : pair.mentees()) {
                String others = pair.mentees().stream().filter(m -> m.personId() != mentee.personId())
                        .map(Pair.Person::fullName).collect(Collectors.joining(", "));
                String whose = "наставник — " + pair.mentor().fullName()
                        + (others.isEmpty() ? "" : "; в группе также: " + others) + ".\n";
                if (mentee.email() != null) {
                    sent += send(about, mentee.email(), subject, "Здравствуйте, " + mentee.fullName() + "!\n\n"
                            + "Ваша наставническая " + unit + " закреплена " + orderText + ": " + whose + common
                            + "\n\nНаставник свяжется с вами, чтобы назначить встречу-знакомство.");
                }
                if (mentee.representativeEmail() != null) {
                    sent += send(about, mentee.representativeEmail(), subject, "Здравствуйте"
                            + (mentee.representativeName() == null ? "" : ", " + mentee.representativeName()) + "!\n\n"
                            + "Сообщаем, что " + orderText + " закреплена наставническая " + unit + ", в которую входит "
                            + mentee.fullName() + ": " + whose + common
                            + "\n\nПо вопросам обращайтесь к куратору программы.");
                }
            }
        }
        return sent;
    }

    private int send(MailAbout about, String to, String subject, String body) {
        mail.send(about, List.of(to), List.of(), subject, body);
        return 1;
    }
}
