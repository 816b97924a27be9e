package io.unimember.coupon.locks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A lock as its BU sees it: the discount it holds, until when, and how it ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LockView(
        String lockId,
        String couponId,
        String orderRef,
        long amountFen,
        long discountFen,
        LockStatus status,
        Instant expiresAt,
        @Nullable Instant resolvedAt) {}
