package io.unimember.common.events;

/**
 * A points event that changes a member's balance and carries the balance right after it, so a read model can keep a
 * balance from the events alone ({@link PointsBalance#version()} orders the snapshots).
 */
public sealed interface BalanceChange extends DomainEvent
        permits PointsEarned,
                PointsReversed,
                PointsRefunded,
                PointsHeld,
                PointsReleased,
                PointsRedeemed,
                PointsExpired,
                PointsHoldRefused {

    PointsBalance balance();
}
