package ru.nastavnik.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.matching.MatchingProposal;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrders;

/**
 * A «ученик – ученик» school for the pair tests: mentees Анна (6А) and Олег (7Б), without own email (minors: one
 * representative's address); mentors Пётр (9Б, two mentees), Ольга (10А, one), Мария (11А, one) and Иван (5А, in a
 * lower class than both mentees, so a hard rule keeps him out). Pairs are fixed from an approved order, as stage 5
 * does.
 */
final class PairTestSchool {

    final long programme;
    final String anna = TestParticipants.unique("Иванова") + " Анна";
    final String oleg = TestParticipants.unique("Сидоров") + " Олег";
    final String petr = TestParticipants.unique("Петров") + " Пётр";
    final String olga = TestParticipants.unique("Кузнецова") + " Ольга";
    final String maria = TestParticipants.unique("Смирнова") + " Мария";
    final String ivan = TestParticipants.unique("Орлов") + " Иван";
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String parentEmail = "parent-" + tag + "@mail.test";
    final Map<String, Long> ids;

    PairTestSchool(int port, long programme) {
        this.programme = programme;
        String parent = ";01.09.2026;Родитель Мария Ивановна;" + parentEmail;
        ids = TestParticipants.importRows(port, programme, List.of(
                anna + ";10.03.2014;Ученик;6А;;математика;;;Наставляемый;Ученик – ученик;"
                        + "Успеваемость, Олимпиады и конкурсы;;;шахматы;;3;2;3;4;3,2;Да" + parent,
                oleg + ";11.04.2013;Ученик;7Б;;;;;Наставляемый;Ученик – ученик;Спорт;;;футбол;;;;;;;Да" + parent,
                mentor(petr, "9Б", 2, "petr"), mentor(olga, "10А", 1, "olga"), mentor(maria, "11А", 1, "maria"),
                mentor(ivan, "5А", 1, "ivan")));
        assertThat(ids).hasSize(6);
    }

    private String mentor(String name, String schoolClass, int capacity, String login) {
        return name + ";01.02.2011;Ученик;" + schoolClass + ";;математика;" + email(login) + ";;Наставник;"
                + "Ученик – ученик;;Успеваемость, Олимпиады и конкурсы;;шахматы;" + capacity + ";;5;;;4,8;Да;"
                + "01.09.2026;Родитель Анна Петровна;" + "rep-" + login + "-" + tag + "@mail.test";
    }

    String email(String login) {
        return login + "-" + tag + "@school.test";
    }

    long id(String name) {
        return ids.get(name);
    }

    /** An approved order with these groups (mentor name → mentee names), fixed as pairs; returns them. */
    List<Pair> fix(PairOrders orders, Pairs pairs, Map<String, List<String>> groups) {
        List<MatchingProposal.Group> rows = new ArrayList<>();
        groups.forEach((mentor, mentees) -> rows.add(new MatchingProposal.Group(String.valueOf(id(mentor)), mentor,
                "pupil-pupil", mentees.size() == 1 ? "pair" : "group", mentees.size(), 0, mentees.stream()
                .map(m -> new MatchingProposal.Member(String.valueOf(id(m)), m, 0, true, List.of())).toList())));
        PairOrder draft = orders.create(programme, new MatchingProposal(rows, List.of(), null), null, "curator");
        PairOrder order = orders.approve(programme, draft.id(), "director");
        return pairs.fix(order, "curator", "curator");
    }
}
