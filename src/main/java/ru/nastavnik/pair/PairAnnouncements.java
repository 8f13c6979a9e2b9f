package ru.nastavnik.pair;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.MailAbout;
import ru.nastavnik.notification.MailNotifier;
import ru.nastavnik.notification.MailTemplates;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.shared.PublicUrl;
import ru.nastavnik.shared.SchoolClock;

/**
 * Stage 5's last step: every mentor, every mentee and a minor mentee's legal representative learn their pair or
 * group, the order that fixed it and the curator, one personal email each (nobody sees the others' addresses).
 */
@Component
class PairAnnouncements {

    private final MailNotifier mail;
    private final MailTemplates templates;
    private final PublicUrl publicUrl;

    PairAnnouncements(MailNotifier mail, MailTemplates templates, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.mail = mail;
        this.templates = templates;
    }

    /** Returns the number of emails sent. */
    int announce(PairOrder order, List<Pair> pairs, String school, String curator) {
        String orderText = "распоряжением № " + order.number() + " от " + SchoolClock.RUSSIAN_DATE.format(order.date());
        int sent = 0;
        for (Pair pair : pairs) {
            Map<String, Object> common = new HashMap<>(Map.of("unit", pair.group() ? "группа" : "пара",
                    "group", pair.group(), "number", order.number(),
                    "date", SchoolClock.RUSSIAN_DATE.format(order.date()), "orderText", orderText,
                    "school", school, "form", MentorshipForm.titleOf(pair.form()), "curator", curator,
                    "mentees", pair.mentees().stream().map(Pair.Person::fullName).collect(Collectors.joining(", ")),
                    "link", publicUrl.tasklist()));
            MailAbout about = new MailAbout("pair:" + pair.id(), "fixed-by-order:" + order.id())
                    .inProgramme(pair.programmeId());
            if (pair.mentor().email() != null) {
                sent += send(about, pair.mentor().email(), common, "mentor", pair.mentor().fullName(), null);
            }
            for (Pair.Person mentee : pair.mentees()) {
                String others = pair.mentees().stream().filter(m -> m.personId() != mentee.personId())
                        .map(Pair.Person::fullName).collect(Collectors.joining(", "));
                common.put("whose", "наставник — " + pair.mentor().fullName()
                        + (others.isEmpty() ? "" : "; в группе также: " + others) + ".");
                if (mentee.email() != null) {
                    sent += send(about, mentee.email(), common, "mentee", mentee.fullName(), mentee);
                }
                if (mentee.representativeEmail() != null) {
                    sent += send(about, mentee.representativeEmail(), common, "representative",
                            mentee.representativeName(), mentee);
                }
            }
        }
        return sent;
    }

    /** One personal mail of the kind «pair-fixed»; {@code name} may be unknown (a representative's). */
    private int send(MailAbout about, String to, Map<String, Object> common, String role, String name,
                     Pair.Person mentee) {
        Map<String, Object> model = new HashMap<>(common);
        model.put("role", role);
        model.put("name", name);
        model.put("mentee", mentee == null ? null : mentee.fullName());
        mail.send(about, List.of(to), List.of(), templates.render("pair-fixed", model));
        return 1;
    }
}
