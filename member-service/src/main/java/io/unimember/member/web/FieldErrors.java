package io.unimember.member.web;

import io.unimember.common.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A 400 VALIDATION_FAILED naming one field, shaped like the ones Bean Validation produces. */
public final class FieldErrors {

    private FieldErrors() {}

    public static ApiException invalid(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED",
                "the request has invalid fields",
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
