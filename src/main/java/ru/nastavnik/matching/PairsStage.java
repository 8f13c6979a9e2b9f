package ru.nastavnik.matching;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantRole;
import ru.nastavnik.participant.ParticipantWithdrawn;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;
import ru.nastavnik.shared.InputText;

/**
 * Stage 5, pairs and groups: the group meeting and who came, the preference questionnaires entered after it, the
 * curator's changes to a proposal (pins, forbidden pairs, a swap, an assignment) and the readable tables the stage's
 * forms show. Used by the stage's process steps (the beans beside {@code PairsStageSteps}) as the system.
 */
@Service
public class PairsStage {

    /** A recorded group meeting: when, who came (person ids), the curator's comment. */
    public record GroupMeeting(long id, LocalDate heldOn, List<Long> attendees, String comment, String recordedBy) {
    }

    /** The pins and forbidden pairs the next matching run obeys, as «mentorId:menteeId» keys. */
    public record Review(List<String> pinned, List<String> forbidden) {

        public List<MatchingInstance.Pair> pinnedPairs() {
            return pairs(pinned);
        }

        public List<MatchingInstance.Pair> forbiddenPairs() {
            return pairs(forbidden);
        }

        private static List<MatchingInstance.Pair> pairs(List<String> keys) {
            return keys.stream().map(k -> new MatchingInstance.Pair(k.substring(k.indexOf(':') + 1),
                    k.substring(0, k.indexOf(':')))).toList();
        }
    }

    /** The curator's changes in the review form. */
    public record Changes(List<String> pinned, List<String> forbidden, String swapMenteeA, String swapMenteeB,
                          String assignMentee, String assignMentor) {
    }

    static final String NOBODY = "Нет участников для подбора: в программе нет наставляемых с согласием на обработку "
            + "персональных данных. Этап можно закрыть без распоряжения.";

    private final JdbcClient jdbc;
    private final ParticipantDirectory directory;
    private final MatchingPreferences preferences;
    private final SchoolClock clock;

    PairsStage(JdbcClient jdbc, ParticipantDirectory directory, MatchingPreferences preferences, SchoolClock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.preferences = preferences;
        this.clock = clock;
    }

