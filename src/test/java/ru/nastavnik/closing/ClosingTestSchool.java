package ru.nastavnik.closing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.nastavnik.TestPairs;
import ru.nastavnik.TestParticipants;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrders;

/**
 * Two pairs of minor pupils for the closing tests: mentor Пётр (9Б) with Анна (6А), mentor Олег with Вера; each pupil
 * has an address of their own and a representative's (the consent was given by «Законный Представитель»).
 */
final class ClosingTestSchool {

    final Map<String, String> names = new LinkedHashMap<>();
    final Map<String, Long> ids;
    final List<Pair> pairs;

    ClosingTestSchool(int port, long programme, PairOrders orders, Pairs pairService) {
        for (String who : List.of("m1:Наставников Пётр", "p1:Ученикова Анна", "m2:Наставников Олег",
                "p2:Ученикова Вера")) {
            String[] parts = who.split(":");
            String[] name = parts[1].split(" ");
            names.put(parts[0], TestParticipants.unique(name[0]) + " " + name[1]);
        }
        ids = TestParticipants.importRows(port, programme, names.entrySet().stream()
                .map(e -> TestPairs.pupil(e.getValue(), e.getKey().startsWith("m"), e.getKey() + "@pupil.test",
                        e.getKey() + "-parent@mail.test")).toList());
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        groups.put(id("m1"), List.of(id("p1")));
        groups.put(id("m2"), List.of(id("p2")));
        pairs = TestPairs.fix(orders, pairService, programme, groups);
    }

    long id(String who) {
        return ids.get(names.get(who));
    }

    String name(String who) {
        return names.get(who);
    }
}
