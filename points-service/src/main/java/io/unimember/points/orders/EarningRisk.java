package io.unimember.points.orders;

import io.unimember.common.risk.Checkpoint;
import io.unimember.common.risk.Counter;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.common.risk.RiskDecision;
import io.unimember.common.risk.RiskDecisions;
import io.unimember.common.risk.RiskEngine;
import io.unimember.common.risk.RiskProperties;
import io.unimember.common.risk.Signals;
import io.unimember.points.earning.Earning;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Risk control on what an order earns (design §14), inside the order's transaction. A frozen member's order earns
 * nothing: a lookup in the copy of the frozen set this service holds in memory. An order that would earn at least
 * {@code unimember.risk.large-earning-points} is a decision at {@link Checkpoint#EARNING} — one Redis round trip,
 * recorded with the order — which may refuse its points or park them for review; every other order costs nothing
 * here.
 */
@Component
class EarningRisk {

    private final FrozenMembers frozen;
    private final RiskEngine engine;
    private final RiskDecisions decisions;
    private final RiskProperties properties;
    private final ParkedEarningRepository parked;

    EarningRisk(
            FrozenMembers frozen,
            RiskEngine engine,
            RiskDecisions decisions,
            RiskProperties properties,
            ParkedEarningRepository parked) {
        this.frozen = frozen;
        this.engine = engine;
        this.decisions = decisions;
        this.properties = properties;
        this.parked = parked;
    }

    /**
     * Judges the order's {@code earning} as the earn rule computed it: null when the order earns it as usual, else
     * why it earns nothing now. A parked earning is stored under its review's id before this returns.
     */
    @Nullable
    OrderRisk judge(String bu, OrderRequest request, Earning earning, Instant now) {
        String memberId = request.memberId();
        if (frozen.isFrozen(memberId)) {
            return OrderRisk.FROZEN;
        }
        if (earning.points() <= 0 || earning.points() < properties.largeEarningPoints()) {
            return null;
        }
        // counted as this order: taken again (its batch gave way and it is retried on its own), it counts once
        RiskDecision decision = engine.decide(
                Checkpoint.EARNING,
                new Signals(memberId, null, null, null),
                "order:" + bu + ":" + request.orderId(),
                Counter.LARGE_EARNINGS);
        decisions.record(decision, memberId, "order:" + request.orderId());
        return switch (decision.outcome()) {
            case ALLOW -> null;
            case DENY -> OrderRisk.DENIED;
            case REVIEW -> {
                parked.park(decision.id(), bu, request.orderId(), memberId, earning, now);
                yield OrderRisk.PENDING_REVIEW;
            }
        };
    }
}
