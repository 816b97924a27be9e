package io.unimember.coupon.claims;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/coupons/claims}: which template's coupon the member wants. */
record ClaimRequest(@NotBlank @Size(max = 64) String templateId) {}
