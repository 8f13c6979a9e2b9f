package ru.nastavnik;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import ru.nastavnik.matching.MatchingProposal;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.pairorder.PairOrder;
import ru.nastavnik.pairorder.PairOrders;

/** Pupils of a «pupil-pupil» programme and their pairs, fixed as stage 5 fixes them: an approved order. */
public final class TestPairs {

    private TestPairs() {
    }

    /** The mentor's report of a held meeting as the form «Отметить встречу» sends it: who of the mentees came. */
    public static Map<String, Object> meetingReport(LocalDate heldOn, List<Long> attended) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("heldOn", heldOn.toString());
        vars.put("durationMinutes", 45L);
        vars.put("meetingFormat", "in_person");
        vars.put("meetingTopics", "Цели и ожидания");
        vars.put("meetingAgreed", "Встречаться по плану");
        vars.put("attendedMentees", SpinValues.jsonValue(attended.stream().map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(",", "[", "]"))).create());
        return vars;
    }

    /** A minor pupil's questionnaire row with consent, the pupil's own email and the representative's. */
    public static String pupil(String fullName, boolean mentor, String email, String representativeEmail) {
        return fullName + (mentor ? ";01.02.2011;Ученик;9Б" : ";10.03.2014;Ученик;6А") + ";;математика;" + email
                + ";;" + (mentor ? "Наставник;Ученик – ученик;;Успеваемость;;;2;;5;;;4,8"
                : "Наставляемый;Ученик – ученик;Успеваемость;;;;;3;2;3;4;3,2")
                + ";Да;01.09.2026;Законный Представитель;" + representativeEmail;
    }

    /** One order with a pair or group per mentor (person ids), approved by the director, and its pairs fixed. */
    public static List<Pair> fix(PairOrders orders, Pairs pairs, long programmeId, Map<Long, List<Long>> groups) {
        List<MatchingProposal.Group> rows = new ArrayList<>();
        groups.forEach((mentor, mentees) -> rows.add(new MatchingProposal.Group(String.valueOf(mentor), null,
                "pupil-pupil", mentees.size() > 1 ? "group" : "pair", mentees.size(), 0, mentees.stream()
                .map(m -> new MatchingProposal.Member(String.valueOf(m), null, 0, false, List.of())).toList())));
        PairOrder draft = orders.create(programmeId, new MatchingProposal(rows, List.of(), null), null, "curator");
        return pairs.fix(orders.approve(programmeId, draft.id(), "director"), "curator", "curator");
    }

    /** Pair processes are not children of the programme's: ends the running ones, so later tests miss their tasks. */
    public static void end(RuntimeService runtime, List<Pair> fixed) {
        for (Pair pair : fixed) {
            if (runtime.createProcessInstanceQuery().processInstanceId(pair.processInstanceId()).count() > 0) {
                runtime.deleteProcessInstance(pair.processInstanceId(), "test over");
            }
        }
    }
}
