package io.unimember.coupon.coupons;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.unimember.coupon.terms.Kind;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A coupon as clients see it. {@code discountFen} is the face value (FIXED) or the cap (PERCENT), or, in lists for
 * an amount, the discount on that amount. {@code code} is only ever shown to the owner.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CouponView(
        String couponId,
        String templateId,
        String name,
        Kind kind,
        long discountFen,
        @Nullable Integer percentOff,
        @Nullable Long maxDiscountFen,
        long minSpendFen,
        List<String> scenes,
        String fundingBu,
        CouponStatus status,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable String code) {

    /** The view for the owner, with the code to show at a POS. */
    public static CouponView forOwner(Coupon c, Instant now) {
        return of(c, now, c.terms().faceValueFen(), c.code());
    }

    /** The view for anyone else (a BU that granted it): no code. */
    public static CouponView withoutCode(Coupon c, Instant now) {
        return of(c, now, c.terms().faceValueFen(), null);
    }

    /** The owner's view with the discount on {@code amountFen}. */
    public static CouponView forOwnerAndAmount(Coupon c, Instant now, long amountFen) {
        return of(c, now, c.terms().discountFor(amountFen), c.code());
    }

    private static CouponView of(Coupon c, Instant now, long discountFen, @Nullable String code) {
        return new CouponView(
                c.id(),
                c.templateId(),
                c.name(),
                c.terms().kind(),
                discountFen,
                c.terms().percentOff(),
                c.terms().maxDiscountFen(),
                c.terms().minSpendFen(),
                c.terms().scenes(),
                c.fundingBu(),
                c.statusAt(now),
                c.issuedAt(),
                c.expiresAt(),
                code);
    }
}
