package ru.nastavnik.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * The questionnaire as typed on the public page (raw strings, so a refused form shows again what was typed),
 * and its rules.
 */
record FeedbackForm(String ratingText, String helped, String missing, String continueText, String comment) {

    static final int MAX_TEXT = 2000;

    static final FeedbackForm EMPTY = new FeedbackForm(null, null, null, null, null);

    /** Every problem, in Russian; empty when the answers can be stored. */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        if (rating() == null) {
            errors.add("Выберите оценку от 1 до 5");
        }
        if (wouldContinue() == null) {
            errors.add("Ответьте, хотели бы вы продолжить: «да» или «нет»");
        }
        length(helped, "Что помогло", errors);
        length(missing, "Чего не хватило", errors);
        length(comment, "Комментарий", errors);
        return errors;
    }

    /** The rating 1–5, or null when missing or not one of them. */
    Integer rating() {
        return ratingText != null && ratingText.matches("[1-5]") ? Integer.valueOf(ratingText) : null;
    }

    /** True for «да», false for «нет», null otherwise. */
    Boolean wouldContinue() {
        return "yes".equals(continueText) ? Boolean.TRUE : "no".equals(continueText) ? Boolean.FALSE : null;
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void length(String value, String label, List<String> errors) {
        if (value != null && value.strip().length() > MAX_TEXT) {
            errors.add("Поле «" + label + "»: не длиннее " + MAX_TEXT + " символов");
        }
    }
}
