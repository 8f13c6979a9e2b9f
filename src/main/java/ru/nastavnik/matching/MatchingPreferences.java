package ru.nastavnik.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantWithdrawn;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * The wishes from the group meeting of stage 5 (table {@code matching_preference}): whom a mentee or a mentor would
 * like to be paired with, best first, and whom not. A mentee names mentors (or candidates, who may still become
 * mentors), a mentor or candidate names mentees; everyone named must be in the programme with consent in force.
 */
@Component
public class MatchingPreferences {

    static final int MAX = 30;
    static final String PREFER = "prefer";
    static final String AVOID = "avoid";
    static final String SELF = "Участник не может назвать самого себя";

    /** A person's wishes: person ids, {@code preferred} best first. */
    public record Wishes(List<Long> preferred, List<Long> avoid) {
    }

    private final JdbcClient jdbc;
    private final ParticipantDirectory directory;

    MatchingPreferences(JdbcClient jdbc, ParticipantDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Replaces the person's wishes after checking all of them; every problem at once, in Russian. */
    @Transactional
    public Wishes replace(long programmeId, long personId, Wishes wishes) {
        ParticipantDirectory.Contact person = directory.contact(programmeId, personId).orElseThrow(() ->
                ApiException.notFound("Участник " + personId + " не найден в программе " + programmeId));
        if (!person.consentInForce()) {
            throw ApiException.conflict("Участник отозвал согласие на обработку персональных данных: его пожелания "
                    + "не записываются");
        }
        boolean mentee = "mentee".equals(person.role());
        List<FieldError> errors = new ArrayList<>();
        if (wishes == null) {
            throw new ValidationException("preferred", "Укажите пожелания: {\"preferred\": [id в порядке "
                    + "предпочтения], \"avoid\": [id]}; пустые списки удаляют пожелания");
        }
        List<Long> preferred = wishes.preferred() == null ? List.of() : wishes.preferred();
        List<Long> avoid = wishes.avoid() == null ? List.of() : wishes.avoid();
        Set<Long> seen = new HashSet<>();
        check(errors, "preferred", preferred, programmeId, personId, mentee, seen);
        check(errors, "avoid", avoid, programmeId, personId, mentee, seen);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("delete from matching_preference where programme_id = :programme and person_id = :person")
                .param("programme", programmeId).param("person", personId).update();
        for (int i = 0; i < preferred.size(); i++) {
            insert(programmeId, personId, preferred.get(i), PREFER, i + 1);
        }
        for (Long other : avoid) {
            insert(programmeId, personId, other, AVOID, null);
        }
        return new Wishes(List.copyOf(preferred), List.copyOf(avoid));
    }

    private void check(List<FieldError> errors, String field, List<Long> ids, long programmeId, long personId,
                       boolean mentee, Set<Long> seen) {
        if (ids.size() > MAX) {
            errors.add(new FieldError(field, "Не больше " + MAX + " человек в списке"));
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            String f = field + "[" + i + "]";
            Long id = ids.get(i);
            if (id == null) {
                errors.add(new FieldError(f, "Пустой id участника"));
                continue;
            }
            if (!seen.add(id)) {
                errors.add(new FieldError(f, "Участник " + id + " назван дважды: в пожеланиях каждый называется "
                        + "один раз, либо в preferred, либо в avoid"));
                continue;
            }
            if (id == personId) {
                errors.add(new FieldError(f, SELF));
                continue;
            }
            Optional<ParticipantDirectory.Contact> other = directory.contact(programmeId, id);
            if (other.isEmpty()) {
                errors.add(new FieldError(f, "Участник " + id + " не найден в программе " + programmeId));
            } else if (!other.get().consentInForce()) {
                errors.add(new FieldError(f, "Участник " + other.get().fullName() + " отозвал согласие на обработку "
                        + "персональных данных: его нельзя назвать"));
            } else if (mentee == "mentee".equals(other.get().role())) {
                errors.add(new FieldError(f, sameSide(mentee, other.get().fullName(), other.get().role())));
            }
        }
    }

    /** Why a wish may not name someone of the wisher's own side (a role code of ParticipantRole for the other). */
    static String sameSide(boolean mentee, String otherName, String otherRole) {
        return mentee
                ? "Наставляемый называет наставников, а " + otherName + " — наставляемый"
                : "Наставник называет наставляемых, а " + otherName + " — "
                        + ("mentor".equals(otherRole) ? "наставник" : "кандидат в наставники");
    }

    private void insert(long programmeId, long personId, long other, String kind, Integer rank) {
        jdbc.sql("""
                        insert into matching_preference (programme_id, person_id, other_person_id, kind, wish_rank)
                        values (:programme, :person, :other, :kind, :rank)""")
                .param("programme", programmeId).param("person", personId).param("other", other)
                .param("kind", kind).param("rank", rank).update();
    }

    /** Everyone's wishes in the programme by person id, as ids, preferred ones best first. */
    Map<Long, Wishes> all(long programmeId) {
        Map<Long, List<Long>> preferred = new HashMap<>();
        Map<Long, List<Long>> avoid = new HashMap<>();
        jdbc.sql("""
                        select person_id, other_person_id, kind from matching_preference
                        where programme_id = :programme order by person_id, wish_rank, other_person_id""")
                .param("programme", programmeId)
                .query((rs, n) -> (PREFER.equals(rs.getString("kind")) ? preferred : avoid)
                        .computeIfAbsent(rs.getLong("person_id"), k -> new ArrayList<>())
                        .add(rs.getLong("other_person_id")))
                .list();
        Map<Long, Wishes> all = new HashMap<>();
        Set<Long> people = new HashSet<>(preferred.keySet());
        people.addAll(avoid.keySet());
        for (Long person : people) {
            all.put(person, new Wishes(preferred.getOrDefault(person, List.of()), avoid.getOrDefault(person, List.of())));
        }
        return all;
    }

    /** A withdrawn person's wishes are their data, and nobody's wish can name them any more. */
    @EventListener
    void withdrawn(ParticipantWithdrawn event) {
        jdbc.sql("""
                        delete from matching_preference where programme_id = :programme
                          and (person_id = :person or other_person_id = :person)""")
                .param("programme", event.programmeId()).param("person", event.personId()).update();
    }
}
