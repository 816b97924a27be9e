package io.unimember.coupon.refunds;

import io.unimember.common.events.CouponReturned;
import io.unimember.common.events.OrderRefunded;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.coupon.campaigns.CampaignClawback;
import io.unimember.coupon.coupons.Coupons;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a refund does to coupons, in the inbox transaction of its event. Only a refund that completes the order (its
 * own amount, or the last of partial refunds adding up to it) returns coupons: a coupon cannot be split, and a
 * partial refund keeps the discount it paid for. Every change is a guarded update on the state it leaves, so a
 * coupon comes back, or a reward is taken back, at most once however the events arrive.
 */
@Service
public class CouponRefunds {

    private final RefundsSeen seen;
    private final Coupons coupons;
    private final CampaignClawback rewards;
    private final EventPublisher events;
    private final Clock clock;

    CouponRefunds(RefundsSeen seen, Coupons coupons, CampaignClawback rewards, EventPublisher events, Clock clock) {
        this.seen = seen;
        this.coupons = coupons;
        this.rewards = rewards;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onOrdersRefunded(List<OrderRefunded> refunds) {
        Instant now = Times.now(clock);
        for (OrderRefunded refund : refunds) {
            if (seen.record(refund, now) && seen.completesTheOrder(refund)) {
                returnRedeemed(refund, now);
                rewards.takeBack(refund.memberId(), refund.bu(), refund.orderId(), refund.refundId(), now);
            }
        }
    }

    private void returnRedeemed(OrderRefunded refund, Instant now) {
        for (Coupons.Redemption r : coupons.redeemedOn(refund.bu(), refund.orderId(), refund.memberId())) {
            boolean available = coupons.returnToWallet(r.couponId(), now);
            if (available || coupons.markRefunded(r.couponId(), now)) {
                events.publish(new CouponReturned(
                        refund.memberId(),
                        r.couponId(),
                        r.templateId(),
                        r.fundingBu(),
                        refund.bu(),
                        r.discountFen(),
                        refund.orderId(),
                        refund.refundId(),
                        available,
                        now));
            }
        }
    }
}
