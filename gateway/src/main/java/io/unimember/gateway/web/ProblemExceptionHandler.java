package io.unimember.gateway.web;

import io.unimember.gateway.logging.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** Every error the gateway itself raises (no route, keys unreachable, anything unexpected) as problem+json. */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable e) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(e);
        }
        if (e instanceof ServiceUnavailableException unavailable) {
            try (var ids = RequestLogContext.of(exchange)) {
                log.warn(
                        "{}: {}",
                        unavailable.getMessage(),
                        e.getCause() == null ? e : e.getCause().toString());
            }
            return Problems.write(
                    exchange, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", unavailable.detail());
        }
        if (e instanceof ResponseStatusException status) {
            HttpStatus resolved = HttpStatus.resolve(status.getStatusCode().value());
            if (resolved != null && resolved.is4xxClientError()) {
                return Problems.write(exchange, resolved, codeFor(resolved), detailFor(resolved));
            }
        }
        try (var ids = RequestLogContext.of(exchange)) {
            log.error(
                    "unexpected error on {} {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    e);
        }
        return Problems.write(
                exchange, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the gateway failed to handle this");
    }

    private static String codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case PAYLOAD_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "BAD_REQUEST";
        };
    }

    private static String detailFor(HttpStatus status) {
        return status == HttpStatus.NOT_FOUND ? "no such path" : status.getReasonPhrase();
    }
}
