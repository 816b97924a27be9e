package io.unimember.common.web;

import java.net.URI;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem bodies with the fields every Unimember error carries: {@code code} and {@code traceId}. */
public final class Problems {

    public static final String TYPE_BASE = "https://unimember.io/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return decorate(problem, code);
    }

    /** Adds {@code code}, {@code traceId} and a type URI to a problem Spring built. */
    public static ProblemDetail decorate(ProblemDetail problem, String code) {
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        problem.setProperty("traceId", traceId());
        return problem;
    }

    /**
     * The W3C trace id (32 lowercase hex) a client can quote and we can find in logs: the request's trace when
     * tracing is on, else one derived from the request id, so every layer answers the same format (design §17).
     */
    public static String traceId() {
        return TraceIds.of(MDC.get("traceId"), MDC.get(RequestIdFilter.MDC_KEY));
    }

    /** The stable code for a status when no more precise one applies. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "REQUEST_REJECTED";
        };
    }
}
