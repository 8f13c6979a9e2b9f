package ru.nastavnik.closing;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.PairMeetings;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantWithdrawn;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.shared.SchoolClock;

/**
 * What stage 7 records (ceremony, cases, publication, each person's result, the long-term base) and what it builds
 * from the year's data: the guest list, the publication's text, each person's result. No user checks here: callers
 * are process steps and the controller, which checks its user.
 */
@Service
class ClosingRecords {

    record Ceremony(LocalDate plannedOn, String place, LocalDate heldOn, Integer guests, String notes) {
    }

    record Case(long pairId, String pairName, String situation, String actions, String outcome) {
    }

    /** One person of the year's pairs and how to reach them and their family. */
    record Participant(Pair.Person person, boolean mentor, Pair pair) {
    }

    private final JdbcClient jdbc;
    private final Pairs pairs;
    private final PairMeetings meetings;
    private final ParticipantDirectory directory;
    private final ProgrammeService programmes;
    private final Nominations nominations;
    private final SchoolClock clock;

    ClosingRecords(JdbcClient jdbc, Pairs pairs, PairMeetings meetings, ParticipantDirectory directory,
                   ProgrammeService programmes, Nominations nominations, SchoolClock clock) {
        this.jdbc = jdbc;
        this.pairs = pairs;
        this.meetings = meetings;
        this.directory = directory;
        this.programmes = programmes;
        this.nominations = nominations;
        this.clock = clock;
    }

    /** The pairs of the year that count for the closing: every one not ended early. */
    List<Pair> workedPairs(long programmeId) {
        return pairs.list(programmeId).stream().filter(p -> !Pair.ENDED.equals(p.status())).toList();
    }

    /** Everyone of those pairs, mentors first, each once (a mentor of two pairs is one guest). */
    List<Participant> participants(long programmeId) {
        Map<Long, Participant> people = new LinkedHashMap<>();
        for (Pair pair : workedPairs(programmeId)) {
            people.putIfAbsent(pair.mentor().personId(), new Participant(pair.mentor(), true, pair));
        }
        for (Pair pair : workedPairs(programmeId)) {
            pair.mentees().forEach(m -> people.putIfAbsent(m.personId(), new Participant(m, false, pair)));
        }
        return List.copyOf(people.values());
    }

    void planCeremony(long programmeId, LocalDate on, String place) {
        jdbc.sql("delete from ceremony where programme_id = :p").param("p", programmeId).update();
        jdbc.sql("insert into ceremony (programme_id, planned_on, place) values (:p, :on, :place)")
                .param("p", programmeId).param("on", on).param("place", place).update();
    }

    void invited(long programmeId, int count) {
        jdbc.sql("update ceremony set invited = :n, invited_at = :at where programme_id = :p")
                .param("n", count).param("at", Timestamp.from(clock.now())).param("p", programmeId).update();
    }

    void ceremonyHeld(long programmeId, LocalDate on, int guests, String notes) {
        jdbc.sql("update ceremony set held_on = :on, guests = :guests, notes = :notes where programme_id = :p")
                .param("on", on).param("guests", guests).param("notes", notes).param("p", programmeId).update();
    }

    Optional<Ceremony> ceremony(long programmeId) {
        return jdbc.sql("select * from ceremony where programme_id = :p").param("p", programmeId)
                .query((rs, n) -> new Ceremony(rs.getObject("planned_on", LocalDate.class), rs.getString("place"),
                        rs.getObject("held_on", LocalDate.class), (Integer) rs.getObject("guests"),
                        rs.getString("notes"))).optional();
    }

    void saveCase(long programmeId, Case c, String actor) {
        jdbc.sql("delete from closing_case where programme_id = :p and pair_id = :pair")
                .param("p", programmeId).param("pair", c.pairId()).update();
        jdbc.sql("""
                        insert into closing_case (programme_id, pair_id, situation, actions, outcome, written_by,
                                                  written_at)
                        values (:p, :pair, :situation, :actions, :outcome, :by, :at)""")
                .param("p", programmeId).param("pair", c.pairId()).param("situation", c.situation())
                .param("actions", c.actions()).param("outcome", c.outcome()).param("by", actor)
                .param("at", Timestamp.from(clock.now())).update();
    }

