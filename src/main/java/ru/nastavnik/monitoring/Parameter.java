package ru.nastavnik.monitoring;

import java.math.BigDecimal;
import ru.nastavnik.participant.EntryAssessment;

/**
 * The traits measured on entry and on exit (seed 002, 9.2), with the direction that counts as better: anxiety
 * improves when it drops, everything else when it rises.
 */
public enum Parameter {
    ENGAGEMENT("engagement", "Вовлечённость", false),
    ACTIVITY("activity", "Активность", false),
    SELF_ESTEEM("selfEsteem", "Самооценка", false),
    ANXIETY("anxiety", "Тревожность", true),
    AVERAGE_GRADE("averageGrade", "Средний балл", false);

    private final String code;
    private final String title;
    private final boolean lowerIsBetter;

    Parameter(String code, String title, boolean lowerIsBetter) {
        this.code = code;
        this.title = title;
        this.lowerIsBetter = lowerIsBetter;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** The value in an assessment, or null when it was not assessed. */
    public BigDecimal of(EntryAssessment a) {
        if (a == null) {
            return null;
        }
        Integer scale = switch (this) {
            case ENGAGEMENT -> a.engagement();
            case ACTIVITY -> a.activity();
            case SELF_ESTEEM -> a.selfEsteem();
            case ANXIETY -> a.anxiety();
            case AVERAGE_GRADE -> null;
        };
        return this == AVERAGE_GRADE ? a.averageGrade() : scale == null ? null : BigDecimal.valueOf(scale);
    }

    /** +1 when the change from {@code entry} to {@code exit} is an improvement, -1 when it is a decline, else 0. */
    public int direction(BigDecimal entry, BigDecimal exit) {
        int sign = exit.compareTo(entry);
        return lowerIsBetter ? -sign : sign;
    }
}
