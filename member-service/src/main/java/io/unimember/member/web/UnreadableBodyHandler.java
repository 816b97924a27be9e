package io.unimember.member.web;

import io.unimember.common.web.Problems;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/**
 * Names the field of a body that does not fit its type even when the root cause is not Jackson's own (a date that
 * does not parse surfaces as {@code DateTimeParseException} under Jackson's exception, which common's handler
 * reports without the field). Runs before common's handler; same problem shapes.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableBodyHandler {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                String field = jackson.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."));
                ProblemDetail problem =
                        Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "the request has invalid fields");
                problem.setProperty(
                        "errors", List.of(Map.of("field", field, "message", "has the wrong type or format")));
                return ResponseEntity.badRequest().body(problem);
            }
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "MALFORMED_REQUEST",
                        "the request body is not valid JSON of the expected shape"));
    }
}
