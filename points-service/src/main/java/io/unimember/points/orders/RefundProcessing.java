package io.unimember.points.orders;

import io.unimember.common.events.OrderRefunded;
import io.unimember.common.events.PointsRefunded;
import io.unimember.common.events.PointsReversed;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.web.ApiException;
import io.unimember.points.holds.SpendingOnOrders;
import io.unimember.points.ledger.Ledger;
import io.unimember.points.ledger.MemberAccount;
import io.unimember.points.ledger.Returned;
import io.unimember.points.ledger.Reversed;
import io.unimember.points.ledger.SpentOnOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reverses an order's points in proportion to what was refunded. The proportion is taken over all refunds so far:
 * reversed = floor(points × refunded / amount), minus what earlier refunds reversed, so refunding an order in parts
 * reverses exactly what refunding it at once would, and a full refund reverses all its points. Points the member
 * spent on the order (its confirmed holds) come back by the same rule (decision 0036): returned = floor(spent ×
 * refunded / amount) minus what earlier refunds returned, so partial refunds never return more than was spent. They
 * come back before the earned points are reversed, so a member who spent the order's own points owes nothing. The
 * member's lock and then the order's serialize every refund of one order.
 */
@Component
class RefundProcessing {

    private final Ledger ledger;
    private final SpendingOnOrders spending;
    private final OrderRepository orders;
    private final EventPublisher events;
    private final Clock clock;

    RefundProcessing(
            Ledger ledger, SpendingOnOrders spending, OrderRepository orders, EventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.spending = spending;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    RefundReceipt refund(String bu, String orderId, RefundRequest request) {
        Instant now = clock.instant();
        String memberId =
                orders.find(bu, orderId).orElseThrow(() -> notFound(orderId)).memberId();
        MemberAccount account = ledger.lock(memberId);
        StoredOrder order = orders.lock(bu, orderId).orElseThrow(() -> notFound(orderId));
        long refunded = order.refundedFen() + request.amountFen();
        if (refunded > order.amountFen()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "REFUND_EXCEEDS_ORDER",
                    "refunds would add up to more than the order's amount",
                    Map.of("refundableFen", order.amountFen() - order.refundedFen()));
        }
        long reversedSoFar = share(order.pointsEarned(), refunded, order.amountFen());
        long points = reversedSoFar - order.pointsReversed();
        // tier-service reverses growth from order.refunded by this same cumulative rule; answered here, not asked there
        long growth = share(order.growthEarned(), refunded, order.amountFen())
                - share(order.growthEarned(), order.refundedFen(), order.amountFen());
        if (!orders.recordRefund(order, refunded, reversedSoFar)) {
            throw new IllegalStateException("order " + bu + "/" + orderId + " changed under its lock");
        }
        long returned = giveBackSpent(account, order, request.refundId(), refunded);
        if (returned > 0) {
            account = ledger.lock(memberId); // the balance changed; the reversal starts from the row as it is now
        }
        long shortfall = 0;
        if (points > 0) {
            Reversed reversed = ledger.reverse(account, bu, request.refundId(), points, order.lotExpiresAt());
            shortfall = reversed.shortfall();
            events.publish(new PointsReversed(
                    memberId,
                    reversed.transferId(),
                    bu,
                    orderId,
                    request.refundId(),
                    points,
                    shortfall,
                    reversed.balance()));
        }
        orders.insertRefund(bu, request.refundId(), orderId, request.amountFen(), points, shortfall, returned, now);
        events.publish(new OrderRefunded(
                memberId, bu, orderId, request.refundId(), request.amountFen(), order.amountFen(), points, now));
        return new RefundReceipt(
                request.refundId(), orderId, request.amountFen(), points, shortfall, returned, growth, refunded);
    }

    /** Gives back this refund's share of the points spent on the order; returns how many. */
    private long giveBackSpent(MemberAccount account, StoredOrder order, String refundId, long refunded) {
        List<String> holds = spending.confirmedHolds(order.bu(), order.memberId(), order.orderId());
        SpentOnOrder spent = ledger.spentOn(order.bu(), holds);
        long points = share(spent.spent(), refunded, order.amountFen()) - spent.returned();
        if (points <= 0) {
            return 0;
        }
        Returned returned = ledger.giveBack(account, order.bu(), refundId, holds, points);
        events.publish(new PointsRefunded(
                order.memberId(),
                returned.transferId(),
                order.bu(),
                order.orderId(),
                refundId,
                points,
                returned.lots(),
                returned.balance()));
        return points;
    }

    /** floor(points × refunded / amount): the points of the refunded share, never more than all of them. */
    static long share(long points, long refunded, long amount) {
        return BigDecimal.valueOf(points)
                .multiply(BigDecimal.valueOf(refunded))
                .divide(BigDecimal.valueOf(amount), 0, RoundingMode.FLOOR)
                .longValueExact();
    }

    private static ApiException notFound(String orderId) {
        return ApiException.notFound("ORDER_NOT_FOUND", "no order " + orderId + " of this business unit");
    }
}
