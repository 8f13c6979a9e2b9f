package ru.nastavnik.shared;

import java.util.List;

/** The JSON body of every refused /api call: a Russian message and, for bad input, the field errors. */
public record ApiError(int status, String message, List<ValidationException.FieldError> errors) {

    public static ApiError of(int status, String message) {
        return new ApiError(status, message, List.of());
    }
}
