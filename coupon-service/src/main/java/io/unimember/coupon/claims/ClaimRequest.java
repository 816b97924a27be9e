package io.unimember.coupon.claims;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/coupons/claims}: which template's coupon the member wants. */
record ClaimRequest(@Schema(example = "tpl-new-member-10") @NotBlank @Size(max = 64) String templateId) {}
