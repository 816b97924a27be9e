package io.unimember.coupon.exchanges;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/coupons/exchanges}: the member's own id for this exchange (retry with it) and the template. */
record ExchangeRequest(
        @Schema(example = "x-20261207-0001") @NotBlank @Pattern(regexp = "^[A-Za-z0-9._:-]{1,64}$") String exchangeId,
        @Schema(example = "tpl-points-20") @NotBlank @Size(max = 64) String templateId) {}
