package io.unimember.coupon.locks;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/bu/coupons/{couponId}/locks}. The BU's lockId makes a retried lock harmless.
 *
 * @param memberId optional: the member paying; when given, a coupon of anyone else is not found, so a BU cannot
 *     apply one member's coupon to another member's order by mistake
 */
record LockRequest(
        @Schema(example = "l-20261207-0001")
                @NotBlank
                @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}", message = "1-128 characters of A-Z a-z 0-9 . _ : -")
                String lockId,
        @Schema(example = "o-20261207-0003") @NotBlank @Size(max = 128) String orderRef,
        @Schema(example = "8000") @Positive @Max(10_000_000_000L) long amountFen,
        @Schema(example = "m_2joxsec7l7krofuzs3lm") @Nullable @Size(max = 64) String memberId) {}