    List<Case> cases(long programmeId) {
        return jdbc.sql("select * from closing_case where programme_id = :p order by pair_id").param("p", programmeId)
                .query((rs, n) -> new Case(rs.getLong("pair_id"),
                        Nominations.pairName(pairs.get(rs.getLong("pair_id"))), rs.getString("situation"),
                        rs.getString("actions"), rs.getString("outcome"))).list();
    }

    void published(long programmeId, String url, LocalDate on, String actor) {
        jdbc.sql("delete from publication where programme_id = :p").param("p", programmeId).update();
        jdbc.sql("insert into publication (programme_id, url, published_on, recorded_by) values (:p, :url, :on, :by)")
                .param("p", programmeId).param("url", url).param("on", on).param("by", actor).update();
    }

    /**
     * The text for the school's website: the year in numbers, the awards and the cases. Adults are named; a minor
     * (consent given by a legal representative, which covers the programme, not publication) appears only as
     * «обучающийся 7Б класса».
     */
    List<ClosingPapers.Section> publication(long programmeId) {
        Set<Long> minors = directory.consentedByRepresentative(programmeId);
        Map<Long, String> classes = directory.roster(programmeId).stream().filter(n -> n.schoolClass() != null)
                .collect(Collectors.toMap(ParticipantDirectory.Named::personId, ParticipantDirectory.Named::schoolClass));
        java.util.function.Function<Pair.Person, String> shown = p -> minors.contains(p.personId())
                ? "обучающийся" + (classes.containsKey(p.personId()) ? " " + classes.get(p.personId()) + " класса" : "")
                : p.fullName();
        List<Pair> worked = workedPairs(programmeId);
        int held = worked.stream().mapToInt(p -> (int) meetings.meetings(p.id()).stream()
                .filter(PairMeetings.Meeting::reported).count()).sum();
        List<ClosingPapers.Section> sections = new ArrayList<>();
        sections.add(new ClosingPapers.Section("Итоги года", List.of(
                "Наставнических пар и групп: " + worked.size() + "; из них завершили программу: "
                        + worked.stream().filter(p -> Pair.FINISHED.equals(p.status())).count() + ".",
                "Участников: " + participants(programmeId).size() + "; проведено встреч: " + held + ".")));
        List<String> awards = new ArrayList<>();
        for (Nominations.Award a : nominations.awards(programmeId)) {
            Pair pair = pairs.get(a.pairId());
            String who = a.nomination().ofPair() ? shown.apply(pair.mentor()) + " и " + pair.mentees().stream()
                    .map(shown).collect(Collectors.joining(", ")) : shown.apply(pair.mentor());
            awards.add("«" + a.nomination().title() + "»: " + who + ". " + a.reason());
        }
        sections.add(new ClosingPapers.Section("Лучшие наставники", awards.isEmpty() ? List.of("Номинаций нет.") : awards));
        for (Case c : cases(programmeId)) {
            Pair pair = pairs.get(c.pairId());
            sections.add(new ClosingPapers.Section("Кейс: наставник " + shown.apply(pair.mentor()) + ", "
                    + pair.mentees().stream().map(shown).collect(Collectors.joining(", ")), List.of(
                    "Ситуация: " + c.situation(), "Что делали: " + c.actions(), "Результат: " + c.outcome())));
        }
        return sections;
    }

