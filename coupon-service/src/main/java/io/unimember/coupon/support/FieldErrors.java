package io.unimember.coupon.support;

import io.unimember.common.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Collects rule violations that span fields (a PERCENT coupon needs a cap, a window needs both ends) and answers
 * them exactly like Bean Validation does: {@code 400 VALIDATION_FAILED} listing the fields.
 */
public final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    public FieldErrors reject(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
        return this;
    }

    public FieldErrors rejectIf(boolean condition, String field, String message) {
        return condition ? reject(field, message) : this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "the request has invalid fields",
                    Map.of("errors", List.copyOf(errors)));
        }
    }

    public static ApiException single(String field, String message) {
        FieldErrors e = new FieldErrors().reject(field, message);
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED",
                "the request has invalid fields",
                Map.of("errors", List.copyOf(e.errors)));
    }
}
