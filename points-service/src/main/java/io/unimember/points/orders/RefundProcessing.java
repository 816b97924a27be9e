package io.unimember.points.orders;

import io.unimember.common.events.OrderRefunded;
import io.unimember.common.events.PointsReversed;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.web.ApiException;
import io.unimember.points.ledger.Ledger;
import io.unimember.points.ledger.MemberAccount;
import io.unimember.points.ledger.Reversed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reverses an order's points in proportion to what was refunded. The proportion is taken over all refunds so far:
 * reversed = floor(points × refunded / amount), minus what earlier refunds reversed, so refunding an order in parts
 * reverses exactly what refunding it at once would, and a full refund reverses all its points.
 */
@Component
class RefundProcessing {

    private final Ledger ledger;
    private final OrderRepository orders;
    private final EventPublisher events;
    private final Clock clock;

    RefundProcessing(Ledger ledger, OrderRepository orders, EventPublisher events, Clock clock) {
        this.ledger = ledger;
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
        long reversedSoFar = BigDecimal.valueOf(order.pointsEarned())
                .multiply(BigDecimal.valueOf(refunded))
                .divide(BigDecimal.valueOf(order.amountFen()), 0, RoundingMode.FLOOR)
                .longValueExact();
        long points = reversedSoFar - order.pointsReversed();
        if (!orders.recordRefund(order, refunded, reversedSoFar)) {
            throw new IllegalStateException("order " + bu + "/" + orderId + " changed under its lock");
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
        orders.insertRefund(bu, request.refundId(), orderId, request.amountFen(), points, shortfall, now);
        events.publish(new OrderRefunded(
                memberId, bu, orderId, request.refundId(), request.amountFen(), order.amountFen(), points, now));
        return new RefundReceipt(request.refundId(), orderId, request.amountFen(), points, shortfall, refunded);
    }

    private static ApiException notFound(String orderId) {
        return ApiException.notFound("ORDER_NOT_FOUND", "no order " + orderId + " of this business unit");
    }
}
