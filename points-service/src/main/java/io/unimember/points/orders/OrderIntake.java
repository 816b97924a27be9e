package io.unimember.points.orders;

import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.idempotency.IdempotentResult;
import io.unimember.common.web.FieldErrors;
import io.unimember.points.PointsProperties;
import io.unimember.points.earning.BusinessUnit;
import io.unimember.points.earning.BusinessUnits;
import io.unimember.points.members.KnownMembers;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The entry for orders and refunds, from REST and from Kafka alike: checks the BU, then runs the change once per
 * (bu, orderId) or (bu, refundId). Orders go through group commit ({@link GroupCommit}, decision 0018): orders
 * arriving together are accepted in one transaction. A replay answers the stored response; the same id with other content is
 * {@code 409 IDEMPOTENCY_CONFLICT}.
 */
@Component
class OrderIntake {

    /** What a refund's idempotency hash covers: the path's order id as well as the body. */
    record RefundCommand(String orderId, String refundId, long amountFen) {}

    private final Idempotency idempotency;
    private final BusinessUnits units;
    private final KnownMembers members;
    private final OrderAcceptance acceptance;
    private final RefundProcessing refunds;
    private final Clock clock;
    private final PointsProperties properties;
    private final @Nullable GroupCommit<OrderAcceptance.Submitted, IdempotentResult<OrderReceipt>> batches;

    OrderIntake(
            Idempotency idempotency,
            BusinessUnits units,
            KnownMembers members,
            OrderAcceptance acceptance,
            RefundProcessing refunds,
            Clock clock,
            PointsProperties properties) {
        this.idempotency = idempotency;
        this.units = units;
        this.members = members;
        this.acceptance = acceptance;
        this.refunds = refunds;
        this.clock = clock;
        this.properties = properties;
        this.batches = properties.intakeBatchMax() > 0
                ? new GroupCommit<>(
                        properties.intakeLanes(),
                        properties.intakeBatchMax(),
                        submitted -> submitted.request().memberId().hashCode(),
                        acceptance::acceptAll)
                : null;
    }

    IdempotentResult<OrderReceipt> order(String buCode, OrderRequest request) {
        BusinessUnit bu = units.require(buCode);
        if (request.occurredAt().isAfter(clock.instant().plus(properties.maxClockSkew()))) {
            throw FieldErrors.invalid("occurredAt", "must not be in the future");
        }
        // before anything is claimed or written: a mistyped id must never become a points liability (§17)
        members.require(request.memberId());
        Idempotency.Claim claim = idempotency.claim("order:" + bu.code(), request.orderId(), request);
        if (batches != null) {
            IdempotentResult<OrderReceipt> batched = batches.submit(new OrderAcceptance.Submitted(bu, request, claim));
            if (batched != null) {
                return batched;
            }
        }
        // on its own: group commit is off, or the batch left this order out (a replay, a key in use) or failed
        return idempotency
                .once(claim)
                .answering(HttpStatus.CREATED, OrderReceipt.class, () -> acceptance.accept(bu, request));
    }

    IdempotentResult<RefundReceipt> refund(String buCode, String orderId, RefundRequest request) {
        BusinessUnit bu = units.require(buCode);
        var command = new RefundCommand(orderId, request.refundId(), request.amountFen());
        return idempotency
                .once("refund:" + bu.code(), request.refundId(), command)
                .answering(HttpStatus.CREATED, RefundReceipt.class, () -> refunds.refund(bu.code(), orderId, request));
    }
}
