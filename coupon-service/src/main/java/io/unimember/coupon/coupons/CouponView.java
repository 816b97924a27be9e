package io.unimember.coupon.coupons;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.unimember.coupon.terms.TermsView;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A coupon as clients see it: its terms (in lists for an amount, {@code discountFen} is the discount on that amount)
 * and state. {@code code} is only ever shown to the owner.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CouponView(
        String couponId,
        String templateId,
        String name,
        @JsonUnwrapped TermsView terms,
        String fundingBu,
        CouponStatus status,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable String code,
        @Nullable Instant refundedAt) {

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
                TermsView.of(c.terms(), discountFen),
                c.fundingBu(),
                c.statusAt(now),
                c.issuedAt(),
                c.expiresAt(),
                code,
                c.refundedAt());
    }
}
