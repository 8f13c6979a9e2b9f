package ru.nastavnik.feedback;

import java.time.LocalDate;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.shared.SchoolClock;

/** The Russian invitations with a personal feedback link. */
final class FeedbackMails {

    record Mail(String subject, String body) {
    }

    private FeedbackMails() {
    }

    /** To the person, and to a minor's legal representative in the same mail. */
    static Mail invitation(FeedbackKind kind, String school, Pair.Person person, String link, LocalDate lastDay) {
        boolean representative = person.representativeEmail() != null && !person.representativeEmail().isBlank();
        String subject = kind == FeedbackKind.MENTEE
                ? "Обратная связь о работе с наставником — " + school
                : "Анкета: удовлетворённость участием в программе наставничества — " + school;
        String ask = kind == FeedbackKind.MENTEE
                ? "Просим ответить на несколько вопросов о работе с наставником в программе наставничества «"
                + school + "»: это займёт 3–5 минут.\n\n"
                : "Программа наставничества «" + school + "» подходит к концу. Просим ответить на несколько вопросов "
                + "о том, насколько вы удовлетворены участием в ней: это займёт 3–5 минут.\n\n";
        return new Mail(subject, "Здравствуйте!\n\n"
                + "Это письмо для участника программы: " + person.fullName() + ".\n\n"
                + ask
                + (representative ? "Если вы законный представитель, заполните анкету вместе с ребёнком.\n\n" : "")
                + "Анкета: " + link + "\n\n"
                + "Ссылка личная, не пересылайте её. Вход и пароль не нужны. Ответить по ссылке можно один раз, до "
                + lastDay.format(SchoolClock.RUSSIAN_DATE) + " включительно.");
    }
}
