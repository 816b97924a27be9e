package io.unimember.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The one shape of a {@code 400 VALIDATION_FAILED}: the fields that are wrong, each with a message. Bean Validation's
 * errors are answered in it ({@link ProblemHandler}), and so are the rules a service checks itself, one field
 * ({@link #invalid}) or several collected across fields ({@link #reject}, then {@link #throwIfAny}).
 */
public final class FieldErrors {

    public static final String CODE = "VALIDATION_FAILED";
    static final String DETAIL = "the request has invalid fields";

    private final List<Map<String, String>> errors = new ArrayList<>();

    /** A 400 naming one field. */
    public static ApiException invalid(String field, String message) {
        return new FieldErrors().reject(field, message).toException();
    }

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
            throw toException();
        }
    }

    /** The fields as the problem's {@code errors} property lists them. */
    List<Map<String, String>> list() {
        return List.copyOf(errors);
    }

    private ApiException toException() {
        return new ApiException(HttpStatus.BAD_REQUEST, CODE, DETAIL, Map.of("errors", list()));
    }
}
