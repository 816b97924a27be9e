package io.unimember.common.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A business rule said no: answered as problem+json with the given status and stable {@code code}
 * ({@code POINTS_INSUFFICIENT}, {@code COUPON_SOLD_OUT}, ...). Extra properties are added to the problem body.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;
    private final Map<String, String> headers;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public ApiException(HttpStatus status, String code, String detail, Map<String, Object> properties) {
        this(status, code, detail, properties, Map.of());
    }

    private ApiException(
            HttpStatus status,
            String code,
            String detail,
            Map<String, Object> properties,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
        this.headers = Map.copyOf(headers);
    }

    /** A 429 that tells the client when to come back. */
    public static ApiException tooManyRequests(String code, String detail, long retryAfterSeconds) {
        return new ApiException(
                HttpStatus.TOO_MANY_REQUESTS,
                code,
                detail,
                Map.of(),
                Map.of("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds))));
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
