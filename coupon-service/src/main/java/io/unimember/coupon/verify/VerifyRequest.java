package io.unimember.coupon.verify;

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
        @NotBlank @Size(max = 64) String code,
        @Nullable @Positive @Max(10_000_000_000L) Long amountFen,
        @Nullable @Size(max = 100) String orderRef) {}
