package io.unimember.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class FieldErrorsTests {

    @Test
    void oneBadFieldIsA400ValidationFailedNamingIt() {
        ApiException e = FieldErrors.invalid("month", "must be yyyy-MM");

        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(e.properties())
                .containsEntry("errors", List.of(Map.of("field", "month", "message", "must be yyyy-MM")));
    }

    @Test
    void rulesAcrossFieldsAreAnsweredTogetherInTheOrderTheyWereChecked() {
        FieldErrors errors = new FieldErrors()
                .rejectIf(true, "discountFen", "is needed")
                .rejectIf(false, "percentOff", "never listed")
                .reject("validTo", "must be after validFrom");

        ApiException e = catchThrowableOfType(ApiException.class, errors::throwIfAny);

        assertThat(e.properties().get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", "discountFen", "message", "is needed"),
                        Map.of("field", "validTo", "message", "must be after validFrom")));
    }

    @Test
    void noRejectionThrowsNothing() {
        FieldErrors errors = new FieldErrors().rejectIf(false, "name", "is blank");

        assertThat(errors.isEmpty()).isTrue();
        assertThatCode(errors::throwIfAny).doesNotThrowAnyException();
    }
}
