package ru.nastavnik.shared;

import java.util.List;

/** The JSON body of every refused /api call: a Russian message and, for bad input, the field errors. */
public record ApiError(int status, String message, List<ValidationException.FieldError> errors) {

    /** A body that is not the JSON the call expects. */
    public static final String UNREADABLE_REQUEST =
            "Запрос не удалось прочитать: проверьте формат JSON, даты (ГГГГ-ММ-ДД) и числа";

    public static ApiError of(int status, String message) {
        return new ApiError(status, message, List.of());
    }
}
