package io.unimember.points.web;

import io.unimember.common.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * No free database connection (overload, or the database away) is a 503 the client may retry, not a 500. Common's
 * handler maps the JDBC form of this failure but not the transaction manager's, which is the one a transactional
 * call sees; this closes that gap until common does.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Unavailable {

    private static final Logger log = LoggerFactory.getLogger(Unavailable.class);

    @ExceptionHandler(CannotCreateTransactionException.class)
    ResponseEntity<ProblemDetail> noConnection(CannotCreateTransactionException e) {
        log.warn(
                "no database connection for a transaction: {}",
                e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "SERVICE_UNAVAILABLE",
                        "the service cannot reach its database right now; nothing was changed, retry"));
    }
}
