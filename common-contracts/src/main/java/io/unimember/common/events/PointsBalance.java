package io.unimember.common.events;

import java.util.List;

/**
 * A member's points balance right after the change an event describes. {@code version} grows by one with every
 * change to the member's balance, so a read model can ignore a snapshot older than the one it holds.
 */
public record PointsBalance(
        long available, long frozen, long lifetimeEarned, long version, List<ExpiringPoints> expiring) {}
