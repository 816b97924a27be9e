package io.unimember.coupon.locks;

import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.openapi.Creates;
import io.unimember.common.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** BU checkout: lock, then redeem or release. A BU only ever sees and resolves its own locks. */
@RestController
@PreAuthorize("hasAuthority('SCOPE_bu:redeem')")
class LockController {

    private final Checkout checkout;
    private final Idempotency idempotency;

    LockController(Checkout checkout, Idempotency idempotency) {
        this.checkout = checkout;
        this.idempotency = idempotency;
    }

    /** The request body's record, with the coupon, is what a replayed lockId must match. */
    record LockCommand(String couponId, LockRequest request) {}

    @PostMapping("/api/v1/bu/coupons/{couponId}/locks")
    @Creates("the coupon is locked for this checkout")
    ResponseEntity<LockView> lock(
            Caller caller, @PathVariable @Size(max = 36) String couponId, @Valid @RequestBody LockRequest request) {
        String bu = caller.bu();
        var result = idempotency
                .once("lock:" + bu, request.lockId(), new LockCommand(couponId, request))
                .answering(HttpStatus.CREATED, LockView.class, () -> checkout.lock(bu, couponId, request));
        return ResponseEntity.status(result.status()).body(result.body());
    }

    @PostMapping("/api/v1/bu/coupons/locks/{lockId}/redeem")
    LockView redeem(Caller caller, @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String lockId) {
        return checkout.redeem(caller.bu(), lockId);
    }

    @PostMapping("/api/v1/bu/coupons/locks/{lockId}/release")
    LockView release(Caller caller, @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String lockId) {
        return checkout.release(caller.bu(), lockId);
    }
}