    /** What the person did and how it went, in Russian, as the result mail and the bases keep it. */
    String resultOf(long programmeId, Participant p, Map<Long, Double> improvements) {
        Pair pair = p.pair();
        List<PairMeetings.Meeting> held = meetings.meetings(pair.id()).stream().filter(PairMeetings.Meeting::reported)
                .toList();
        StringBuilder text = new StringBuilder();
        if (p.mentor()) {
            List<Pair> own = workedPairs(programmeId).stream()
                    .filter(x -> x.mentor().personId() == p.person().personId()).toList();
            text.append("Вы были наставником: ").append(own.stream().flatMap(x -> x.mentees().stream())
                    .map(Pair.Person::fullName).collect(Collectors.joining(", "))).append(". Проведено встреч: ")
                    .append(own.stream().mapToLong(x -> meetings.meetings(x.id()).stream()
                            .filter(PairMeetings.Meeting::reported).count()).sum()).append('.');
            nominations.awards(programmeId).stream().filter(a -> a.personId() == p.person().personId())
                    .forEach(a -> text.append(" Награда: «").append(a.nomination().title()).append("»."));
        } else {
            long attended = held.stream().filter(m -> m.attendance().stream()
                    .anyMatch(a -> a.personId() == p.person().personId() && a.attended())).count();
            text.append("Ваш наставник: ").append(pair.mentor().fullName()).append(". Встреч проведено: ")
                    .append(held.size()).append(", из них вы были на ").append(attended).append('.');
            Double d = improvements.get(p.person().personId());
            if (d != null) {
                text.append(d > 0 ? " Ваши показатели выросли в среднем на " + Nominations.number(d) + " балла."
                        : " Ваши показатели в среднем не выросли: обсудите с наставником, что может помочь.");
            }
        }
        text.append(Pair.FINISHED.equals(pair.status()) ? " Программа пройдена до конца." : "");
        return text.toString();
    }

    void saveResult(long programmeId, long personId, String summary) {
        jdbc.sql("delete from participant_result where programme_id = :p and person_id = :person")
                .param("p", programmeId).param("person", personId).update();
        jdbc.sql("""
                        insert into participant_result (programme_id, person_id, summary, written_at)
                        values (:p, :person, :summary, :at)""")
                .param("p", programmeId).param("person", personId).param("summary", summary)
                .param("at", Timestamp.from(clock.now())).update();
    }

    Map<Long, String> results(long programmeId) {
        Map<Long, String> results = new LinkedHashMap<>();
        jdbc.sql("select person_id, summary from participant_result where programme_id = :p order by person_id")
                .param("p", programmeId).query((rs, n) -> results.put(rs.getLong(1), rs.getString(2))).list();
        return results;
    }

    void saveLongTermBase(long programmeId, List<Long> mentors, List<Long> candidates, String actor) {
        jdbc.sql("delete from long_term_base where programme_id = :p").param("p", programmeId).update();
        mentors.forEach(id -> addToBase(programmeId, id, "mentor", actor));
        candidates.forEach(id -> addToBase(programmeId, id, "candidate", actor));
    }

    private void addToBase(long programmeId, long personId, String kind, String actor) {
        jdbc.sql("""
                        insert into long_term_base (programme_id, person_id, kind, decided_at, decided_by)
                        values (:p, :person, :kind, :at, :by)""")
                .param("p", programmeId).param("person", personId).param("kind", kind)
                .param("at", Timestamp.from(clock.now())).param("by", actor).update();
    }

    /** The long-term base: person id → kind ({@code mentor} or {@code candidate}). */
    Map<Long, String> longTermBase(long programmeId) {
        Map<Long, String> base = new LinkedHashMap<>();
        jdbc.sql("select person_id, kind from long_term_base where programme_id = :p order by kind desc, person_id")
                .param("p", programmeId).query((rs, n) -> base.put(rs.getLong(1), rs.getString(2))).list();
        return base;
    }

    Programme programme(long programmeId) {
        return programmes.get(programmeId);
    }

    /** A withdrawn person leaves the long-term base and the results (never carried into another year). */
    @EventListener
    void withdrawn(ParticipantWithdrawn event) {
        jdbc.sql("delete from long_term_base where person_id = :person").param("person", event.personId()).update();
        jdbc.sql("delete from participant_result where person_id = :person").param("person", event.personId()).update();
    }
}
