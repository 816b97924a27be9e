package io.unimember.coupon.verify;

import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.common.web.ApiException;
import io.unimember.common.web.FieldErrors;
import io.unimember.coupon.coupons.Coupon;
import io.unimember.coupon.coupons.CouponStatus;
import io.unimember.coupon.coupons.Coupons;
import io.unimember.coupon.support.Times;
import io.unimember.coupon.terms.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Redeems the coupon whose code a merchant's POS scanned, at the merchant's BU. Knowing the code is the member's
 * consent (it is shown only in the owner's wallet and cannot be guessed). One guarded update decides, so a code
 * scanned twice, or at two tills at once, redeems once.
 */
@Service
class Verification {

    private final Coupons coupons;
    private final FrozenMembers frozen;
    private final EventPublisher events;
    private final Clock clock;

    Verification(Coupons coupons, EventPublisher events, FrozenMembers frozen, Clock clock) {
        this.coupons = coupons;
        this.frozen = frozen;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public VerifyView verify(String merchantId, String bu, VerifyRequest request) {
        Instant now = Times.now(clock);
        Coupon coupon = coupons.findByCode(request.code().trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("COUPON_NOT_FOUND", "no coupon has this code"));
        frozen.requireNotFrozen(coupon.memberId());
        if (!coupon.isAvailableAt(now)) {
            throw ApiException.conflict(
                    "COUPON_NOT_AVAILABLE",
                    "the coupon is " + coupon.statusAt(now).name().toLowerCase(Locale.ROOT));
        }
        if (!coupon.terms().appliesTo(bu) || coupon.isNotYetValidAt(now)) {
            throw ApiException.conflict("COUPON_NOT_APPLICABLE", "the coupon cannot be used here now");
        }
        long discount = discount(coupon, request.amountFen());
        String orderRef = "POS:" + merchantId + ":" + (request.orderRef() != null ? request.orderRef() : coupon.id());
        if (!coupons.redeemAvailable(coupon.id(), bu, orderRef, discount, now)) {
            throw ApiException.conflict("COUPON_NOT_AVAILABLE", "the coupon was just used or locked");
        }
        events.publish(new CouponRedeemed(
                coupon.memberId(), coupon.id(), coupon.templateId(), coupon.fundingBu(), bu, discount, orderRef, now));
        return new VerifyView(
                coupon.id(), coupon.name(), discount, coupon.fundingBu(), bu, orderRef, CouponStatus.REDEEMED, now);
    }

    /** Without the bill only a FIXED coupon without minimum spend has a known discount: its face. */
    private static long discount(Coupon coupon, @Nullable Long amountFen) {
        if (amountFen == null) {
            if (coupon.terms().kind() != Kind.FIXED || coupon.terms().minSpendFen() > 0) {
                throw FieldErrors.invalid("amountFen", "is needed for this coupon (percent off or minimum spend)");
            }
            return coupon.terms().faceValueFen();
        }
        long discount = coupon.terms().discountFor(amountFen);
        if (discount <= 0) {
            throw ApiException.conflict(
                    "COUPON_NOT_APPLICABLE",
                    "the bill does not reach the minimum spend of "
                            + coupon.terms().minSpendFen() + " fen");
        }
        return discount;
    }
}
