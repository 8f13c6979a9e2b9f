package ru.nastavnik.monitoring;

import java.util.List;
import ru.nastavnik.participant.ParticipantDirectory;

/**
 * A question of a monitoring questionnaire (table monitoring_question, seeded from the seeds' texts).
 *
 * @param respondent mentor, mentee or curator
 * @param form       the form of mentorship it is asked in, null for every form
 * @param kind       scale (1–5), closed (one of {@code options}) or open
 * @param swot       where an open question's answers go in the SWOT draft: opportunity, threat or null
 */
public record Question(String code, String respondent, String form, int position, String kind, String text,
                       List<String> options, String swot) {

    public static final String SCALE = "scale";
    public static final String CLOSED = "closed";
    public static final String OPEN = "open";
    /** The answers to the closed questions on requests and on becoming a mentor. */
    public static final String YES = "Да";
    public static final String PARTLY = "Частично";
    public static final String NO = "Нет";
    /** The mentee's question whose «Да» counts towards the mentors of next year. */
    public static final String BECOME_MENTOR = "mentee.become-mentor";
    /** Prefix of the generated question «was your request met?» per request topic of the mentee. */
    public static final String REQUEST_PREFIX = "request:";

    /** The generated question on one of the mentee's entry requests (a topic code). */
    public static Question request(String topic, int position) {
        return new Question(REQUEST_PREFIX + topic, "mentee", null, position, CLOSED, "Удалось ли решить ваш запрос «"
                + ParticipantDirectory.topicTitle(topic) + "»?", List.of(YES, PARTLY, NO), null);
    }

    public boolean scale() {
        return SCALE.equals(kind);
    }

    public boolean closed() {
        return CLOSED.equals(kind);
    }

    public boolean open() {
        return OPEN.equals(kind);
    }

    public static String respondentTitle(String respondent) {
        return switch (respondent) {
            case "mentor" -> "Наставники";
            case "mentee" -> "Наставляемые";
            case "curator" -> "Куратор";
            default -> respondent;
        };
    }
}
