package io.unimember.common.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a paid membership period gives and who earns its price, as {@code membership.activated} and {@code
 * membership.renewed} carry it: consumers (the points multiplier, the entitlement view, settlement) keep their
 * projection from this alone, without asking tier-service.
 *
 * @param multiplierBp the plan's points multiplier in basis points (10000 = none); it adds to the tier's (decision
 *     0040)
 * @param counted each counted benefit and how many uses a calendar month gives
 * @param coupons the coupons each month of the period brings: the plan's monthly 神券 packs and its partner
 *     benefits (a partner BU's template, one a month), issued by coupon-service at most once per member and month
 * @param revenue the price paid, split between BUs by the plan's rule; the shares sum to the price
 */
public record MembershipTerms(
        String planCode,
        String planName,
        String purchaseId,
        String paymentId,
        String payingBu,
        long amountFen,
        Instant startsAt,
        Instant endsAt,
        int multiplierBp,
        List<Counted> counted,
        List<CouponPack> coupons,
        List<RevenueShare> revenue) {

    /**
     * {@code count} coupons of {@code templateId} a month. {@code fundingBu} is set for a partner benefit: the BU the
     * plan names as its funder, which the template must name too or coupon-service issues none (decision 0065).
     */
    public record CouponPack(String templateId, int count, @Nullable String fundingBu) {

        /** A monthly 神券 pack, funded by whoever funds its template. */
        public CouponPack(String templateId, int count) {
            this(templateId, count, null);
        }
    }

    /**
     * A counted benefit (free delivery, a service) and its monthly allowance; {@code used} of it are used already in
     * the business month {@code [monthStart, monthEnd)} the period was paid in (a renewal's month goes on; a month
     * shared with a refunded period counts only the unrefunded uses, decision 0065). Without a month, none is used.
     */
    public record Counted(
            String benefit, int perMonth, int used, @Nullable Instant monthStart, @Nullable Instant monthEnd) {

        /** An allowance nothing has drawn on yet. */
        public Counted(String benefit, int perMonth) {
            this(benefit, perMonth, 0, null, null);
        }
    }

    /** One BU's share of an amount of subscription revenue (or of its refund). */
    public record RevenueShare(String bu, long amountFen) {}
}
