package io.unimember.tier.evaluation;

import io.unimember.tier.tiers.Tier;
import io.unimember.tier.tiers.TierTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The tier rules as pure functions of the tier table, the member's tier and growth, and the time. */
public final class TierEvaluation {

    private TierEvaluation() {}

    /**
     * The upgrades a member earns now: to the highest tier their growth reaches, and at least to {@code orderTier}
     * when they just completed an order. One step per tier passed, lowest first, so a member crossing two thresholds
     * gets two events in order, each naming a real tier they moved through.
     *
     * @param orderTier the tier a completed order grants (SILVER), or null when no order is being applied
     * @param firstOrder the order being applied is the member's first: the step into {@code orderTier} is FIRST_ORDER
     * @param reason the reason of the growth-driven steps (UPGRADE, or ADMIN_RULES after a rule change)
     */
    public static List<Step> upgrades(
            TierTable table,
            String current,
            long growth,
            @Nullable String orderTier,
            boolean firstOrder,
            Reason reason) {
        int from = table.indexOf(current);
        int target = table.indexOf(table.reachedBy(growth).code());
        if (orderTier != null) {
            target = Math.max(target, table.indexOf(orderTier));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = from + 1; i <= target; i++) {
            String to = table.at(i).code();
            Reason why = firstOrder && to.equals(orderTier) ? Reason.FIRST_ORDER : reason;
            steps.add(new Step(table.at(i - 1).code(), to, why));
        }
        return steps;
    }

    /**
     * The monthly downgrade: none while the tier is retained (保级), none while growth still reaches the tier's
     * threshold, otherwise exactly one tier down, never below the lowest.
     */
    public static Optional<Step> downgrade(
            TierTable table, String current, long growth, @Nullable Instant retainedUntil, Instant now) {
        if (retainedUntil != null && now.isBefore(retainedUntil)) {
            return Optional.empty();
        }
        Tier tier = table.get(current);
        if (growth >= tier.growthThreshold()) {
            return Optional.empty();
        }
        return table.below(current).map(below -> new Step(current, below.code(), Reason.DOWNGRADE));
    }

    /** Until when a tier reached at {@code reachedAt} is kept whatever the growth; the lowest needs no keeping. */
    public static @Nullable Instant retainedUntil(
            TierTable table, String tier, Instant reachedAt, java.time.Duration retention) {
        return table.lowest().code().equals(tier) ? null : reachedAt.plus(retention);
    }
}
