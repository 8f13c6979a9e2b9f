package ru.nastavnik.shared;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

@RestControllerAdvice(basePackages = "ru.nastavnik")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ApiError> invalid(ValidationException e) {
        log.info("Rejected input: {}", InputText.forLog(e.errors()));
        return ResponseEntity.badRequest().body(new ApiError(400, "Данные не приняты: исправьте ошибки", e.errors()));
    }

    @ExceptionHandler(ConcurrencyLimit.BusyException.class)
    ResponseEntity<ApiError> busy(ConcurrencyLimit.BusyException e) {
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(ApiError.of(e.status().value(), e.getMessage()));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        log.info("Refused with {}: {}", e.status(), InputText.forLog(e.getMessage()));
        return ResponseEntity.status(e.status()).body(ApiError.of(e.status().value(), e.getMessage()));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> unauthorized(AuthorizationException e) {
        log.info("Engine authorization refused: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of(403, "Недостаточно прав для этого действия"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        log.info("Upload too large: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiError.of(413,
                "Файл больше 10 МБ: разделите его на несколько файлов"));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> unreadable(Exception e) {
        if (e.getCause() instanceof JsonTextModule.ControlCharactersException control) {
            return invalid(new ValidationException(control.field(), InputText.refusal(InputText.label(control.field()))));
        }
        // The message quotes the unreadable input.
        log.info("Unreadable request: {}", InputText.forLog(e.getMessage()));
        return ResponseEntity.badRequest().body(ApiError.of(400, ApiError.UNREADABLE_REQUEST));
    }
}
