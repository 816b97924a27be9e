package io.unimember.points.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unimember.points.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An order a BU reports, by REST or on {@code bu.orders.v1}; the BU itself comes from the token or the event. */
record OrderRequest(
        @Schema(example = "o-20261207-0001") @NotBlank @Pattern(regexp = Ids.CLIENT_ID) String orderId,
        @Schema(example = "m_2joxsec7l7krofuzs3lm") @NotBlank @Pattern(regexp = Ids.MEMBER_ID) String memberId,
        @Schema(example = "12800") @NotNull @Positive @Max(MAX_AMOUNT_FEN) Long amountFen,
        @Schema(example = "2026-12-07T12:30:00Z") @NotNull Instant occurredAt,
        @Schema(example = "banquet") @Nullable @Size(max = 64) String category) {

    /** ¥10,000,000: more than any one order of any BU; anything above is a mistake or an attack. */
    static final long MAX_AMOUNT_FEN = 1_000_000_000L;
}
