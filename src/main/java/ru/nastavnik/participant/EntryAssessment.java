package ru.nastavnik.participant;

import java.math.BigDecimal;

/**
 * The stage-3 entry assessment of a participant (входная оценка), compared with the exit assessment in monitoring.
 * Scales, also in the README and on the template's «Справочники» sheet:
 * <ul>
 *   <li>engagement (вовлечённость), activity (активность), self-esteem (самооценка): 1 = very low … 5 = very high;</li>
 *   <li>anxiety (тревожность): 1 = very low … 5 = very high (here lower is better);</li>
 *   <li>average grade (средний балл), pupils only: 2.0–5.0, the mean of the last term's marks, two decimals.</li>
 * </ul>
 * Every value may be absent: the assessment is often made after the questionnaire.
 */
public record EntryAssessment(Integer engagement, Integer activity, Integer selfEsteem, Integer anxiety,
                              BigDecimal averageGrade) {

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;
    public static final BigDecimal GRADE_MIN = new BigDecimal("2.0");
    public static final BigDecimal GRADE_MAX = new BigDecimal("5.0");

    public static final EntryAssessment NONE = new EntryAssessment(null, null, null, null, null);
}
