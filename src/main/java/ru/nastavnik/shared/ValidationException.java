package ru.nastavnik.shared;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input from a user: every problem found, each with a Russian message for the user.
 * It is a {@link FormFieldValidationException} so that, thrown inside an engine command (a form listener, a
 * delegate after a user task), the engine rolls back and Camunda REST answers 400 with the message instead of 500.
 */
public class ValidationException extends FormFieldValidationException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::field).toList(),
                errors.stream().map(FieldError::message).reduce((a, b) -> a + "; " + b).orElse("Ошибка в данных"));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /**
     * A refusal met inside a form's completion, told to the user as a problem of the form field: Tasklist shows
     * form errors, not HTTP statuses.
     */
    public static ValidationException of(String field, ApiException refusal) {
        return new ValidationException(field, refusal.getMessage());
    }

    public List<FieldError> errors() {
        return errors;
    }
}
