package io.unimember.points.orders;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.points.PointsProperties;
import io.unimember.points.earning.BusinessUnit;
import io.unimember.points.earning.EarnRule;
import io.unimember.points.earning.Earning;
import io.unimember.points.ledger.Earned;
import io.unimember.points.ledger.Ledger;
import io.unimember.points.ledger.MemberAccount;
import io.unimember.points.tiers.TierProjection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts one order: applies the earn rule under the member's lock (so concurrent orders see each other's points
 * against the daily cap), credits the points, stores the order and records its events, all in one transaction.
 */
@Component
class OrderAcceptance {

    private final Ledger ledger;
    private final TierProjection tiers;
    private final OrderRepository orders;
    private final EventPublisher events;
    private final OrderMetrics metrics;
    private final Clock clock;
    private final PointsProperties properties;

    OrderAcceptance(
            Ledger ledger,
            TierProjection tiers,
            OrderRepository orders,
            EventPublisher events,
            OrderMetrics metrics,
            Clock clock,
            PointsProperties properties) {
        this.ledger = ledger;
        this.tiers = tiers;
        this.orders = orders;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    OrderReceipt accept(BusinessUnit bu, OrderRequest request) {
        Instant now = clock.instant();
        LocalDate day = ledger.businessDay(now);
        MemberAccount account = ledger.lock(request.memberId());
        Earning earning = EarnRule.apply(
                request.amountFen(),
                bu,
                tiers.multiplierOf(request.memberId()),
                account.earnedOn(day),
                properties.dailyCap());
        Instant lotExpiry = ledger.lotExpiryFor(now);
        orders.insert(
                new StoredOrder(
                        bu.code(),
                        request.orderId(),
                        request.memberId(),
                        request.amountFen(),
                        request.category(),
                        request.occurredAt(),
                        earning.points(),
                        earning.growth(),
                        earning.capped(),
                        lotExpiry,
                        0,
                        0),
                now);
        if (earning.points() > 0) {
            Earned earned = ledger.earn(account, bu.code(), request.orderId(), earning.points(), day);
            events.publish(new PointsEarned(
                    request.memberId(),
                    earned.transferId(),
                    bu.code(),
                    request.orderId(),
                    earned.points(),
                    earning.capped(),
                    earned.expiresAt(),
                    earned.balance()));
        }
        events.publish(new OrderCompleted(
                request.memberId(),
                bu.code(),
                request.orderId(),
                request.amountFen(),
                request.category(),
                request.occurredAt(),
                earning.points()));
        metrics.accepted(bu.code(), earning.points());
        return new OrderReceipt(request.orderId(), earning.points(), earning.growth(), earning.capped());
    }
}
