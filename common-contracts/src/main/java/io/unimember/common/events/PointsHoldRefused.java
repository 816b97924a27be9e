package io.unimember.common.events;

/**
 * points-service could not hold (or, for an exchange's confirmation, keep) the points a hold asked for: {@code reason}
 * is {@code POINTS_INSUFFICIENT}, {@code MEMBER_FROZEN} (risk control froze the member), or {@code HOLD_EXPIRED} when
 * the hold ran out before its confirmation arrived. The balance did not change; it is the member's balance as it stands, as on every points event.
 */
@EventType(value = "points.hold_refused", topic = Topics.POINTS)
public record PointsHoldRefused(
        String memberId, String holdId, String bu, String orderRef, long points, String reason, PointsBalance balance)
        implements BalanceChange {}