    public static String key(String mentorId, String menteeId) {
        return mentorId + ":" + menteeId;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Who takes part: the mentees and the mentors (not candidates) with consent in force.

    public List<Long> mentees(long programmeId) {
        return directory.withConsent(programmeId, ParticipantRole.MENTEE.code());
    }

    public List<Long> mentors(long programmeId) {
        return directory.withConsent(programmeId, ParticipantRole.MENTOR.code());
    }

    /** Select options [{label, value: person id}] of people, in the directory's order of names. */
    public List<Map<String, String>> options(long programmeId, List<Long> people, String roleLabel) {
        List<Map<String, String>> options = new ArrayList<>();
        directory.names(programmeId, people).forEach((id, name) -> options.add(Map.of(
                "label", roleLabel == null ? name : name + " — " + roleLabel, "value", String.valueOf(id))));
        return options;
    }

    /** Mentees and mentors together, each labelled with the role: the group meeting's list and the questionnaire's. */
    public List<Map<String, String>> participantOptions(long programmeId) {
        List<Map<String, String>> options = new ArrayList<>(options(programmeId, mentees(programmeId), "наставляемый"));
        options.addAll(options(programmeId, mentors(programmeId), "наставник"));
        return options;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The group meeting.

    /** Stores the meeting; everyone ticked must be a mentee or mentor of the programme with consent in force. */
    public long recordGroupMeeting(long programmeId, LocalDate heldOn, List<String> attendees, String comment,
                                   String actor) {
        Set<String> allowed = new LinkedHashSet<>();
        mentees(programmeId).forEach(id -> allowed.add(String.valueOf(id)));
        mentors(programmeId).forEach(id -> allowed.add(String.valueOf(id)));
        List<String> unknown = attendees.stream().filter(a -> !allowed.contains(a)).toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException("groupMeetingAttendees", "Отмечены люди, которых нет среди наставников и "
                    + "наставляемых программы с согласием на обработку персональных данных: " + String.join(", ", unknown));
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into group_meeting (programme_id, held_on, comment, recorded_by, recorded_at)
                        values (:programme, :heldOn, :comment, :by, :at)""")
                .param("programme", programmeId).param("heldOn", heldOn).param("comment", comment)
                .param("by", actor).param("at", Timestamp.from(clock.now())).update(key, "id");
        long meetingId = key.getKey().longValue();
        for (String personId : new LinkedHashSet<>(attendees)) {
            jdbc.sql("insert into group_meeting_attendee (meeting_id, person_id) values (:meeting, :person)")
                    .param("meeting", meetingId).param("person", Long.parseLong(personId)).update();
        }
        return meetingId;
    }

    /** The programme's group meetings, the earliest first. */
    public List<GroupMeeting> groupMeetings(long programmeId) {
        Map<Long, List<Long>> attendees = new HashMap<>();
        jdbc.sql("""
                        select a.meeting_id, a.person_id from group_meeting_attendee a
                        join group_meeting m on m.id = a.meeting_id
                        where m.programme_id = :programme order by a.person_id""")
                .param("programme", programmeId)
                .query((rs, n) -> attendees.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        return jdbc.sql("select * from group_meeting where programme_id = :programme order by held_on, id")
                .param("programme", programmeId)
                .query((rs, n) -> new GroupMeeting(rs.getLong("id"), rs.getDate("held_on").toLocalDate(),
                        attendees.getOrDefault(rs.getLong("id"), List.of()), rs.getString("comment"),
                        rs.getString("recorded_by")))
                .list();
    }

    /** Who came to a meeting is the person's data: it goes with a withdrawn consent. */
    @EventListener
    public void withdrawn(ParticipantWithdrawn event) {
        jdbc.sql("""
                        delete from group_meeting_attendee where person_id = :person
                          and meeting_id in (select id from group_meeting where programme_id = :programme)""")
                .param("programme", event.programmeId()).param("person", event.personId()).update();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The preference questionnaires.

    /**
     * Replaces one participant's wishes through {@link MatchingPreferences}, the code of the PUT endpoint; its
     * refusal is told as a problem of the form. Answers the participant's name.
     */
    public String saveWishes(long programmeId, long personId, List<String> preferred, List<String> avoid) {
        try {
            preferences.replace(programmeId, personId, new MatchingPreferences.Wishes(ids(preferred), ids(avoid)));
        } catch (ApiException refusal) {
            throw ValidationException.of("preferencesPerson", refusal);
        }
        return directory.names(programmeId, List.of(personId)).getOrDefault(personId, String.valueOf(personId));
    }

    private static List<Long> ids(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String v : values) {
            try {
                ids.add(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                throw new ValidationException("preferencesPerson", "«" + v + "» — не участник программы");
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The curator's review of a proposal.

    /**
     * The pins and forbidden pairs after the curator's changes: the ticked pins and forbidden pairs as they are, then
     * a swap (the two mentees exchange their mentors, both pinned there) and an assignment (the mentee pinned to the
     * chosen mentor). Only what the form offered is accepted. Whether the result can be kept is the engine's word.
     */
    public Review apply(MatchingProposal proposal, Review before, Changes changes, Set<String> mentorIds,
                        Set<String> menteeIds) {
        Set<String> offered = new LinkedHashSet<>(pairKeys(proposal));
        offered.addAll(before.pinned());
        offered.addAll(before.forbidden());
        List<FieldError> errors = new ArrayList<>();
        changes.pinned().stream().filter(k -> !offered.contains(k)).forEach(k ->
                errors.add(new FieldError("pinnedPairs", "Пара «" + k + "» не из предложения: закрепите её через "
                        + "«Назначить наставляемого наставнику»")));
        changes.forbidden().stream().filter(k -> !offered.contains(k)).forEach(k ->
                errors.add(new FieldError("forbiddenPairs", "Пара «" + k + "» не из предложения")));
        Map<String, String> pinnedMentorOf = new LinkedHashMap<>();
        changes.pinned().forEach(k -> pinnedMentorOf.put(k.substring(k.indexOf(':') + 1), k.substring(0, k.indexOf(':'))));
        if (changes.swapMenteeA() != null || changes.swapMenteeB() != null) {
            Map<String, String> mentorOf = mentorOf(proposal);
            String a = changes.swapMenteeA();
            String b = changes.swapMenteeB();
            if (a == null || b == null || a.equals(b)) {
                errors.add(new FieldError("swapMenteeB", "Для обмена наставниками выберите двух разных наставляемых"));
            } else if (!mentorOf.containsKey(a) || !mentorOf.containsKey(b)) {
                errors.add(new FieldError("swapMenteeB", "Обменять наставников можно только у наставляемых, у которых "
                        + "в предложении есть наставник"));
            } else if (mentorOf.get(a).equals(mentorOf.get(b))) {
                errors.add(new FieldError("swapMenteeB", "У выбранных наставляемых один и тот же наставник"));
            } else {
                pinnedMentorOf.put(a, mentorOf.get(b));
                pinnedMentorOf.put(b, mentorOf.get(a));
            }
        }
        if (changes.assignMentee() != null || changes.assignMentor() != null) {
            if (changes.assignMentee() == null || changes.assignMentor() == null) {
                errors.add(new FieldError("assignMentor", "Для назначения выберите и наставляемого, и наставника"));
            } else if (!menteeIds.contains(changes.assignMentee()) || !mentorIds.contains(changes.assignMentor())) {
                errors.add(new FieldError("assignMentor", "Назначить можно наставляемого программы наставнику "
                        + "программы (оба с согласием на обработку персональных данных)"));
            } else {
                pinnedMentorOf.put(changes.assignMentee(), changes.assignMentor());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<String> pinned = pinnedMentorOf.entrySet().stream().map(e -> key(e.getValue(), e.getKey())).toList();
        return new Review(pinned, List.copyOf(new LinkedHashSet<>(changes.forbidden())));
    }

    /** Pins and forbidden pairs of people still taking part: a withdrawn person's pairs are gone with them. */
    public static Review present(Review review, Set<String> mentorIds, Set<String> menteeIds) {
        return new Review(review.pinned().stream().filter(k -> present(k, mentorIds, menteeIds)).toList(),
                review.forbidden().stream().filter(k -> present(k, mentorIds, menteeIds)).toList());
    }

    private static boolean present(String key, Set<String> mentorIds, Set<String> menteeIds) {
        int colon = key.indexOf(':');
        return colon > 0 && mentorIds.contains(key.substring(0, colon)) && menteeIds.contains(key.substring(colon + 1));
    }

    static List<String> pairKeys(MatchingProposal proposal) {
        return proposal.groups().stream().flatMap(g -> g.mentees().stream().map(m -> key(g.mentorId(), m.menteeId())))
                .toList();
    }

    private static Map<String, String> mentorOf(MatchingProposal proposal) {
        Map<String, String> mentorOf = new HashMap<>();
        proposal.groups().forEach(g -> g.mentees().forEach(m -> mentorOf.put(m.menteeId(), g.mentorId())));
        return mentorOf;
    }

    /** Checklist options of pairs: those proposed and those pinned or forbidden before, «наставник — наставляемый». */
    public static List<Map<String, String>> pairOptions(MatchingProposal proposal, Collection<String> alsoKeys,
                                                        Map<String, String> names) {
        Set<String> keys = new LinkedHashSet<>(pairKeys(proposal));
        keys.addAll(alsoKeys);
        return keys.stream().map(k -> Map.of("label", names.getOrDefault(k.substring(0, k.indexOf(':')), k)
                + " — " + names.getOrDefault(k.substring(k.indexOf(':') + 1), k), "value", k)).toList();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The tables the forms show (markdown).

    /**
     * The proposal as a table of pairs with their scores, and below it each pair's reasons as a list: reasons are
     * long, and in a table column they would be squeezed to a sliver.
     */
    public static String proposalTable(MatchingProposal proposal) {
        if (proposal.groups().isEmpty()) {
            return proposal.totals().mentees() == 0 ? NOBODY : "Ни одной пары не подобрано.";
        }
        StringBuilder md = new StringBuilder("| Наставник | Наставляемый | Форма | Баллы |\n|---|---|---|---|\n");
        StringBuilder reasons = new StringBuilder("\n**Почему так:**\n\n");
        for (MatchingProposal.Group g : proposal.groups()) {
            boolean first = true;
            for (MatchingProposal.Member m : g.mentees()) {
                String mentor = first ? cell(g.mentorName()) + (g.mentees().size() > 1
                        ? " (группа: " + g.mentees().size() + " из " + g.capacity() + ")" : "") : "″";
                md.append("| ").append(mentor).append(" | ").append(cell(m.menteeName()))
                        .append(m.pinned() ? " (закреплено)" : "").append(" | ").append(MentorshipForm.titleOf(g.form()))
                        .append(" | ").append(m.score()).append(" |\n");
                reasons.append("- ").append(cell(g.mentorName())).append(" — ").append(cell(m.menteeName()))
                        .append(": ").append(m.reasons() == null || m.reasons().isEmpty() ? "—"
                                : cell(String.join("; ", m.reasons()))).append("\n");
                first = false;
            }
        }
        return md.append(reasons).toString();
    }

    /** The pins and forbidden pairs the proposal obeys, so that a lower score is never a mystery. */
    public static String constraintsText(Review review, Map<String, String> names) {
        if (review.pinned().isEmpty() && review.forbidden().isEmpty()) {
            return "Закреплённых и запрещённых пар нет: предложение подобрано без ограничений.";
        }
        return "**Закреплены:** " + pairNames(review.pinned(), names) + "  \n**Запрещены:** "
                + pairNames(review.forbidden(), names);
    }

    /**
     * What changed for each mentee since the previous round, with the score before and after and the cause when a
     * pin or a ban of the curator touches the mentee's pairs.
     */
    public static String changesText(MatchingProposal previous, MatchingProposal proposal, Review review,
                                     Map<String, String> names) {
        if (previous == null) {
            return "";
        }
        Map<String, MatchingProposal.Member> before = members(previous);
        Map<String, String> mentorBefore = mentorOf(previous);
        Map<String, MatchingProposal.Member> after = members(proposal);
        Map<String, String> mentorAfter = mentorOf(proposal);
        StringBuilder md = new StringBuilder();
        Set<String> mentees = new LinkedHashSet<>(before.keySet());
        mentees.addAll(after.keySet());
        for (String mentee : mentees) {
            String was = mentorBefore.get(mentee);
            String is = mentorAfter.get(mentee);
            int scoreWas = before.containsKey(mentee) ? before.get(mentee).score() : 0;
            int scoreIs = after.containsKey(mentee) ? after.get(mentee).score() : 0;
            if (Objects.equals(was, is) && scoreWas == scoreIs) {
                continue;
            }
            md.append("- ").append(cell(names.getOrDefault(mentee, mentee))).append(": было ")
                    .append(placement(was, scoreWas, names)).append(", стало ").append(placement(is, scoreIs, names))
                    .append(cause(mentee, was, is, review, names)).append("\n");
        }
        return "**Что изменилось с прошлого расчёта:**\n\n"
                + (md.length() == 0 ? "ничего: те же пары с теми же баллами." : md.toString());
    }

    private static String placement(String mentor, int score, Map<String, String> names) {
        return mentor == null ? "без наставника" : cell(names.getOrDefault(mentor, mentor)) + " (" + score + " б.)";
    }

    private static String cause(String mentee, String was, String is, Review review, Map<String, String> names) {
        if (was != null && review.forbidden().contains(key(was, mentee))) {
            return " — пара с наставником " + cell(names.getOrDefault(was, was)) + " запрещена";
        }
        if (is != null && review.pinned().contains(key(is, mentee))) {
            return " — закреплено куратором";
        }
        return " — из-за закреплений и запретов других пар";
    }

    private static Map<String, MatchingProposal.Member> members(MatchingProposal proposal) {
        Map<String, MatchingProposal.Member> members = new LinkedHashMap<>();
        proposal.groups().forEach(g -> g.mentees().forEach(m -> members.put(m.menteeId(), m)));
        return members;
    }

    private static String pairNames(List<String> keys, Map<String, String> names) {
        if (keys.isEmpty()) {
            return "нет";
        }
        return keys.stream().map(k -> cell(names.getOrDefault(k.substring(0, k.indexOf(':')), k)) + " — "
                + cell(names.getOrDefault(k.substring(k.indexOf(':') + 1), k))).collect(Collectors.joining("; "));
    }

    public static String unmatchedTable(MatchingProposal proposal) {
        if (proposal.unmatched().isEmpty()) {
            return "Наставник подобран всем наставляемым.";
        }
        StringBuilder md = new StringBuilder("| Без наставника | Форма | Причина |\n|---|---|---|\n");
        proposal.unmatched().forEach(u -> md.append("| ").append(cell(u.menteeName())).append(" | ")
                .append(MentorshipForm.titleOf(u.form())).append(" | ").append(cell(u.reason())).append(" |\n"));
        return md.toString();
    }

    public static String totalsText(MatchingProposal proposal) {
        MatchingProposal.Totals t = proposal.totals();
        return "**Наставляемых:** " + t.mentees() + "; **с наставником:** " + t.matched() + "; **без наставника:** "
                + t.unmatched() + "; **пар:** " + t.pairs() + "; **групп:** " + t.groups() + "; **сумма баллов:** "
                + t.score();
    }

    /** Names and reasons come from data: never a link, an image or a broken table in the form. */
    private static String cell(String text) {
        return InputText.markdown(text);
    }
}
