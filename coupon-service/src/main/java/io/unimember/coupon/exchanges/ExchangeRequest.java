package io.unimember.coupon.exchanges;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/coupons/exchanges}: the member's own id for this exchange (retry with it) and the template. */
record ExchangeRequest(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9._:-]{1,64}$") String exchangeId,
        @NotBlank @Size(max = 64) String templateId) {}
