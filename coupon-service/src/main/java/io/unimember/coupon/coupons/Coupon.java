package io.unimember.coupon.coupons;

import io.unimember.coupon.terms.Terms;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An issued coupon with its template's name, terms and funder. {@code refundedAt}: a refund of the order it was
 * redeemed on gave it back (AVAILABLE again) or found it past its validity (it stays REDEEMED), or took it back as a
 * reward (REVOKED); cleared when it is redeemed again.
 */
public record Coupon(
        String id,
        String templateId,
        String memberId,
        String code,
        CouponStatus status,
        Channel channel,
        Instant issuedAt,
        Instant usableFrom,
        Instant expiresAt,
        String name,
        Terms terms,
        String fundingBu,
        @Nullable String lockId,
        @Nullable Instant refundedAt) {

    /**
     * The status as of {@code now}: an AVAILABLE coupon past its end is EXPIRED even before the expiry job has
     * written it down, so no reader ever offers it.
     */
    public CouponStatus statusAt(Instant now) {
        return status == CouponStatus.AVAILABLE && !now.isBefore(expiresAt) ? CouponStatus.EXPIRED : status;
    }

    /** AVAILABLE, within its validity now. */
    public boolean isAvailableAt(Instant now) {
        return statusAt(now) == CouponStatus.AVAILABLE;
    }

    /** Not usable yet: its template's window has not opened. */
    public boolean isNotYetValidAt(Instant now) {
        return now.isBefore(usableFrom);
    }
}
