package io.unimember.coupon.locks;

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
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}", message = "1-128 characters of A-Z a-z 0-9 . _ : -")
                String lockId,
        @NotBlank @Size(max = 128) String orderRef,
        @Positive @Max(10_000_000_000L) long amountFen,
        @Nullable @Size(max = 64) String memberId) {}
