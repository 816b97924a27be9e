package io.unimember.insight.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the topology takes from an event envelope: only the fields a figure needs, with the business time the event
 * happened at (the order's time, the coupon's issue time), which is the record's event time in the topology.
 */
public sealed interface InsightEvent {

    String memberId();

    Instant at();

    record Registered(String memberId, Instant at) implements InsightEvent {}

    record OrderCompleted(String memberId, Instant at, String bu, String orderId, long amountFen)
            implements InsightEvent {}

    record OrderRefunded(String memberId, Instant at, String bu, String orderId, String refundId, long refundFen)
            implements InsightEvent {}

    record CouponIssued(String memberId, Instant at, String campaign, String couponId) implements InsightEvent {}

    record CouponRedeemed(String memberId, Instant at, String campaign, String couponId, long discountFen)
            implements InsightEvent {}

    /** A redeemed coupon came back with its order's refund: its redemption and cost no longer count. */
    record CouponReturned(String memberId, Instant at, String campaign, String couponId, long discountFen)
            implements InsightEvent {}

    /** A points balance right after a change; {@code version} orders a member's snapshots. */
    record PointsBalance(String memberId, Instant at, long available, long version) implements InsightEvent {}

    record TierChanged(String memberId, Instant at, String tier, long version) implements InsightEvent {}

    /** An event type the topology has no figure for, or one it could not read. */
    record Ignored(String memberId, Instant at, @Nullable String reason) implements InsightEvent {}
}
