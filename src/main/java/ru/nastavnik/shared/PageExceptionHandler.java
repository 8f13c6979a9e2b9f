package ru.nastavnik.shared;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The refusals of {@link HtmlPage} controllers as Russian pages; before {@link ApiExceptionHandler}, which answers JSON. */
@RestControllerAdvice(annotations = HtmlPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    private final PageTemplates pages;

    PageExceptionHandler(PageTemplates pages) {
        this.pages = pages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> refused(ApiException e) {
        log.info("Page refused with {}: {}", e.status(), InputText.forLog(e.getMessage()));
        return pages.problem(e.status(), e.getMessage());
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<String> unauthorized(AuthorizationException e) {
        log.info("Engine authorization refused a page: {}", e.getMessage());
        return pages.problem(HttpStatus.FORBIDDEN, "Недостаточно прав для этой страницы");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> badAddress(MethodArgumentTypeMismatchException e) {
        return pages.problem(HttpStatus.NOT_FOUND, "Такой страницы нет: проверьте адрес");
    }
}
