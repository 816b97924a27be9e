package io.unimember.points.orders;

import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.idempotency.IdempotentResult;
import io.unimember.common.web.ApiException;
import io.unimember.points.PointsProperties;
import io.unimember.points.earning.BusinessUnit;
import io.unimember.points.earning.BusinessUnits;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The entry for orders and refunds, from REST and from Kafka alike: checks the BU, then runs the change once per
 * (bu, orderId) or (bu, refundId). A replay answers the stored response; the same id with other content is
 * {@code 409 IDEMPOTENCY_CONFLICT}.
 */
@Component
class OrderIntake {

    /** What a refund's idempotency hash covers: the path's order id as well as the body. */
    record RefundCommand(String orderId, String refundId, long amountFen) {}

    private final Idempotency idempotency;
    private final BusinessUnits units;
    private final OrderAcceptance acceptance;
    private final RefundProcessing refunds;
    private final Clock clock;
    private final PointsProperties properties;

    OrderIntake(
            Idempotency idempotency,
            BusinessUnits units,
            OrderAcceptance acceptance,
            RefundProcessing refunds,
            Clock clock,
            PointsProperties properties) {
        this.idempotency = idempotency;
        this.units = units;
        this.acceptance = acceptance;
        this.refunds = refunds;
        this.clock = clock;
        this.properties = properties;
    }

    IdempotentResult<OrderReceipt> order(String buCode, OrderRequest request) {
        BusinessUnit bu = units.require(buCode);
        if (request.occurredAt().isAfter(clock.instant().plus(properties.maxClockSkew()))) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "the request has invalid fields",
                    Map.of("errors", List.of(Map.of("field", "occurredAt", "message", "must not be in the future"))));
        }
        return idempotency.execute(
                "order:" + bu.code(),
                request.orderId(),
                request,
                HttpStatus.CREATED.value(),
                OrderReceipt.class,
                () -> acceptance.accept(bu, request));
    }

    IdempotentResult<RefundReceipt> refund(String buCode, String orderId, RefundRequest request) {
        BusinessUnit bu = units.require(buCode);
        return idempotency.execute(
                "refund:" + bu.code(),
                request.refundId(),
                new RefundCommand(orderId, request.refundId(), request.amountFen()),
                HttpStatus.CREATED.value(),
                RefundReceipt.class,
                () -> refunds.refund(bu.code(), orderId, request));
    }
}
