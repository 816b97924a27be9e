package io.unimember.coupon.grants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/bu/coupons/grants}: the BU's own grant id makes a retried grant harmless. */
record GrantRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}", message = "1-128 characters of A-Z a-z 0-9 . _ : -")
                String grantId,
        @NotBlank @Size(max = 64) String templateId,
        @NotBlank @Size(max = 64) String memberId) {}
