package io.unimember.points.liability;

import io.unimember.common.security.Caller;
import io.unimember.common.web.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/points/liability?period=yyyy-MM}: admin gets every issuing BU's line (or one with
 * {@code ?bu=}); a BU token gets its own line only, whatever it asks for. {@code Accept: text/csv} for CSV.
 */
@RestController
@PreAuthorize("hasAnyAuthority('SCOPE_admin', 'SCOPE_bu:orders')")
class LiabilityController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Liability liability;

    LiabilityController(Liability liability) {
        this.liability = liability;
    }

    /**
     * The points liability: points outstanding and their face value, per issuing BU.
     */
    @GetMapping("/api/v1/admin/points/liability")
    ResponseEntity<?> report(
            Caller caller,
            @RequestParam String period,
            @RequestParam(required = false) @Nullable String bu,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        LiabilityView view = liability.of(month(period), caller.isAdmin() ? blankToNull(bu) : caller.bu());
        if (wantsCsv(accept)) {
            return ResponseEntity.ok()
                    .contentType(TEXT_CSV)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"points-liability-" + period + ".csv\"")
                    .body(LiabilityCsv.write(view));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }

    /** CSV only when asked for by name; anything else, an unreadable Accept included, gets JSON. */
    private static boolean wantsCsv(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(TEXT_CSV::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static YearMonth month(String period) {
        if (!period.matches("\\d{4}-\\d{2}")) {
            throw FieldErrors.invalid("period", "must be a month, yyyy-MM");
        }
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw FieldErrors.invalid("period", "must be a month, yyyy-MM");
        }
    }

    private static @Nullable String blankToNull(@Nullable String bu) {
        if (bu == null || bu.isBlank()) {
            return null;
        }
        if (bu.length() > 32) {
            throw FieldErrors.invalid("bu", "at most 32 characters");
        }
        return bu;
    }
}
