package ru.nastavnik.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ru.nastavnik.participant.EntryAssessment;
import ru.nastavnik.shared.ValidationException;

/**
 * The checks of an exit assessment, one place for the API, the page form, the import and the personal link: the
 * scales 1–5 as whole numbers, the average grade 2.0–5.0 with at most two decimals and for pupils only, at least one
 * value, the date not in the future nor before the school year. Messages in Russian, by field.
 */
final class AssessmentValues {

    private AssessmentValues() {
    }

    static List<ValidationException.FieldError> errors(EntryAssessment a, LocalDate on, LocalDate today,
                                                       LocalDate yearStart, boolean pupil) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        for (Parameter p : Parameter.values()) {
            BigDecimal v = p.of(a);
            if (v == null) {
                continue;
            }
            if (p == Parameter.AVERAGE_GRADE) {
                if (!pupil) {
                    errors.add(new ValidationException.FieldError(p.code(), "Средний балл указывается только для "
                            + "обучающихся"));
                } else if (v.compareTo(EntryAssessment.GRADE_MIN) < 0 || v.compareTo(EntryAssessment.GRADE_MAX) > 0
                        || v.stripTrailingZeros().scale() > 2) {
                    errors.add(new ValidationException.FieldError(p.code(), "Средний балл — число от 2,0 до 5,0, не "
                            + "больше двух знаков после запятой"));
                }
            } else if (v.intValue() < EntryAssessment.SCALE_MIN || v.intValue() > EntryAssessment.SCALE_MAX) {
                errors.add(new ValidationException.FieldError(p.code(), "«" + p.title() + "» — целое число от 1 до 5"));
            }
        }
        if (Parameter.ENGAGEMENT.of(a) == null && Parameter.ACTIVITY.of(a) == null
                && Parameter.SELF_ESTEEM.of(a) == null && Parameter.ANXIETY.of(a) == null
                && Parameter.AVERAGE_GRADE.of(a) == null) {
            errors.add(new ValidationException.FieldError("engagement", "Укажите хотя бы один показатель оценки"));
        }
        if (on == null) {
            errors.add(new ValidationException.FieldError("assessedOn", "Укажите дату оценки"));
        } else if (on.isAfter(today)) {
            errors.add(new ValidationException.FieldError("assessedOn", "Дата оценки не может быть в будущем"));
        } else if (on.isBefore(yearStart)) {
            errors.add(new ValidationException.FieldError("assessedOn", "Дата оценки раньше начала учебного года "
                    + "программы"));
        }
        return errors;
    }

    /** A scale typed as text: «4», «4.0» → 4; null when empty; throws on anything else. */
    static Integer scale(String text, Parameter p) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(text.trim().replace(',', '.'));
            if (v.stripTrailingZeros().scale() > 0) {
                throw new NumberFormatException();
            }
            return v.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ValidationException(p.code(), "«" + p.title() + "»: ожидается целое число от 1 до 5, а не «"
                    + text.trim() + "»");
        }
    }

    /** A grade typed as text: «4,5» or «4.5»; null when empty. */
    static BigDecimal grade(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ValidationException("averageGrade", "Средний балл: ожидается число от 2,0 до 5,0, а не «"
                    + text.trim() + "»");
        }
    }
}
