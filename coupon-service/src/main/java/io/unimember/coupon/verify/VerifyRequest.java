package io.unimember.coupon.verify;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /open/v1/coupons/verify}: the code scanned from the member's QR code.
 *
 * @param amountFen the bill, when the POS knows it: needed for a PERCENT coupon or one with a minimum spend
 * @param orderRef the POS's own reference for the bill, carried into {@code coupon.redeemed}
 */
record VerifyRequest(
        @Schema(example = "SQ7K2M9P4X") @NotBlank @Size(max = 64) String code,
        @Schema(example = "8000") @Nullable @Positive @Max(10_000_000_000L) Long amountFen,
        @Schema(example = "o-20261207-0003") @Nullable @Size(max = 100) String orderRef) {}
