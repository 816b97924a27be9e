package io.unimember.common.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what never reached a controller as problem+json instead of Boot's {@code {timestamp,status,error,path}}:
 * the firewall's rejections ({@code TRACE}, {@code QUERY}, {@code %25} in a path), the container's own errors, a
 * filter's {@code sendError}. The detail is the status's generic one: the container's message can name internals.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatusCode status = statusOf(request);
        Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        String traceId = TraceIds.of(org.slf4j.MDC.get("traceId"), requestId instanceof String id ? id : null);
        ProblemDetail problem = Problems.of(status, Problems.codeFor(status), detailFor(status));
        problem.setProperty("traceId", traceId);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatusCode statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value == 501) {
            // the servlet's answer to a method it does not know (QUERY, ...): the client's mistake, not ours
            return HttpStatus.METHOD_NOT_ALLOWED;
        }
        if (code instanceof Integer value && value >= 400 && value <= 599) {
            return HttpStatusCode.valueOf(value);
        }
        // someone asked for /error itself
        return HttpStatus.NOT_FOUND;
    }

    private static String detailFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "the request is malformed or uses a method, path or header this API does not accept";
            case 404 -> "no such endpoint";
            case 405 -> "this method is not supported here";
            case 413 -> "the request is too large";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            default -> status.is5xxServerError() ? "something went wrong on our side" : "the request was rejected";
        };
    }
}
