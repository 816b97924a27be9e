package io.unimember.points.orders;

import io.unimember.common.idempotency.IdempotentResult;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.points.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

    OrderController(OrderIntake intake, OrderRepository orders) {
        this.intake = intake;
        this.orders = orders;
    }

    @PostMapping("/api/v1/bu/orders")
    ResponseEntity<OrderReceipt> report(Caller caller, @Valid @RequestBody OrderRequest request) {
        return answer(intake.order(caller.bu(), request));
    }

    @PostMapping("/api/v1/bu/orders/{orderId}/refunds")
    ResponseEntity<RefundReceipt> refund(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.CLIENT_ID) String orderId,
            @Valid @RequestBody RefundRequest request) {
        return answer(intake.refund(caller.bu(), orderId, request));
    }

    @GetMapping("/api/v1/bu/orders/{orderId}")
    StoredOrder find(Caller caller, @PathVariable @Pattern(regexp = Ids.CLIENT_ID) String orderId) {
        return orders.find(caller.bu(), orderId)
                .orElseThrow(() ->
                        ApiException.notFound("ORDER_NOT_FOUND", "no order " + orderId + " of this business unit"));
    }

    private static <T> ResponseEntity<T> answer(IdempotentResult<T> result) {
        return ResponseEntity.status(result.status()).body(result.body());
    }
}
