package io.unimember.common.web;

import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every error an MVC service answers is RFC 9457 problem+json with a stable {@code code} and a {@code traceId}.
 * Bad input is a 4xx naming the offending fields; anything unexpected is a 500 without internals.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String WRONG_TYPE = "has the wrong type or format";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        var response = ResponseEntity.status(e.status());
        e.headers().forEach(response::header);
        return response.body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        FieldErrors errors = new FieldErrors();
        e.getConstraintViolations()
                .forEach(v -> errors.reject(lastNode(v.getPropertyPath().toString()), v.getMessage()));
        return validationFailed(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validationFailed(new FieldErrors().reject(e.getName(), WRONG_TYPE));
    }

    @ExceptionHandler({AccessDeniedException.class})
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "this token may not do that"));
    }

    @ExceptionHandler({AuthenticationException.class})
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "a valid bearer token is required"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.warn(
                "request rejected by a database constraint: {}",
                e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "CONFLICT", "the request conflicts with existing data"));
    }

    /**
     * No database connection (the pool is exhausted under overload, or the database is away): 503, retry later.
     * A transactional call sees this as the transaction manager's {@link CannotCreateTransactionException}, a plain
     * JDBC call as {@link CannotGetJdbcConnectionException}; a connection lost mid-transaction as a
     * {@link DataAccessResourceFailureException} or a failed commit/rollback ({@link TransactionSystemException}).
     * Nothing half-written stays: the transaction did not commit, or it did and the client's retry with the same
     * idempotency key returns the original result.
     */
    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class,
        TransientDataAccessException.class,
        DataAccessResourceFailureException.class,
        TransactionSystemException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        log.warn(
                "database unavailable: {}",
                NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "SERVICE_UNAVAILABLE",
                        "the service cannot reach its database right now; nothing was changed, retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "something went wrong on our side"));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldErrors errors = new FieldErrors();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.reject(f.getField(), messageOf(f)));
        return asObject(validationFailed(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldErrors errors = new FieldErrors();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors()
                .forEach(err -> errors.reject(
                        String.valueOf(r.getMethodParameter().getParameterName()),
                        String.valueOf(err.getDefaultMessage()))));
        return asObject(validationFailed(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = firstWithPath(e);
        if (jackson != null) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return asObject(validationFailed(new FieldErrors().reject(field, WRONG_TYPE)));
        }
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST",
                "the request body is not valid JSON of the expected shape");
        return ResponseEntity.badRequest().body(problem);
    }

    /** Spring's detail names the static resource it looked for ("No static resource oauth2/revoke."). */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such endpoint")));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            Problems.decorate(problem, Problems.codeFor(status));
        }
        return response;
    }

    /** The Jackson error that knows which field failed (a date parse error wraps in one, for instance). */
    private static @Nullable JacksonException firstWithPath(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return jackson;
            }
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> validationFailed(FieldErrors errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, FieldErrors.CODE, FieldErrors.DETAIL);
        problem.setProperty("errors", errors.list());
        return ResponseEntity.badRequest().body(problem);
    }

    private static String messageOf(FieldError f) {
        return f.isBindingFailure() ? WRONG_TYPE : String.valueOf(f.getDefaultMessage());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
