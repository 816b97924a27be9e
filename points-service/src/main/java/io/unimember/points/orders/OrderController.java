package io.unimember.points.orders;

import io.unimember.common.idempotency.IdempotentResult;
import io.unimember.common.openapi.Creates;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.common.web.Problems;
import io.unimember.points.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Order intake for BUs: report an order, refund part of it, look one up. The BU is always the token's. */
@RestController
@PreAuthorize("hasAuthority('SCOPE_bu:orders')")
class OrderController {

    private final OrderIntake intake;
    private final OrderRepository orders;
    private final OrderAdmission admission;

    OrderController(OrderIntake intake, OrderRepository orders, OrderAdmission admission) {
        this.intake = intake;
        this.orders = orders;
        this.admission = admission;
    }

    /**
     * Reports a completed order: the member earns its points and growth. The order id is the idempotency key:
     * the same order again answers the first receipt, a different one under the same id is 409. An order of a frozen
     * member, or a large one risk control refuses or parks for review, is recorded all the same and earns nothing
     * now: the receipt's {@code risk} says why ({@code FROZEN}, {@code DENIED}, {@code PENDING_REVIEW}).
     */
    @PostMapping("/api/v1/bu/orders")
    @Creates("the order is accepted: the points and growth it earned")
    ResponseEntity<OrderReceipt> report(Caller caller, @Valid @RequestBody OrderRequest request) {
        return answer(admission.admit(() -> intake.order(caller.bu(), request)));
    }

    /**
     * Refunds part or all of an order. Reverses the refunded share of the points it earned and gives back that
     * share of the points spent on it; the refund id is the idempotency key.
     */
    @PostMapping("/api/v1/bu/orders/{orderId}/refunds")
    @Creates("the refund is applied: the points and growth it reversed")
    ResponseEntity<RefundReceipt> refund(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.CLIENT_ID) String orderId,
            @Valid @RequestBody RefundRequest request) {
        return answer(admission.admit(() -> intake.refund(caller.bu(), orderId, request)));
    }

    /**
     * Reads an order the calling BU reported, with what its refunds reversed so far.
     */
    @GetMapping("/api/v1/bu/orders/{orderId}")
    StoredOrder find(Caller caller, @PathVariable @Pattern(regexp = Ids.CLIENT_ID) String orderId) {
        return orders.find(caller.bu(), orderId)
                .orElseThrow(() ->
                        ApiException.notFound("ORDER_NOT_FOUND", "no order " + orderId + " of this business unit"));
    }

    /** Too many orders in progress: nothing was looked at or changed, so the client retries after a second. */
    @ExceptionHandler(OrderAdmission.Overloaded.class)
    ResponseEntity<ProblemDetail> overloaded() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "SERVICE_OVERLOADED",
                        "too many orders are being taken right now; nothing was changed, retry"));
    }

    private static <T> ResponseEntity<T> answer(IdempotentResult<T> result) {
        return ResponseEntity.status(result.status()).body(result.body());
    }
}
