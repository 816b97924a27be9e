package io.unimember.coupon.campaigns;

import io.unimember.common.events.CouponRevoked;
import io.unimember.common.events.RewardKept;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.coupon.coupons.Coupons;
import io.unimember.coupon.risk.CouponRisk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes back the rewards an order earned once it is refunded in full (decision 0037). An unused reward coupon is
 * revoked ({@code coupon.revoked}); one already locked or redeemed is left to the member, and the grant records
 * {@code REWARD_USED_BEFORE_REFUND} and {@code coupon.reward_kept} tells reconciliation. The grant's refund outcome is set by a guarded update, so each
 * grant is decided once. The reward keeps its (campaign, member, occurrence) key: a refunded first order does not make the next
 * one a first order again.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class CampaignClawback {

    static final String REVOKED = "REVOKED";
    static final String USED = "REWARD_USED_BEFORE_REFUND";

    private final JdbcClient jdbc;
    private final Coupons coupons;
    private final EventPublisher events;
    private final CouponRisk risk;

    CampaignClawback(JdbcClient jdbc, Coupons coupons, EventPublisher events, CouponRisk risk) {
        this.jdbc = jdbc;
        this.risk = risk;
        this.coupons = coupons;
        this.events = events;
    }

    private record Granted(
            String campaignId, String occurrence, String couponId, String templateId, String fundingBu) {}

    public void takeBack(String memberId, String bu, String orderId, String refundId, Instant now) {
        for (Granted g : grantedFor(memberId, bu, orderId)) {
            boolean revoked = coupons.revoke(g.couponId(), now);
            if (!decide(g.campaignId(), memberId, g.occurrence(), revoked ? REVOKED : USED)) {
                continue; // decided before: the coupon's own guard kept it from being revoked twice
            }
            risk.rewardedOrderRefunded(memberId, g.campaignId() + ":" + g.occurrence());
            if (revoked) {
                events.publish(new CouponRevoked(
                        memberId,
                        g.couponId(),
                        g.templateId(),
                        g.fundingBu(),
                        orderId,
                        refundId,
                        "REWARD_REFUNDED",
                        now));
            } else {
                events.publish(new RewardKept(
                        memberId, g.couponId(), g.templateId(), g.fundingBu(), bu, orderId, refundId, now));
            }
        }
    }

    /**
     * Rewards just granted for orders that refunds had already completed. A refund normally follows its order's
     * {@code order.completed}, but a large order parked by risk control (design §14) announces its completion only
     * when approved, which can be after it was refunded in full: the refund then found no reward to take back. Taken
     * back here instead, in the grant's transaction. The refunds are read with a locking read, so one committing
     * meanwhile (another instance, a rebalance) is either seen here or sees the grant.
     */
    void takeBackIfRefunded(Collection<CampaignRewards.Reward> granted, Instant now) {
        record Order(String bu, String orderId, String memberId) {}
        record Seen(String bu, String orderId, String refundId, long refundFen, long orderFen) {}
        Map<String, Order> orders = new LinkedHashMap<>();
        for (CampaignRewards.Reward r : granted) {
            if (r.orderBu() != null && r.orderId() != null) {
                orders.putIfAbsent(r.orderBu() + ":" + r.orderId(), new Order(r.orderBu(), r.orderId(), r.memberId()));
            }
        }
        if (orders.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        orders.values().forEach(o -> {
            params.add(o.bu());
            params.add(o.orderId());
        });
        // (bu, order_id) pairs spelled out, so the locking read takes the index's rows of these orders only
        String pairs = String.join(" OR ", Collections.nCopies(orders.size(), "(bu = ? AND order_id = ?)"));
        Map<String, List<Seen>> refundsOf = new HashMap<>();
        jdbc.sql("SELECT bu, order_id, refund_id, refund_fen, order_amount_fen FROM order_refund_seen WHERE " + pairs
                        + " ORDER BY seen_at, refund_id FOR UPDATE")
                .params(params)
                .query((rs, n) ->
                        new Seen(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list()
                .forEach(seen -> refundsOf
                        .computeIfAbsent(seen.bu() + ":" + seen.orderId(), k -> new ArrayList<>())
                        .add(seen));
        refundsOf.forEach((key, refunds) -> {
            Order order = orders.get(key);
            long refunded = refunds.stream().mapToLong(Seen::refundFen).sum();
            if (order != null && refunded >= refunds.getFirst().orderFen()) {
                takeBack(
                        order.memberId(),
                        order.bu(),
                        order.orderId(),
                        refunds.getLast().refundId(),
                        now);
            }
        });
    }

    /** The coupons campaigns issued for the member's order in this BU, not yet decided by a refund. */
    private List<Granted> grantedFor(String memberId, String bu, String orderId) {
        return jdbc.sql(
                        """
                        SELECT g.campaign_id, g.occurrence, g.coupon_id, c.template_id, t.funding_bu
                          FROM campaign_reward g
                          JOIN coupon c ON c.id = g.coupon_id
                          JOIN coupon_template t ON t.id = c.template_id
                         WHERE g.member_id = ? AND g.order_id = ? AND g.order_bu = ? AND g.outcome = 'ISSUED'
                           AND g.refund_outcome IS NULL
                           FOR UPDATE
                        """)
                .params(memberId, orderId, bu)
                .query((rs, n) -> new Granted(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private boolean decide(String campaignId, String memberId, String occurrence, String outcome) {
        return jdbc.sql("UPDATE campaign_reward SET refund_outcome = ? WHERE campaign_id = ? AND member_id = ?"
                                + " AND occurrence = ? AND refund_outcome IS NULL")
                        .params(outcome, campaignId, memberId, occurrence)
                        .update()
                == 1;
    }
}
