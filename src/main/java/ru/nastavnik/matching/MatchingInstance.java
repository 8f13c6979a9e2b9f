package ru.nastavnik.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * A whole matching instance as the curator (or a municipality, from its own exports) sends it: the questionnaires
 * of mentees and mentors of stage 5 with their ranked wishes and avoid lists from the group meeting, and the
 * curator's pinned and forbidden pairs. Identifiers are the caller's own (a person id, a row number, a code).
 */
public record MatchingInstance(List<Mentee> mentees, List<Mentor> mentors, List<Pair> pinned, List<Pair> forbidden) {

    /**
     * A would-be mentee.
     *
     * @param form        a form code, e.g. {@code pupil-pupil}
     * @param schoolClass pupils: «7Б», «10 а»; required in «ученик – ученик»
     * @param sameSubject teacher–teacher: the variant «опытный предметник – неопытный предметник», the mentor must
     *                    teach one of the mentee's subjects
     * @param preferred   mentor ids the mentee wishes, best first (the questionnaire after the group meeting)
     * @param avoid       mentor ids the mentee asked not to be paired with
     */
    public record Mentee(String id, String name, String form, String schoolClass, Integer experienceYears,
                         List<String> subjects, List<String> interests, List<String> requests, Boolean consent,
                         BigDecimal averageGrade, Integer activity, Integer anxiety, Boolean sameSubject,
                         List<String> preferred, List<String> avoid) {
    }

    /**
     * A mentor (after selection and training), with the topics they can help with and how many mentees they take:
     * 1 is a pair, more is a group.
     */
    public record Mentor(String id, String name, String form, String schoolClass, Integer experienceYears,
                         List<String> subjects, List<String> interests, List<String> competencies, Boolean consent,
                         BigDecimal averageGrade, Integer activity, Integer anxiety, Integer capacity,
                         List<String> preferred, List<String> avoid) {
    }

    public record Pair(String mentee, String mentor) {
    }
}
