package io.unimember.coupon.grants;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/bu/coupons/grants}: the BU's own grant id makes a retried grant harmless. */
record GrantRequest(
        @Schema(example = "g-20261207-0001")
                @NotBlank
                @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}", message = "1-128 characters of A-Z a-z 0-9 . _ : -")
                String grantId,
        @Schema(example = "tpl-first-dine-in-15") @NotBlank @Size(max = 64) String templateId,
        @Schema(example = "m_2joxsec7l7krofuzs3lm") @NotBlank @Size(max = 64) String memberId) {}
